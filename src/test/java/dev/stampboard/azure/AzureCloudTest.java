package dev.stampboard.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.util.Context;
import com.azure.monitor.query.MetricsQueryClient;
import com.azure.monitor.query.models.MetricsQueryOptions;
import com.azure.monitor.query.models.QueryTimeInterval;
import com.azure.resourcemanager.compute.ComputeManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import reactor.core.publisher.Mono;

/**
 * Sovereign and private clouds: both the Resource Manager and the Monitor metrics token are asked for the
 * configured cloud's audience, not the public cloud's {@code https://management.core.windows.net/}.
 */
class AzureCloudTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "https://management.sovereign.example/ | https://management.core.sovereign.example/ | https://management.core.sovereign.example//.default",
                "https://management.sovereign.example/ |                                              | https://management.sovereign.example//.default",
                "https://management.usgovcloudapi.net/ |                                              | https://management.core.usgovcloudapi.net//.default",
                "https://management.azure.com/         |                                              | https://management.core.windows.net//.default"
            })
    void both_tokens_are_asked_for_the_configured_audience(String endpoint, String audience, String expectedScope) {
        AzureProperties properties = properties(endpoint, "resource-manager-audience", audience);
        List<List<String>> scopes = new ArrayList<>();
        TokenCredential recording = recording(scopes);
        FakeAzure azure = new FakeAzure();
        azure.on("GET", ".*/virtualMachineScaleSets", 200, "{\"value\":[]}");
        azure.on("GET", ".*/providers/Microsoft.Insights/metrics", 200, "{\"value\":[]}");
        var http = new StaticListableBeanFactory(Map.of("http", azure)).getBeanProvider(HttpClient.class);
        AzureClients clients = new AzureClients();
        RetryOptions retry = clients.azureRetryOptions(properties);

        ComputeManager compute = clients.computeManager(recording, clients.azureProfile(properties), retry, http);
        compute.virtualMachineScaleSets().listByResourceGroup("rg-a").stream().count();
        int armTokens = scopes.size();
        MetricsQueryClient metrics = clients.metricsQueryClient(recording, properties, retry, http);
        try {
            metrics.queryResourceWithResponse(
                    "/subscriptions/sub-1/resourceGroups/rg-a/providers/Microsoft.Compute/"
                            + "virtualMachineScaleSets/s1",
                    List.of("Percentage CPU"),
                    new MetricsQueryOptions().setGranularity(Duration.ofMinutes(1)),
                    Context.NONE);
        } catch (RuntimeException answerWithoutMetrics) {
            // only the token request matters here
        }

        assertThat(armTokens).as("Resource Manager asked for a token").isGreaterThan(0);
        assertThat(scopes.size()).as("Monitor asked for a token").isGreaterThan(armTokens);
        assertThat(scopes).allSatisfy(s -> assertThat(s).containsExactly(expectedScope));
        assertThat(azure.requests()).allSatisfy(r -> assertThat(r.path()).doesNotContain("management.core"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "https://management.azure.com/         |                              | https://api.loganalytics.io/.default",
                "https://management.usgovcloudapi.net/ |                              | https://api.loganalytics.us/.default",
                "https://management.azure.com/         | https://logs.example.test/v1 | https://logs.example.test/.default"
            })
    void the_logs_token_is_asked_for_the_logs_endpoints_audience(
            String endpoint, String logsEndpoint, String expectedScope) {
        AzureProperties properties = properties(endpoint, "logs.endpoint", logsEndpoint);
        List<List<String>> scopes = new ArrayList<>();
        TokenCredential recording = recording(scopes);
        FakeAzure azure = new FakeAzure();
        azure.on(
                "POST",
                "/v1/workspaces/ws-1/query",
                200,
                "{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":[],\"rows\":[]}]}");
        var http = new StaticListableBeanFactory(Map.of("http", azure)).getBeanProvider(HttpClient.class);
        AzureClients clients = new AzureClients();

        clients.logsQueryClient(recording, properties, clients.azureRetryOptions(properties), http)
                .queryWorkspace("ws-1", "RegistryRequests_CL | take 1", new QueryTimeInterval(Duration.ofMinutes(5)));

        assertThat(scopes).isNotEmpty().allSatisfy(s -> assertThat(s).containsExactly(expectedScope));
        assertThat(azure.requests("POST", "/v1/workspaces/ws-1/query")).hasSize(1);
    }

    /** The required properties, the endpoint, no retries and one optional property ({@code value} null: unset). */
    static AzureProperties properties(String endpoint, String optional, String value) {
        Map<String, String> config = new java.util.HashMap<>(Map.of(
                "stampboard.azure.subscription-id",
                "sub-1",
                "stampboard.azure.resource-groups",
                "rg-a",
                "stampboard.azure.dns.resource-group",
                "rg-dns",
                "stampboard.azure.dns.zone",
                "data.example.net",
                "stampboard.azure.resource-manager-endpoint",
                endpoint,
                "stampboard.azure.retry.max-retries",
                "0"));
        if (value != null) {
            config.put("stampboard.azure." + optional, value);
        }
        return new Binder(new MapConfigurationPropertySource(config))
                .bind("stampboard.azure", AzureProperties.class)
                .get();
    }

    /** A credential that records the scopes of every token asked for. */
    static TokenCredential recording(List<List<String>> scopes) {
        return request -> {
            scopes.add(List.copyOf(request.getScopes()));
            return Mono.just(new AccessToken("t", OffsetDateTime.now().plusHours(1)));
        };
    }
}
