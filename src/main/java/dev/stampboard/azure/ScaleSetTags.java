package dev.stampboard.azure;

import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.StampKind;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How Azure resources name their stamp: tags on scale sets and storage accounts, and the node name
 * of a scale-set instance (the same name Monitor reports in its {@code VMName} dimension).
 */
final class ScaleSetTags {

    static final String STAMP = "stampboard-stamp";
    static final String POOL = "stampboard-pool";
    static final String REGION = "stampboard-region";
    static final String KIND = "stampboard-kind";
    static final String CUSTOMER = "stampboard-customer";

    private static final Pattern NODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private ScaleSetTags() {}

    static Optional<String> tag(@Nullable Map<String, String> tags, String name) {
        if (tags == null) {
            return Optional.empty();
        }
        return tags.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .filter(v -> v != null && !v.isBlank())
                .map(v -> v.trim().toLowerCase(Locale.ROOT))
                .findFirst();
    }

    /** {@code registry} / {@code dataproxy} (any case); empty for anything else. */
    static Optional<PoolKind> pool(@Nullable Map<String, String> tags) {
        return tag(tags, POOL).flatMap(v -> switch (v) {
            case "registry" -> Optional.of(PoolKind.REGISTRY);
            case "dataproxy" -> Optional.of(PoolKind.DATAPROXY);
            default -> Optional.empty();
        });
    }

    static StampKind kind(@Nullable Map<String, String> tags) {
        return tag(tags, KIND)
                .map(v -> v.equals("dedicated") ? StampKind.DEDICATED : StampKind.SHARED)
                .orElse(StampKind.SHARED);
    }

    /**
     * The console's node name for a VM name such as {@code vmss-eus-s01-dp_3}: lower case, underscores
     * as dashes (node names are DNS-label-like); empty when it cannot be one.
     */
    static Optional<String> nodeName(@Nullable String vmName) {
        if (vmName == null) {
            return Optional.empty();
        }
        String name = vmName.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return NODE.matcher(name).matches() ? Optional.of(name) : Optional.empty();
    }
}
