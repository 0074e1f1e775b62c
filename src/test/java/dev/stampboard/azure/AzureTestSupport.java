package dev.stampboard.azure;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import dev.stampboard.MovableClock;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import reactor.core.publisher.Mono;

/**
 * Shared context of the adapter tests: profile {@code azure} with the real SDK clients over
 * {@link FakeAzure} (no socket), a static credential, no retries, scheduled polling held off (tests
 * call refresh and poll themselves) and a clock the tests move. Its own in-memory database. Tagged {@code azure}: the
 * adapter tests run in the failsafe phase's JVM, after the scenario sequence on its thread, so this context starts once
 * per build (in the unit phase it started once in each fork that drew an adapter test).
 */
@org.junit.jupiter.api.Tag("azure")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:stampboard-azure-fake;DB_CLOSE_DELAY=-1",
            "stampboard.security.demo-users=true", // the tests sign in as the demo users; production has none
            "stampboard.azure.subscription-id=" + AzureTestSupport.SUBSCRIPTION,
            "stampboard.azure.resource-groups=" + AzureTestSupport.GROUP,
            "stampboard.azure.dns.resource-group=rg-dns",
            "stampboard.azure.dns.zone=data.example.net",
            "stampboard.azure.dns.target={stamp}.stamps.example.net",
            "stampboard.azure.provisioning.registry-template=tpl-registry",
            "stampboard.azure.provisioning.dataproxy-template=rg-templates/tpl-dataproxy",
            "stampboard.azure.initial-delay=PT24H",
            "stampboard.azure.retry.max-retries=0",
            "stampboard.azure.retry.base-delay=PT0.001S"
        })
@ActiveProfiles({"test", "azure"})
@ExtendWith(SecurityStrategyRestored.class) // this second console context must not keep the JVM-wide security strategy
@Import(AzureTestSupport.Fakes.class)
abstract class AzureTestSupport {

    static final String SUBSCRIPTION = "00000000-1111-2222-3333-444444444444";
    static final String GROUP = "rg-stamps";
    static final Instant START = Instant.parse("2026-11-26T12:00:00Z");

    @Autowired
    FakeAzure azure;

    @Autowired
    MovableClock clock;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void resetFake() {
        azure.reset();
    }

    int auditCount() {
        return jdbc.sql("select count(*) from audit_event").query(Integer.class).single();
    }

    @TestConfiguration
    static class Fakes {
        @Bean
        FakeAzure fakeAzure() {
            return new FakeAzure();
        }

        @Bean
        @Primary
        TokenCredential staticCredential() {
            return request ->
                    Mono.just(new AccessToken("test-token", OffsetDateTime.now().plusHours(1)));
        }

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(START);
        }
    }
}
