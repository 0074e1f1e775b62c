package dev.stampboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stampboard.StampboardApplication;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Each production profile started as an operator would start it (its own console and in-memory
 * database): no demo user exists and no demo password works, the initial administrator comes from the
 * secret, and without the secret the start stops and says why. That {@code postgres} runs no simulator and has no
 * demo user is checked on {@link SingleSignOnTest}'s console, a {@code postgres} console as well.
 */
class ProductionProfilesTest {

    private static final Map<String, String> DEMO = Map.of(
            "alice",
            "alice-pw",
            "bob",
            "bob-pw",
            "carol",
            "carol-pw",
            "dave",
            "dave-pw",
            "erin",
            "erin-pw",
            "frank",
            "frank-pw",
            "collector",
            "collector-pw");
    private static final String SECRET = "correct horse battery staple";

    private final SecurityContextHolderStrategy sharedStrategy = SecurityContextHolder.getContextHolderStrategy();

    @AfterEach
    void restoreSecurityStrategy() {
        SecurityContextHolder.setContextHolderStrategy(sharedStrategy); // each console installs its own JVM-wide
    }

    private static ConfigurableApplicationContext start(String profile, String db, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--spring.profiles.active=" + profile,
                "--spring.datasource.url=jdbc:h2:mem:" + db + ";DB_CLOSE_DELAY=-1",
                "--spring.datasource.username=sa",
                "--spring.datasource.password=",
                "--server.port=0",
                "--logging.level.root=WARN",
                "--vaadin.productionMode=false",
                "--stampboard.cutover.executor-enabled=false",
                // azure: a subscription that is never called (the pollers wait a day)
                "--stampboard.azure.subscription-id=00000000-0000-0000-0000-00000000beef",
                "--stampboard.azure.resource-groups=rg-none",
                "--stampboard.azure.initial-delay=PT24H",
                "--stampboard.azure.dns.resource-group=rg-dns",
                "--stampboard.azure.dns.zone=data.example.net"));
        args.addAll(List.of(more));
        return new SpringApplication(StampboardApplication.class).run(args.toArray(String[]::new));
    }

    static void assertNoDemoPasswordWorks(ConfigurableApplicationContext console, String secret) {
        AuthenticationManager auth = console.getBean(AuthenticationManager.class);
        DEMO.forEach((user, password) -> assertThatThrownBy(
                        () -> auth.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password)))
                .as(user)
                .isInstanceOf(BadCredentialsException.class));
        assertThat(auth.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("admin", secret))
                        .getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .contains("ROLE_ADMIN");
        assertThat(console.getBean(JdbcClient.class)
                        .sql("select username from app_user")
                        .query(String.class)
                        .list())
                .containsExactly("admin");
    }

    /**
     * A {@code postgres} console (its initial administrator from {@code secret}): no demo password works, no simulator
     * runs and the database holds no fake fleet. {@link SingleSignOnTest} checks this on its console first, which is
     * such a console (one console start fewer than a console of this class's own).
     */
    static void assertPostgresConsoleHasNoDemoUsersAndNoSimulator(
            ConfigurableApplicationContext console, String secret) {
        assertNoDemoPasswordWorks(console, secret);
        assertThat(console.getBeanNamesForType(dev.stampboard.simulator.SimulatorService.class))
                .isEmpty();
        assertThat(console.getBean(JdbcClient.class)
                        .sql("select count(*) from stamp")
                        .query(Integer.class)
                        .single())
                .as("no fake fleet in the production database")
                .isZero();
    }

    @Test
    void azure_has_no_demo_users() {
        try (ConfigurableApplicationContext console =
                start("azure", "prod-azure", "--stampboard.security.initial-admin.password=" + SECRET)) {
            assertNoDemoPasswordWorks(console, SECRET);
        }
    }

    @Test
    void without_the_administrators_secret_the_first_start_stops_and_says_why() {
        assertThat(rootOf(() -> start("postgres", "prod-no-admin").close()))
                .isInstanceOf(NoAdministrator.class)
                .hasMessageContaining("no administrator yet")
                .hasMessageContaining("STAMPBOARD_ADMIN_PASSWORD");
        assertThat(rootOf(() -> start(
                                "postgres", "prod-short-admin", "--stampboard.security.initial-admin.password=short")
                        .close()))
                .hasMessageContaining("shorter than 12 characters");
    }

    private static Throwable rootOf(org.assertj.core.api.ThrowableAssert.ThrowingCallable start) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(start);
        assertThat(t).as("the start fails").isNotNull();
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
