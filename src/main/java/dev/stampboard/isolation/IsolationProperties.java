package dev.stampboard.isolation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code stampboard.isolation.check-millis}: how often approved requests are checked for their next step.
 * The sizing figures under the same prefix are the planning module's ({@code StampSizing}), the one
 * sizing path for every dedicated stamp.
 */
@ConfigurationProperties("stampboard.isolation")
record IsolationProperties(long checkMillis) {

    IsolationProperties {
        checkMillis = checkMillis <= 0 ? 5000 : checkMillis;
    }
}
