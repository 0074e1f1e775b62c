package dev.stampboard.fleet;

/** What a dedicated stamp needs (DESIGN §6 sizing) and who asked, for the audit log. */
public record DedicatedStampSpec(
        String stamp,
        String region,
        String customer,
        int registryNodes,
        int dataproxyNodes,
        int storageAccounts,
        String requestedBy) {

    public DedicatedStampSpec {
        if (registryNodes < 1 || dataproxyNodes < 1 || storageAccounts < 1) {
            throw new IllegalArgumentException(
                    "A dedicated stamp needs at least one node per pool and one storage account");
        }
    }
}
