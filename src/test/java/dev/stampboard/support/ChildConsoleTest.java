package dev.stampboard.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A test whose consoles are {@link ChildConsole}s only: no Spring context in the test JVM and nothing JVM-wide (no
 * security-context strategy, no system property) touched. Such a test runs in the failsafe phase (JUnit tag {@code
 * console}) on a thread of its own, beside the scenario tests: those hold one core (one context, one simulated clock),
 * the child consoles use the other. Tests that start a console in-process ({@code SpringApplication.run}) are not
 * this: each installs its security-context strategy JVM-wide, which a concurrent Spring test would then use.
 *
 * <p>{@code CONCURRENT} reaches the class's test methods too: methods that must run in their {@code @Order} (one
 * console, steps that build on each other) say {@code @Execution(ExecutionMode.SAME_THREAD)} each, as
 * {@code SingleSignOnTest}'s do (without it they ran in reverse order once the pool was capped).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("console")
@Execution(ExecutionMode.CONCURRENT)
public @interface ChildConsoleTest {}
