package dev.stampboard.azure;

import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.dns.DnsZoneManager;
import com.azure.resourcemanager.dns.fluent.models.RecordSetInner;
import com.azure.resourcemanager.dns.models.CnameRecord;
import com.azure.resourcemanager.dns.models.RecordType;
import dev.stampboard.cutover.Routing;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The cutover's routing as DNS: a registry's data endpoint in a region is a CNAME record in the
 * configured zone, pointing at its home stamp. Pointing reads the record first and writes only
 * when the target differs, so a retried step sends no write and changes nothing.
 */
@Component
@Profile("azure")
class AzureDnsRouting implements Routing {

    private static final Logger log = LoggerFactory.getLogger(AzureDnsRouting.class);

    private final DnsZoneManager dns;
    private final AzureProperties.Dns zone;

    AzureDnsRouting(DnsZoneManager dns, AzureProperties properties) {
        this.dns = dns;
        this.zone = properties.dns();
    }

    @Override
    public boolean pointAt(String registry, String region, String stamp) {
        String record = recordName(registry, region);
        String target = target(stamp, region);
        Optional<String> current = cname(record);
        if (current.isPresent() && sameHost(current.get(), target)) {
            return false;
        }
        RecordSetInner wanted = new RecordSetInner()
                .withTtl(zone.ttl())
                .withCnameRecord(new CnameRecord().withCname(target))
                .withMetadata(
                        Map.of("stampboardRegistry", registry, "stampboardRegion", region, "stampboardStamp", stamp));
        AzureInventory.call(
                "Pointing DNS record " + record + "." + zone.zone() + " at " + target,
                () -> dns.serviceClient()
                        .getRecordSets()
                        .createOrUpdate(zone.resourceGroup(), zone.zone(), record, RecordType.CNAME, wanted));
        log.info("DNS {}.{} -> {} (was {})", record, zone.zone(), target, current.orElse("absent"));
        return true;
    }

    @Override
    public Optional<String> current(String registry, String region) {
        return cname(recordName(registry, region)).flatMap(target -> stampOf(target, region));
    }

    /** The record's CNAME target; empty when the record does not exist yet. */
    private Optional<String> cname(String record) {
        RecordSetInner set;
        try {
            set = dns.serviceClient().getRecordSets().get(zone.resourceGroup(), zone.zone(), record, RecordType.CNAME);
        } catch (ManagementException e) {
            if (e.getResponse() != null && e.getResponse().getStatusCode() == 404) {
                return Optional.empty();
            }
            throw new AzureCallFailed("Reading DNS record " + record + "." + zone.zone(), e);
        } catch (RuntimeException e) {
            throw new AzureCallFailed("Reading DNS record " + record + "." + zone.zone(), e);
        }
        return set == null || set.cnameRecord() == null
                ? Optional.empty()
                : Optional.ofNullable(set.cnameRecord().cname());
    }

    String recordName(String registry, String region) {
        return expand(zone.recordName(), registry, region, null);
    }

    String target(String stamp, String region) {
        return expand(zone.target(), null, region, stamp);
    }

    private String expand(String template, @Nullable String registry, String region, @Nullable String stamp) {
        String s = template.replace("{region}", region).replace("{zone}", zone.zone());
        if (registry != null) {
            s = s.replace("{registry}", registry);
        }
        if (stamp != null) {
            s = s.replace("{stamp}", stamp);
        }
        return s;
    }

    /** The stamp a target names, read back through the target template. */
    private Optional<String> stampOf(String target, String region) {
        String[] parts = expand(zone.target(), null, region, null).split(Pattern.quote("{stamp}"), -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append("([a-z0-9][a-z0-9-]*)");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        Matcher m = Pattern.compile(regex + "\\.?", Pattern.CASE_INSENSITIVE).matcher(target);
        return m.matches() ? Optional.of(m.group(1).toLowerCase()) : Optional.empty();
    }

    private static boolean sameHost(String a, String b) {
        return strip(a).equalsIgnoreCase(strip(b));
    }

    private static String strip(String host) {
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }
}
