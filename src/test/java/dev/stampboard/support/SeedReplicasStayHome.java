package dev.stampboard.support;

import dev.stampboard.ScenarioTest;
import dev.stampboard.simulator.model.ScenarioRegistry;
import dev.stampboard.simulator.model.Scenarios;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Fails a shared-context test class that moved a replica of one of the seed's registries (the rule in README
 * "Tests"): every later class in the fork sees the seed's registries where the seed put them, and tests whose figures
 * come from the seed (calibration, the score, the planner's choices) depend on it. A test that moves registries
 * declares its own ({@link TestNames}, {@link TestStamps}); one that must move the seed's is a {@code @ScenarioTest},
 * which this leaves alone. Checked on the home-stamp history: moves of seed registries written during the class.
 */
public final class SeedReplicasStayHome implements BeforeAllCallback, AfterAllCallback {

    private static final List<String> SEED_REGISTRIES =
            Scenarios.seed().registries().stream().map(ScenarioRegistry::name).toList();

    private static final ExtensionContext.Namespace HERE =
            ExtensionContext.Namespace.create(SeedReplicasStayHome.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        if (applies(context)) {
            long last = jdbc(context)
                    .sql("select coalesce(max(id), 0) from home_stamp_change")
                    .query(Long.class)
                    .single();
            context.getStore(HERE).put("lastChange", last);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!applies(context)) {
            return;
        }
        long before = context.getStore(HERE).get("lastChange", Long.class);
        List<String> moves = jdbc(context)
                .sql("select registry, region, from_stamp, to_stamp from home_stamp_change"
                        + " where id > :before and from_stamp is not null and registry in (:seed) order by id")
                .param("before", before)
                .param("seed", SEED_REGISTRIES)
                .query((rs, n) ->
                        rs.getString(1) + "@" + rs.getString(2) + ": " + rs.getString(3) + " -> " + rs.getString(4))
                .list();
        if (!moves.isEmpty()) {
            throw new AssertionError(context.getRequiredTestClass().getSimpleName()
                    + " moved the seed's registries in the shared context " + moves
                    + ": declare registries and stamps of its own (TestNames, TestStamps), or make it a @ScenarioTest");
        }
    }

    private static boolean applies(ExtensionContext context) {
        return !AnnotationSupport.isAnnotated(context.getRequiredTestClass(), ScenarioTest.class);
    }

    private static JdbcClient jdbc(ExtensionContext context) {
        return JdbcClient.create(SpringExtension.getApplicationContext(context).getBean(javax.sql.DataSource.class));
    }
}
