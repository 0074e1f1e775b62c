package dev.stampboard.azure;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code stampboard.azure.*}, read only under the {@code azure} profile. A missing required property
 * stops the start-up with a message that names it.
 *
 * @param subscriptionId     the subscription holding the stamps (required)
 * @param tenantId           the Entra tenant; optional ({@code DefaultAzureCredential} finds it otherwise)
 * @param resourceGroups     the resource groups scanned for tagged scale sets and storage accounts (required)
 * @param resourceManagerEndpoint Resource Manager (and Monitor metrics) endpoint; other clouds or a test server
 * @param authorityHost      Entra authority host for {@code DefaultAzureCredential}
 * @param inventoryInterval  how often the inventory is refreshed
 * @param telemetryInterval  how often CPU metrics are polled
 * @param telemetryBackfill  how far back the first poll of a scale set reaches
 * @param telemetryLag       minutes left to settle: a minute is fetched once it is this old
 * @param retry              the SDK's retry of a failed call (429 Retry-After is honoured)
 * @param dns                the routing zone
 * @param provisioning       where and from which templates dedicated stamps are created
 * @param resourceManagerAudience the audience Resource Manager and Monitor metrics tokens are asked for; optional:
 *                           a known cloud's own when the endpoint is one of Azure's, else the endpoint itself
 * @param logs               per-registry traffic from a Log Analytics workspace; off unless {@code logs.workspace-id} is set
 */
@ConfigurationProperties("stampboard.azure")
public record AzureProperties(
        // not @Nullable: the constructor requires them or fills in the default, so a bound instance always has one
        String subscriptionId,
        @Nullable String tenantId,
        List<String> resourceGroups,
        URI resourceManagerEndpoint,
        URI authorityHost,
        Duration inventoryInterval,
        Duration telemetryInterval,
        Duration telemetryBackfill,
        Duration telemetryLag,
        Retry retry,
        Dns dns,
        Provisioning provisioning,
        @Nullable URI resourceManagerAudience,
        Logs logs) {

    static final String PREFIX = "stampboard.azure.";

    public AzureProperties {
        subscriptionId = required(subscriptionId, "subscription-id", "the subscription that holds the stamps");
        tenantId = tenantId == null || tenantId.isBlank() ? null : tenantId.trim();
        if (resourceGroups == null
                || resourceGroups.isEmpty()
                || resourceGroups.stream().anyMatch(String::isBlank)) {
            throw missing(
                    "resource-groups", "the resource groups to scan for tagged scale sets, e.g. [rg-stamps-eastus]");
        }
        resourceGroups = List.copyOf(resourceGroups);
        resourceManagerEndpoint =
                httpsOrDefault(resourceManagerEndpoint, "resource-manager-endpoint", "https://management.azure.com/");
        authorityHost = httpsOrDefault(authorityHost, "authority-host", "https://login.microsoftonline.com/");
        inventoryInterval = inventoryInterval == null ? Duration.ofMinutes(5) : inventoryInterval;
        telemetryInterval = telemetryInterval == null ? Duration.ofMinutes(1) : telemetryInterval;
        telemetryBackfill = telemetryBackfill == null ? Duration.ofHours(12) : telemetryBackfill;
        telemetryLag = telemetryLag == null ? Duration.ofMinutes(3) : telemetryLag;
        retry = retry == null ? new Retry(null, null, null) : retry;
        if (dns == null) {
            throw missing(
                    "dns.resource-group / dns.zone", "the DNS zone whose CNAME records route registries to stamps");
        }
        provisioning = provisioning == null ? new Provisioning(null, null, null) : provisioning;
        if (resourceManagerAudience != null && !"https".equalsIgnoreCase(resourceManagerAudience.getScheme())) {
            throw new IllegalArgumentException(
                    PREFIX + "resource-manager-audience must be an https:// URI: " + resourceManagerAudience);
        }
        logs = logs == null ? new Logs(null, null, null, null, null, null, null, null, null) : logs;
        if (provisioning.resourceGroup() == null || provisioning.resourceGroup().isBlank()) {
            provisioning = new Provisioning(
                    resourceGroups.get(0), provisioning.registryTemplate(), provisioning.dataproxyTemplate());
        }
    }

    /**
     * Where {@link AzureRegistryTraffic} reads per-registry traffic: a Log Analytics workspace and a KQL query
     * that returns one row per registry, region, stamp and minute (README "Registry traffic from Log Analytics").
     *
     * @param workspaceId       the workspace (its GUID, "Workspace ID"); the adapter is off while this is blank
     * @param endpoint          the Logs query endpoint; default: the configured cloud's ({@code https://api.loganalytics.io/v1} for the public cloud)
     * @param audience          the audience of its tokens; default: the endpoint's scheme and host
     * @param query             the KQL; {@code {start}} and {@code {end}} become the span's bounds; default {@link #DEFAULT_QUERY}
     * @param interval          how often the workspace is read
     * @param lag               minutes left for the logs to arrive: a minute is read once it is this old
     * @param backfill          how far back the first read reaches
     * @param maxSpan           the longest span one query covers (a query answers at most 500,000 rows)
     * @param declareRegistries whether a registry (or a registry's replica in a region) seen in the logs but not in the
     *                          inventory is declared, on the stamp that served it; off by default
     */
    public record Logs(
            @Nullable String workspaceId,
            @Nullable URI endpoint,
            @Nullable URI audience,
            @Nullable String query,
            @Nullable Duration interval,
            @Nullable Duration lag,
            @Nullable Duration backfill,
            @Nullable Duration maxSpan,
            @Nullable Boolean declareRegistries) {

        /**
         * For a table of request logs, one row per request, with columns {@code Registry}, {@code Region}, {@code Stamp},
         * {@code StatusCode}, {@code ResponseBytes} and {@code DurationMs} (a custom table fed by the stamps' front ends
         * through a data collection rule). Throttled means 429, errors means 5xx.
         */
        public static final String DEFAULT_QUERY = """
                RegistryRequests_CL
                | where TimeGenerated >= datetime({start}) and TimeGenerated < datetime({end})
                | summarize requests = count(), bytes = sum(tolong(ResponseBytes)),
                    throttled = countif(toint(StatusCode) == 429), errors = countif(toint(StatusCode) >= 500),
                    p99Ms = percentile(todouble(DurationMs), 99)
                    by registry = tostring(Registry), region = tostring(Region), stamp = tostring(Stamp),
                    minute = bin(TimeGenerated, 1m)""";

        public Logs {
            workspaceId = workspaceId == null || workspaceId.isBlank() ? null : workspaceId.trim();
            if (endpoint != null && !"https".equalsIgnoreCase(endpoint.getScheme())) {
                throw new IllegalArgumentException(
                        PREFIX + "logs.endpoint must be an https:// URL (the SDK sends bearer tokens "
                                + "only over TLS): " + endpoint);
            }
            if (audience != null && !"https".equalsIgnoreCase(audience.getScheme())) {
                throw new IllegalArgumentException(PREFIX + "logs.audience must be an https:// URI: " + audience);
            }
            query = query == null || query.isBlank() ? DEFAULT_QUERY : query;
            interval = interval == null ? Duration.ofMinutes(1) : interval;
            lag = lag == null ? Duration.ofMinutes(5) : lag;
            backfill = backfill == null ? Duration.ofHours(12) : backfill;
            maxSpan = maxSpan == null ? Duration.ofMinutes(10) : maxSpan;
            if (lag.isNegative() || backfill.isNegative() || maxSpan.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException(
                        PREFIX + "logs.lag and logs.backfill must not be negative and logs.max-span "
                                + "must be at least PT1M (got lag " + lag + ", backfill " + backfill + ", max-span "
                                + maxSpan + ")");
            }
            declareRegistries = declareRegistries != null && declareRegistries;
        }
    }

    /** The retry policy of every client: attempts after the first, and the exponential back-off between them. */
    public record Retry(
            @Nullable Integer maxRetries,
            @Nullable Duration baseDelay,
            @Nullable Duration maxDelay) {
        public Retry {
            maxRetries = maxRetries == null ? 3 : maxRetries;
            baseDelay = baseDelay == null ? Duration.ofMillis(800) : baseDelay;
            maxDelay = maxDelay == null ? Duration.ofSeconds(60) : maxDelay;
        }
    }

    /**
     * The zone holding one CNAME per registry and region. {@code recordName} and {@code target} are
     * templates with {@code {registry}}, {@code {region}}, {@code {stamp}} and {@code {zone}}.
     */
    public record Dns(
            // not @Nullable: required or defaulted below
            String resourceGroup, String zone, String recordName, String target, Long ttl) {
        public Dns {
            resourceGroup = required(resourceGroup, "dns.resource-group", "the resource group of the DNS zone");
            zone = required(zone, "dns.zone", "the DNS zone of the registry data endpoints, e.g. data.example.net");
            recordName = recordName == null || recordName.isBlank() ? "{registry}.{region}" : recordName;
            target = target == null || target.isBlank() ? "{stamp}.{zone}" : target;
            if (!target.contains("{stamp}")) {
                throw new IllegalArgumentException(PREFIX + "dns.target must contain {stamp}: '" + target + "'");
            }
            ttl = ttl == null ? 60L : ttl;
        }
    }

    /**
     * Dedicated stamps are copies of two template scale sets (one per pool kind: image, size, network,
     * admin profile), created in {@code resourceGroup} with the stamp's tags and the sized capacity.
     */
    public record Provisioning(
            @Nullable String resourceGroup,
            @Nullable String registryTemplate,
            @Nullable String dataproxyTemplate) {}

    private static String required(@Nullable String value, String property, String meaning) {
        if (value == null || value.isBlank()) {
            throw missing(property, meaning);
        }
        return value.trim();
    }

    private static IllegalArgumentException missing(String property, String meaning) {
        return new IllegalArgumentException(
                "Missing property " + PREFIX + property + " (" + meaning + "); the azure profile needs it");
    }

    private static URI httpsOrDefault(@Nullable URI value, String property, String fallback) {
        URI uri = value == null ? URI.create(fallback) : value;
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException(
                    PREFIX + property + " must be an https:// URL (the SDK sends bearer tokens only over TLS): " + uri);
        }
        return uri;
    }

    /** The endpoint without its trailing slash. */
    String resourceManager() {
        String s = resourceManagerEndpoint().toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
