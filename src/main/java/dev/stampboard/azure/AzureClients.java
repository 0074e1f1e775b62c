package dev.stampboard.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpLoggingPolicy;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.management.profile.AzureProfile;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.monitor.query.LogsQueryClient;
import com.azure.monitor.query.LogsQueryClientBuilder;
import com.azure.monitor.query.MetricsQueryClient;
import com.azure.monitor.query.MetricsQueryClientBuilder;
import com.azure.resourcemanager.compute.ComputeManager;
import com.azure.resourcemanager.dns.DnsZoneManager;
import com.azure.resourcemanager.resources.fluentcore.arm.AzureConfigurable;
import com.azure.resourcemanager.storage.StorageManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The SDK clients, built once (the first Resource Manager client in a JVM takes seconds). The
 * credential is {@code DefaultAzureCredential} unless a {@code @Primary} {@link TokenCredential} bean
 * replaces it (tests); the transport is the SDK's own unless an {@link HttpClient} bean is given
 * (tests, proxies).
 */
@Configuration(proxyBeanMethods = false)
@Profile("azure")
@EnableConfigurationProperties(AzureProperties.class)
class AzureClients {

    @Bean
    TokenCredential azureCredential(AzureProperties properties) {
        DefaultAzureCredentialBuilder builder = new DefaultAzureCredentialBuilder()
                .authorityHost(properties.authorityHost().toString());
        if (properties.tenantId() != null) {
            builder.tenantId(properties.tenantId());
        }
        return builder.build();
    }

    /** The cloud of the configured Resource Manager endpoint, its token audience and the authority host (see {@link AzureCloud}). */
    @Bean
    AzureProfile azureProfile(AzureProperties properties) {
        return new AzureProfile(properties.tenantId(), properties.subscriptionId(), AzureCloud.environment(properties));
    }

    @Bean
    RetryOptions azureRetryOptions(AzureProperties properties) {
        AzureProperties.Retry retry = properties.retry();
        return new RetryOptions(new ExponentialBackoffOptions()
                .setMaxRetries(retry.maxRetries())
                .setBaseDelay(retry.baseDelay())
                .setMaxDelay(retry.maxDelay()));
    }

    @Bean
    ComputeManager computeManager(
            TokenCredential credential, AzureProfile profile, RetryOptions retry, ObjectProvider<HttpClient> http) {
        return configure(ComputeManager.configure(), retry, http).authenticate(credential, profile);
    }

    @Bean
    StorageManager storageManager(
            TokenCredential credential, AzureProfile profile, RetryOptions retry, ObjectProvider<HttpClient> http) {
        return configure(StorageManager.configure(), retry, http).authenticate(credential, profile);
    }

    @Bean
    DnsZoneManager dnsZoneManager(
            TokenCredential credential, AzureProfile profile, RetryOptions retry, ObjectProvider<HttpClient> http) {
        return configure(DnsZoneManager.configure(), retry, http).authenticate(credential, profile);
    }

    /**
     * Metrics live on the Resource Manager endpoint (the client adds a second slash before the resource id).
     * The builder would ask tokens for the endpoint itself; with a pipeline of our own they are asked for the
     * same audience as Resource Manager's.
     */
    @Bean
    MetricsQueryClient metricsQueryClient(
            TokenCredential credential,
            AzureProperties properties,
            RetryOptions retry,
            ObjectProvider<HttpClient> http) {
        return new MetricsQueryClientBuilder()
                .endpoint(properties.resourceManager())
                .pipeline(pipeline(credential, AzureCloud.resourceManagerScope(properties), retry, http))
                .buildClient();
    }

    /** Log Analytics queries, on the cloud's Logs endpoint with tokens for its audience (see {@link AzureCloud#logsScope}). */
    @Bean
    LogsQueryClient logsQueryClient(
            TokenCredential credential,
            AzureProperties properties,
            RetryOptions retry,
            ObjectProvider<HttpClient> http) {
        return new LogsQueryClientBuilder()
                .endpoint(AzureCloud.logsEndpoint(properties))
                .pipeline(pipeline(credential, AzureCloud.logsScope(properties), retry, http))
                .buildClient();
    }

    /** The SDK's usual policies, with tokens asked for {@code scope} (the builders would derive it from the endpoint). */
    private static HttpPipeline pipeline(
            TokenCredential credential, String scope, RetryOptions retry, ObjectProvider<HttpClient> http) {
        HttpPipelineBuilder pipeline = new HttpPipelineBuilder()
                .policies(
                        new UserAgentPolicy(),
                        new RetryPolicy(retry),
                        new BearerTokenAuthenticationPolicy(credential, scope),
                        new HttpLoggingPolicy(new HttpLogOptions()));
        http.ifAvailable(pipeline::httpClient);
        return pipeline.build();
    }

    private static <T extends AzureConfigurable<T>> T configure(
            T configurable, RetryOptions retry, ObjectProvider<HttpClient> http) {
        T configured = configurable.withRetryOptions(retry);
        HttpClient client = http.getIfAvailable();
        return client == null ? configured : configured.withHttpClient(client);
    }
}
