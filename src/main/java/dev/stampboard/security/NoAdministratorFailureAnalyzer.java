package dev.stampboard.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link NoAdministrator} into Boot's "APPLICATION FAILED TO START" page with what to do. */
class NoAdministratorFailureAnalyzer extends AbstractFailureAnalyzer<NoAdministrator> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoAdministrator cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Set the initial administrator's password from a secret, e.g. the environment variable"
                        + " STAMPBOARD_ADMIN_PASSWORD (at least 12 characters; the user name is 'admin' unless"
                        + " STAMPBOARD_ADMIN_USERNAME says otherwise), and start again. Later administrators are"
                        + " managed in the console.",
                cause);
    }
}
