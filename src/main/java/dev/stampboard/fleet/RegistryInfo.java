package dev.stampboard.fleet;

import java.util.List;
import java.util.Optional;

public record RegistryInfo(String name, String customer, List<ReplicaInfo> replicas) {

    public Optional<String> homeStamp(String region) {
        return replicas.stream()
                .filter(r -> r.region().equals(region))
                .map(ReplicaInfo::homeStamp)
                .findFirst();
    }
}
