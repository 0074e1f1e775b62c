package dev.stampboard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that moves registries or runs the simulated clock for days. It runs in the failsafe phase of
 * {@code ./mvnw verify} (not in {@code test}), in a JVM of its own that holds one application context
 * for all such tests — the same configuration as {@link SpringTest} — so the unit phase's shared fleet
 * stays as the seed made it. Scenario tests share that fleet with each other in the order of their
 * {@link org.junit.jupiter.api.Order}: each uses registries no earlier one moved for good.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("scenario")
public @interface ScenarioTest {}
