package dev.stampboard.azure;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Vaadin's security configuration installs its own {@link SecurityContextHolder} strategy, which is
 * JVM-wide. These tests start a second console context in the suite's JVM; without this, the shared
 * test context would afterwards read users through the strategy of a context it does not own (and
 * see everyone as anonymous). Restores the strategy that was in force before the test class.
 */
final class SecurityStrategyRestored implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NS =
            ExtensionContext.Namespace.create(SecurityStrategyRestored.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NS).put("strategy", SecurityContextHolder.getContextHolderStrategy());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        SecurityContextHolderStrategy before =
                context.getStore(NS).get("strategy", SecurityContextHolderStrategy.class);
        if (before != null) {
            SecurityContextHolder.setContextHolderStrategy(before);
        }
    }
}
