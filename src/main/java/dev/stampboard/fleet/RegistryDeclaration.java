package dev.stampboard.fleet;

import java.util.List;

/** What an operator (or a log reader) declares about a registry: its customer and its replicas' home stamps. */
public record RegistryDeclaration(String customer, List<ReplicaDeclaration> replicas) {

    public record ReplicaDeclaration(String region, String homeStamp) {}
}
