package dev.stampboard.support;

import dev.stampboard.MovableClock;
import dev.stampboard.StampboardApplication;
import dev.stampboard.cutover.CutoverExecutor;
import dev.stampboard.signals.SignalFeed;
import dev.stampboard.signals.SignalsService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * A {@link ChildConsole}'s main for tests that must reach inside the console they started: the application plus a
 * few test-only hooks under {@code /api/v1/test-hooks/} (signed in like any API call), so the test JVM starts no
 * Spring context of its own. With {@code --stampboard.test.clock=<instant>} the console's one clock is a
 * {@link MovableClock} starting there, moved only through the hook.
 *
 * <ul>
 *   <li>{@code GET  /api/v1/test-hooks/alerts}: the active reactive alerts, each {@code "<subject> <metric>"};
 *   <li>{@code GET  /api/v1/test-hooks/now-minute}: the signals engine's current minute ({@code SignalsService.nowMinute});
 *   <li>{@code POST /api/v1/test-hooks/clock/advance?minutes=N}: moves the movable clock;
 *   <li>{@code POST /api/v1/test-hooks/follow-clock}: the signal feed follows the clock ({@code SignalFeed.followClock});
 *   <li>{@code POST /api/v1/test-hooks/executor/run-once}: one executor pass ({@code CutoverExecutor.runOnce}).
 * </ul>
 *
 * Nothing here is found by a component scan (no stereotype on {@link Hooks}; only this main adds it), so neither the
 * shared test contexts nor the consoles other tests start have these hooks.
 */
public final class HookedConsole {

    private static volatile MovableClock clock;

    private HookedConsole() {}

    public static void main(String[] args) {
        new SpringApplicationBuilder(StampboardApplication.class, Hooks.class)
                .initializers(context -> {
                    context.getBeanFactory().registerSingleton("noTestComponents", new NoTestComponents());
                    String start = context.getEnvironment().getProperty("stampboard.test.clock");
                    if (start != null) {
                        MovableClock movable = new MovableClock(Instant.parse(start));
                        clock = movable;
                        ((GenericApplicationContext) context)
                                .registerBean("testClock", Clock.class, () -> movable, bd -> bd.setPrimary(true));
                    }
                })
                .run(args);
    }

    /** Keeps test configurations and components on the class path out of the child's component scan. */
    static final class NoTestComponents extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().isAnnotated(TestComponent.class.getName());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof NoTestComponents;
        }

        @Override
        public int hashCode() {
            return NoTestComponents.class.hashCode();
        }
    }

    /** The hooks, as functional routes. */
    static class Hooks {
        @Bean
        RouterFunction<ServerResponse> testHooks(ApplicationContext context) {
            return RouterFunctions.route()
                    .GET("/api/v1/test-hooks/alerts", request -> {
                        List<String> alerts = context.getBean(SignalsService.class).activeAlerts().stream()
                                .map(a -> a.subject().label() + " " + a.rule().metric())
                                .toList();
                        return ServerResponse.ok().body(alerts);
                    })
                    .GET(
                            "/api/v1/test-hooks/now-minute",
                            request -> ServerResponse.ok()
                                    .body(context.getBean(SignalsService.class).nowMinute()))
                    .POST("/api/v1/test-hooks/clock/advance", request -> {
                        MovableClock movable = clock;
                        if (movable == null) {
                            return ServerResponse.status(409).body("no movable clock (--stampboard.test.clock)");
                        }
                        movable.advance(Duration.ofMinutes(
                                Long.parseLong(request.param("minutes").orElseThrow())));
                        return ServerResponse.ok().body(movable.instant().toString());
                    })
                    .POST("/api/v1/test-hooks/follow-clock", request -> {
                        context.getBean(SignalFeed.class).followClock();
                        return ServerResponse.ok()
                                .body(context.getBean(SignalsService.class).nowMinute());
                    })
                    .POST(
                            "/api/v1/test-hooks/executor/run-once",
                            request -> ServerResponse.ok()
                                    .body(context.getBean(CutoverExecutor.class).runOnce()))
                    .build();
        }
    }
}
