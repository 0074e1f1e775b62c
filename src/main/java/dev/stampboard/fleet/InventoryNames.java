package dev.stampboard.fleet;

import dev.stampboard.base.InvalidInputException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The inventory's rules for names and pool declarations, refused with a message that says what is allowed. */
final class InventoryNames {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern REGISTRY_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,254}");

    private InventoryNames() {}

    /** A region, stamp, customer or node name. */
    static void requireName(@Nullable String name, String what) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException("The " + what + " name '" + name
                    + "' must be 1–63 lower-case letters, digits or dashes, starting with a letter or digit");
        }
    }

    static void requireRegistryName(String name) {
        if (!REGISTRY_NAME.matcher(name).matches()) {
            throw new InvalidInputException(
                    "Registry name '" + name + "' must be lower-case letters, digits, dots and dashes");
        }
    }

    static void validatePools(StampDeclaration declaration) {
        Set<PoolKind> seen = new HashSet<>();
        for (StampDeclaration.PoolDeclaration pool : declaration.pools()) {
            if (pool.pool() == null) {
                throw new InvalidInputException("Each pool needs a 'pool' of REGISTRY or DATAPROXY");
            }
            if (!seen.add(pool.pool())) {
                throw new InvalidInputException("Pool " + pool.pool() + " is declared twice");
            }
            Set<String> nodes = new HashSet<>();
            for (String node : pool.nodes()) {
                requireName(node, "node");
                if (!nodes.add(node)) {
                    throw new InvalidInputException("Node '" + node + "' is listed twice in pool " + pool.pool());
                }
            }
        }
    }

    static String describe(StampDeclaration d) {
        StringBuilder sb = new StringBuilder("region ").append(d.region());
        d.pools()
                .forEach(p -> sb.append(", ")
                        .append(p.pool())
                        .append(": ")
                        .append(p.nodes().size())
                        .append(" nodes"));
        return sb.toString();
    }
}
