package dev.stampboard.signals.engine;

import dev.stampboard.fleet.RegionName;
import dev.stampboard.fleet.RegistryName;
import dev.stampboard.fleet.StampName;

/**
 * What a reactive signal is measured for, and so what its alert is about: a stamp (the sum of the replicas it serves),
 * or one registry's replica in a region. Typed so that no code tells the two apart, or finds the region, by reading
 * a name; {@link #label()} is only for people (and the text of stored evidence).
 */
public sealed interface AlertSubject permits AlertSubject.Stamp, AlertSubject.Replica {

    /** The subject as people read it: the stamp's name, or {@code registry@region}. */
    String label();

    static Stamp stamp(String stamp) {
        return new Stamp(StampName.of(stamp));
    }

    static Replica replica(String registry, String region) {
        return new Replica(RegistryName.of(registry), RegionName.of(region));
    }

    /** A stamp's traffic: every replica it serves, summed. */
    record Stamp(StampName name) implements AlertSubject {
        @Override
        public String label() {
            return name.value();
        }
    }

    /** One registry's replica in a region, whichever stamp serves it. */
    record Replica(RegistryName registry, RegionName region) implements AlertSubject {
        @Override
        public String label() {
            return registry.value() + "@" + region.value();
        }

        // Written out, with the record's own results: the engine looks a replica up several times for each replica
        // and simulated minute, and the record's generated methods (method handles, with C1 only in the test JVMs
        // and the consoles) were 2.7 % of the scenario JVM's samples
        @Override
        public boolean equals(@org.jspecify.annotations.Nullable Object o) {
            return o instanceof Replica other
                    && registry.value().equals(other.registry.value())
                    && region.value().equals(other.region.value());
        }

        @Override
        public int hashCode() {
            return 31 * registry.value().hashCode() + region.value().hashCode();
        }
    }
}
