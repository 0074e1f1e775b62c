package dev.stampboard.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolInfo;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.fleet.StampKind;
import dev.stampboard.fleet.StampStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Resource Manager's scale sets, instances and storage accounts become stamps, pools, nodes and storage. */
class AzureInventoryTest extends AzureTestSupport {

    static final String VMSS = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + GROUP
            + "/providers/Microsoft.Compute/virtualMachineScaleSets";
    static final String STORAGE = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + GROUP
            + "/providers/Microsoft.Storage/storageAccounts";

    @Autowired
    AzureInventory inventory;

    @Autowired
    FleetService fleet;

    static Map<String, String> tags(String stamp, String pool) {
        return Map.of(ScaleSetTags.STAMP, stamp, ScaleSetTags.POOL, pool, ScaleSetTags.REGION, "eastus");
    }

    /** Serves one stamp's two scale sets (registry with {@code rg} instances, dataproxy with {@code dp}) and its storage. */
    void serveStamp(String stamp, int rg, int dp, String state, boolean withDataproxy, String... storageTags) {
        String reg = stamp + "-reg";
        String dpx = stamp + "-dp";
        azure.on(
                "GET",
                VMSS,
                200,
                withDataproxy
                        ? AzureFixtures.scaleSetList(
                                AzureFixtures.scaleSet(reg, tags(stamp, "registry"), rg, state),
                                AzureFixtures.scaleSet(dpx, tags(stamp, "DataProxy"), dp, state))
                        : AzureFixtures.scaleSetList(AzureFixtures.scaleSet(reg, tags(stamp, "registry"), rg, state)));
        azure.on("GET", VMSS + "/" + reg + "/virtualMachines", 200, AzureFixtures.instanceList(reg, rg));
        azure.on("GET", VMSS + "/" + dpx + "/virtualMachines", 200, AzureFixtures.instanceList(dpx, dp));
        azure.on("GET", STORAGE, 200, AzureFixtures.storageAccounts(storageTags));
    }

    @Test
    void tagged_scale_sets_become_a_stamp_with_nodes_and_storage_accounts() {
        serveStamp("inv-s01", 2, 3, "succeeded", true, "inv-s01");

        inventory.refresh();

        // the requests the SDK built: scale sets of the configured group, then each tagged one's instances
        assertThat(azure.requests("GET", VMSS))
                .singleElement()
                .satisfies(r -> assertThat(r.query()).containsEntry("api-version", "2025-04-01"));
        assertThat(azure.requests("GET", VMSS + "/inv-s01-(reg|dp)/virtualMachines"))
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.query()).containsEntry("api-version", "2025-04-01"));
        assertThat(azure.requests("GET", STORAGE))
                .singleElement()
                .satisfies(r -> assertThat(r.query()).containsKey("api-version"));
        // the fixture's two untagged scale sets are no stamp: their instances are never listed
        assertThat(azure.requests("GET", VMSS + "/\\{virtualMachineScaleSetName\\}.*"))
                .isEmpty();

        StampInfo stamp = fleet.requireStamp("inv-s01");
        assertThat(stamp.region()).isEqualTo("eastus");
        assertThat(stamp.kind()).isEqualTo(StampKind.SHARED);
        assertThat(stamp.status()).isEqualTo(StampStatus.ACTIVE);
        assertThat(stamp.nodes(PoolKind.REGISTRY)).containsExactly("inv-s01-reg-0", "inv-s01-reg-1");
        assertThat(stamp.nodes(PoolKind.DATAPROXY)).containsExactly("inv-s01-dp-0", "inv-s01-dp-1", "inv-s01-dp-2");
        assertThat(stamp.storageAccounts()).containsExactly(AzureFixtures.storageAccountName(0));
        assertThat(inventory.latest().scaleSet("inv-s01", PoolKind.DATAPROXY))
                .get()
                .satisfies(s -> {
                    assertThat(s.capacity()).isEqualTo(3);
                    assertThat(s.skuName()).isEqualTo("Standard_D2s_v3");
                    assertThat(s.nodeByVmName()).containsEntry("inv-s01-dp_2", "inv-s01-dp-2");
                });
    }

    @Test
    void an_unchanged_fleet_writes_nothing_and_new_instances_only_add_nodes() {
        serveStamp("inv-s02", 1, 1, "succeeded", true);
        inventory.refresh();
        int audited = auditCount();

        inventory.refresh();
        assertThat(auditCount()).isEqualTo(audited);

        serveStamp("inv-s02", 1, 3, "succeeded", true);
        inventory.refresh();
        assertThat(fleet.requireStamp("inv-s02").nodes(PoolKind.DATAPROXY))
                .containsExactly("inv-s02-dp-0", "inv-s02-dp-1", "inv-s02-dp-2");
        assertThat(auditCount()).isEqualTo(audited + 1);
    }

    @Test
    void a_vanished_scale_set_marks_its_pool_and_keeps_its_nodes_until_it_is_back() {
        serveStamp("inv-s03", 2, 2, "succeeded", true);
        inventory.refresh();

        serveStamp("inv-s03", 2, 2, "succeeded", false);
        inventory.refresh();
        PoolInfo gone = fleet.requireStamp("inv-s03").pool(PoolKind.DATAPROXY).orElseThrow();
        assertThat(gone.scaleSetMissingSince()).isEqualTo(clock.instant());
        assertThat(gone.nodes()).containsExactly("inv-s03-dp-0", "inv-s03-dp-1");
        assertThat(fleet.requireStamp("inv-s03")
                        .pool(PoolKind.REGISTRY)
                        .orElseThrow()
                        .scaleSetMissingSince())
                .isNull();
        assertThat(jdbc.sql(
                                "select count(*) from audit_event where action = 'SCALE_SET_MISSING' and subject = 'inv-s03'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        serveStamp("inv-s03", 2, 2, "succeeded", true);
        inventory.refresh();
        assertThat(fleet.requireStamp("inv-s03")
                        .pool(PoolKind.DATAPROXY)
                        .orElseThrow()
                        .scaleSetMissingSince())
                .isNull();
    }

    @Test
    void a_stamp_whose_scale_sets_are_being_created_is_provisioning_until_both_succeed() {
        serveStamp("inv-s04", 1, 1, "Creating", true);
        inventory.refresh();
        assertThat(fleet.requireStamp("inv-s04").status()).isEqualTo(StampStatus.PROVISIONING);

        serveStamp("inv-s04", 1, 1, "Succeeded", true);
        inventory.refresh();
        assertThat(fleet.requireStamp("inv-s04").status()).isEqualTo(StampStatus.ACTIVE);
    }

    @ParameterizedTest(name = "HTTP {0} on the instance list")
    @CsvSource({
        "401, '{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"The access token is invalid.\"}}', 401 unauthorized",
        "404, '{\"error\":{\"code\":\"ResourceGroupNotFound\",\"message\":\"Resource group rg-stamps could not be found.\"}}', 404 not found",
        "429, '{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Rate limit exceeded.\"}}', 429 throttled",
        "500, '{\"error\":{\"code\":\"InternalServerError\",\"message\":\"Something went wrong.\"}}', HTTP 500",
        "200, '{\"value\":[{\"name\":', body that could not be read"
    })
    void a_failed_read_names_the_call_and_leaves_the_inventory_untouched(int status, String body, String expected) {
        serveStamp("inv-s05", 1, 1, "succeeded", true);
        inventory.refresh();
        // now the dataproxy scale set grew and a new stamp appeared, but its instances cannot be read
        azure.on(
                "GET",
                VMSS,
                200,
                AzureFixtures.scaleSetList(
                        AzureFixtures.scaleSet("inv-s05-reg", tags("inv-s05", "registry"), 1, "succeeded"),
                        AzureFixtures.scaleSet("inv-s05-dp", tags("inv-s05", "dataproxy"), 4, "succeeded"),
                        AzureFixtures.scaleSet("inv-s06-reg", tags("inv-s06", "registry"), 2, "succeeded")));
        azure.on("GET", VMSS + "/inv-s05-dp/virtualMachines", 200, AzureFixtures.instanceList("inv-s05-dp", 4));
        azure.on("GET", VMSS + "/inv-s06-reg/virtualMachines", status, body);
        List<StampInfo> before = fleet.stamps();
        int audited = auditCount();
        ObservedFleet seen = inventory.latest();

        assertThatThrownBy(() -> inventory.refresh())
                .isInstanceOf(AzureCallFailed.class)
                .hasMessageContaining("Listing the instances of scale set inv-s06-reg failed")
                .hasMessageContaining(expected);

        assertThat(fleet.stamps()).isEqualTo(before);
        assertThat(fleet.stamp("inv-s06")).isEmpty();
        assertThat(auditCount()).isEqualTo(audited);
        assertThat(inventory.latest()).isSameAs(seen);
    }
}
