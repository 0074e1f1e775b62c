package dev.stampboard.azure;

import com.azure.core.management.AzureEnvironment;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The cloud the console talks to, built from the configured Resource Manager endpoint. Tokens for
 * Resource Manager are asked for the environment's management endpoint (its "audience"), which the
 * SDK's public-cloud defaults would leave at {@code https://management.core.windows.net/} even when
 * the endpoint is a sovereign cloud's.
 */
final class AzureCloud {

    private AzureCloud() {}

    /** A known Azure cloud whose Resource Manager endpoint is the configured one, with every endpoint of it; else the public cloud's with the configured endpoint. */
    static AzureEnvironment environment(AzureProperties properties) {
        String endpoint = withSlash(properties.resourceManager());
        AzureEnvironment base = AzureEnvironment.knownEnvironments().stream()
                .filter(e -> withSlash(e.getResourceManagerEndpoint()).equalsIgnoreCase(endpoint))
                .findFirst()
                .orElse(AzureEnvironment.AZURE);
        Map<String, String> endpoints = new HashMap<>(base.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", endpoint);
        endpoints.put("activeDirectoryEndpointUrl", properties.authorityHost().toString());
        endpoints.put("managementEndpointUrl", audience(properties, base));
        return new AzureEnvironment(endpoints);
    }

    /**
     * The scope of Monitor metrics tokens: the one the Resource Manager SDK derives from the environment
     * (audience + {@code /.default}, so the public cloud's is {@code https://management.core.windows.net//.default}),
     * so both clients ask Entra for the same token.
     */
    static String resourceManagerScope(AzureProperties properties) {
        return environment(properties).getManagementEndpoint() + "/.default";
    }

    /**
     * The Logs query endpoint: the configured one, else the cloud's Log Analytics endpoint with the API's {@code v1}
     * (the SDK's own default is the public cloud's whatever the Resource Manager endpoint says).
     */
    static String logsEndpoint(AzureProperties properties) {
        URI configured = Objects.requireNonNull(properties.logs()).endpoint();
        String endpoint = configured != null
                ? configured.toString()
                : withSlash(environment(properties).getLogAnalyticsEndpoint()) + "v1";
        return endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    }

    /** The scope of Logs query tokens: the configured audience, else the endpoint's scheme and host, plus {@code /.default}. */
    static String logsScope(AzureProperties properties) {
        URI audience = Objects.requireNonNull(properties.logs()).audience();
        if (audience != null) {
            return withSlash(audience.toString()) + ".default";
        }
        URI endpoint = URI.create(logsEndpoint(properties));
        return endpoint.getScheme() + "://" + endpoint.getAuthority() + "/.default";
    }

    private static String audience(AzureProperties properties, AzureEnvironment base) {
        if (properties.resourceManagerAudience() != null) {
            return withSlash(properties.resourceManagerAudience().toString());
        }
        boolean known =
                withSlash(base.getResourceManagerEndpoint()).equalsIgnoreCase(withSlash(properties.resourceManager()));
        return known ? base.getManagementEndpoint() : withSlash(properties.resourceManager());
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }
}
