package dev.stampboard.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.stampboard.Json;
import dev.stampboard.StampboardApplication;
import dev.stampboard.security.ProductionProfilesTest;
import dev.stampboard.support.ChildConsole;
import dev.stampboard.support.ChildConsoleTest;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import reactor.core.publisher.Mono;

/**
 * The console started with the {@code azure} profile against a local HTTPS mock of Resource Manager
 * and Monitor (WireMock, on the loopback only): the scheduled inventory and telemetry run on their
 * own, and the mocked fleet's hot-node P95 shows through the JSON API. The SDK's own Netty transport
 * is used; only this test's client trusts the mock's self-signed certificate. The console is a child JVM
 * ({@link ChildConsole}, main {@link Console}: the application plus {@link MockTrust}), so no Spring context
 * of its own starts in the test JVM and its pollers end with its process. It runs the {@code azure} profile alone, as
 * in production (no demo user: the test signs in as the initial administrator), so that
 * {@link ProductionProfilesTest}'s checks of that profile run on it first instead of on a console of their own.
 */
@ChildConsoleTest
class AzureEndToEndTest {

    static final String SUBSCRIPTION = "e2e00000-0000-0000-0000-000000000001";
    static final String GROUP = "rg-e2e";
    static final String VMSS = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + GROUP
            + "/providers/Microsoft.Compute/virtualMachineScaleSets";
    static final WireMockServer MOCK =
            new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().dynamicHttpsPort());
    /** Per pool, the hot-node (highest instance) value of each minute the mock serves. */
    static final Map<String, double[]> HOT = new LinkedHashMap<>();

    static {
        MOCK.start();
        Instant last = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MINUTES);
        serve("e2e-s01-reg", "registry", 2, last, 11);
        serve("e2e-s01-dp", "dataproxy", 3, last, 29);
        MOCK.stubFor(get(urlPathEqualTo(VMSS))
                .willReturn(json(AzureFixtures.text(
                        listOf(scaleSet("e2e-s01-reg", "registry", 2), scaleSet("e2e-s01-dp", "dataproxy", 3))))));
        MOCK.stubFor(get(urlPathEqualTo("/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + GROUP
                        + "/providers/Microsoft.Storage/storageAccounts"))
                .willReturn(json(AzureFixtures.storageAccounts())));
    }

    @AfterAll
    static void stop() {
        MOCK.stop();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode scaleSet(String name, String pool, int capacity) {
        var vmss = AzureFixtures.scaleSet(
                name,
                Map.of(ScaleSetTags.STAMP, "e2e-s01", ScaleSetTags.POOL, pool, ScaleSetTags.REGION, "westus3"),
                capacity,
                "Succeeded");
        vmss.put("id", VMSS + "/" + name);
        return vmss;
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode listOf(
            com.fasterxml.jackson.databind.node.ObjectNode... scaleSets) {
        var list = AzureFixtures.JSON.createObjectNode();
        var value = list.putArray("value");
        Arrays.stream(scaleSets).forEach(value::add);
        return list;
    }

    /** A scale set's instances and 30 minutes of their CPU (quarter-percent steps, so floats are exact). */
    private static void serve(String scaleSet, String pool, int instances, Instant last, int salt) {
        MOCK.stubFor(get(urlPathEqualTo(VMSS + "/" + scaleSet + "/virtualMachines"))
                .willReturn(json(AzureFixtures.instanceList(scaleSet, instances))));
        Map<String, Map<Instant, Double>> byVm = new TreeMap<>();
        double[] hot = new double[30];
        for (int vm = 0; vm < instances; vm++) {
            Map<Instant, Double> points = new TreeMap<>();
            for (int m = 0; m < 30; m++) {
                double cpu = 5 + ((m * salt + vm * 37) % 360) / 4.0;
                points.put(last.minus(Duration.ofMinutes(29 - m)), cpu);
                hot[m] = Math.max(hot[m], cpu);
            }
            byVm.put(scaleSet + "_" + vm, points);
        }
        HOT.put(pool, hot);
        MOCK.stubFor(get(urlPathMatching(".*" + VMSS + "/" + scaleSet + "/providers/Microsoft.Insights/metrics"))
                .willReturn(json(AzureMonitorTelemetryTest.metrics(scaleSet, byVm))));
    }

    static double nearestRankP95(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(0.95 * sorted.length) - 1];
    }

    /** The initial administrator's password, as an operator sets it from a secret (the profile has no demo user). */
    private static final String SECRET = "correct horse battery staple";

    @TempDir
    Path dir;

    @Test
    void the_mocked_fleet_and_its_p95_show_through_the_api() throws Exception {
        // a file the test reads beside the console (AUTO_SERVER), for ProductionProfilesTest's check
        String url = "jdbc:h2:file:" + dir.resolve("azure-e2e") + ";AUTO_SERVER=TRUE";
        try (ChildConsole console = ChildConsole.named("azure-e2e")
                .main(Console.class)
                .readinessAnonymous() // the production profile alone: no demo user, dave's credentials are refused
                .property("spring.profiles.active", "azure")
                .property("spring.datasource.url", url)
                .property("spring.datasource.username", "sa")
                .property("spring.datasource.password", "")
                .property("stampboard.security.initial-admin.password", SECRET)
                .property("stampboard.cutover.executor-enabled", false)
                .property("stampboard.azure.subscription-id", SUBSCRIPTION)
                .property("stampboard.azure.resource-groups", GROUP)
                .property("stampboard.azure.dns.resource-group", "rg-dns")
                .property("stampboard.azure.dns.zone", "data.example.net")
                .property("stampboard.azure.initial-delay", "PT0S")
                .property("stampboard.azure.telemetry-interval", "PT1S")
                .property("stampboard.azure.retry.max-retries", 0)
                .property("stampboard.azure.resource-manager-endpoint", "https://localhost:" + MOCK.httpsPort() + "/")
                .start()) {
            console.awaitReady(); // ChildConsole.START_BUDGET: 5 min ran out at load 20 beside three other console
            // classes
            // the production profile as an operator starts it (one console start fewer than a console of its own)
            ProductionProfilesTest.assertAzureConsoleHasOnlyTheAdministrator(console, SECRET, url);
            the_mocked_fleet_and_its_p95_show_through_the_api(console);
        }
    }

    private static void the_mocked_fleet_and_its_p95_show_through_the_api(ChildConsole console) throws Exception {
        JsonNode stamp = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response =
                    console.request("GET", "/api/v1/stamps?region=westus3", ChildConsole.basic("admin", SECRET), null);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode stamps = AzureFixtures.JSON.readTree(response.body());
            stamp = stamps.size() == 1 ? Json.findByName(stamps, "e2e-s01") : null;
            if (stamp != null
                    && !stamp.get("pools").get(0).get("hotNodeP95").isNull()
                    && !stamp.get("pools").get(1).get("hotNodeP95").isNull()) {
                break;
            }
            Thread.sleep(250);
        }
        assertThat(stamp).as("stamp e2e-s01 with both pools' P95 within 60 s").isNotNull();
        assertThat(stamp.get("status").asText()).isEqualTo("ACTIVE");
        JsonNode registry = stamp.get("pools").get(0);
        JsonNode dataproxy = stamp.get("pools").get(1);
        assertThat(registry.get("pool").asText()).isEqualTo("REGISTRY");
        assertThat(registry.get("nodes").asInt()).isEqualTo(2);
        assertThat(registry.get("hotNodeP95").asDouble()).isEqualTo(nearestRankP95(HOT.get("registry")));
        assertThat(dataproxy.get("nodes").asInt()).isEqualTo(3);
        assertThat(dataproxy.get("hotNodeP95").asDouble()).isEqualTo(nearestRankP95(HOT.get("dataproxy")));
        double p95 = dataproxy.get("hotNodeP95").asDouble();
        assertThat(dataproxy.get("state").asText()).isEqualTo(p95 > 45 ? "HOT" : p95 >= 40 ? "WARN" : "OK");

        // the metrics request went over TLS to the mock, with the bearer token and the per-instance split
        MOCK.verify(getRequestedFor(urlPathMatching(".*/e2e-s01-dp/providers/Microsoft.Insights/metrics"))
                .withHeader(
                        "Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer e2e-token"))
                .withQueryParam("$filter", com.github.tomakehurst.wiremock.client.WireMock.equalTo("VMName eq '*'"))
                .withQueryParam("interval", com.github.tomakehurst.wiremock.client.WireMock.equalTo("PT1M")));
    }

    /**
     * The child console's main: the application with {@link MockTrust}'s beans. Other test configurations on the
     * class path (the in-process fakes of {@link AzureTestSupport}) are kept out of its component scan.
     */
    public static final class Console {
        private Console() {}

        public static void main(String[] args) {
            new SpringApplicationBuilder(StampboardApplication.class, MockTrust.class)
                    .initializers(context -> context.getBeanFactory()
                            .registerSingleton("noTestConfigurations", new NoTestConfigurations()))
                    .run(args);
        }
    }

    /** Excludes {@code @TestConfiguration} classes from the child console's component scan. */
    static final class NoTestConfigurations extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName());
        }
    }

    @TestConfiguration
    static class MockTrust {
        @Bean
        @Primary
        TokenCredential e2eCredential() {
            return request ->
                    Mono.just(new AccessToken("e2e-token", OffsetDateTime.now().plusHours(1)));
        }

        /** The SDK's Netty transport, trusting WireMock's bundled self-signed certificate (this test's client only). */
        @Bean
        HttpClient mockTrustingHttpClient() throws Exception {
            KeyStore keystore = KeyStore.getInstance(KeyStore.getDefaultType());
            try (InputStream in = WireMockServer.class.getResourceAsStream("/keystore")) {
                keystore.load(in, "password".toCharArray());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(keystore);
            var ssl = SslContextBuilder.forClient().trustManager(trust).build();
            var netty = reactor.netty.http.client.HttpClient.create()
                    .secure(spec -> spec.sslContext(ssl).handlerConfigurator(handler -> {
                        // the bundled certificate is not issued for "localhost"
                        SSLEngine engine = handler.engine();
                        SSLParameters parameters = engine.getSSLParameters();
                        parameters.setEndpointIdentificationAlgorithm(null);
                        engine.setSSLParameters(parameters);
                    }));
            return new NettyAsyncHttpClientBuilder(netty).build();
        }
    }
}
