package dev.stampboard.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stampboard.fleet.DedicatedStampSpec;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolCapacity;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.fleet.StampKind;
import dev.stampboard.fleet.StampProvisioner;
import dev.stampboard.fleet.StampStatus;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A pool's capacity and a dedicated stamp's scale sets, through the fleet's ports. */
class AzureScalingAndProvisioningTest extends AzureTestSupport {

    @Autowired
    PoolCapacity capacity;

    @Autowired
    StampProvisioner provisioner;

    @Autowired
    AzureInventory inventory;

    @Autowired
    FleetService fleet;

    void serveStamp(String stamp, String state) {
        azure.on(
                "GET",
                AzureInventoryTest.VMSS,
                200,
                AzureFixtures.scaleSetList(
                        AzureFixtures.scaleSet(
                                stamp + "-registry", AzureInventoryTest.tags(stamp, "registry"), 2, state),
                        AzureFixtures.scaleSet(
                                stamp + "-dataproxy", AzureInventoryTest.tags(stamp, "dataproxy"), 3, state)));
        azure.on(
                "GET",
                AzureInventoryTest.VMSS + "/" + stamp + "-registry/virtualMachines",
                200,
                AzureFixtures.instanceList(stamp + "-registry", 2));
        azure.on(
                "GET",
                AzureInventoryTest.VMSS + "/" + stamp + "-dataproxy/virtualMachines",
                200,
                AzureFixtures.instanceList(stamp + "-dataproxy", 3));
        azure.on("GET", AzureInventoryTest.STORAGE, 200, AzureFixtures.storageAccounts());
    }

    @Test
    void capacity_patches_the_scale_set_sku_and_records_the_minimum() throws Exception {
        serveStamp("cap-s01", "succeeded");
        inventory.refresh();
        azure.on(
                "PATCH",
                AzureInventoryTest.VMSS + "/cap-s01-dataproxy",
                200,
                AzureFixtures.body("compute-VirtualMachineScaleSet_Update_MaximumSet_Gen", 200)
                        .toString());

        capacity.setCapacity("cap-s01", PoolKind.DATAPROXY, 6, 4, dev.stampboard.base.Actor.SYSTEM);

        FakeAzure.Seen patch = azure.requests("PATCH", AzureInventoryTest.VMSS + "/cap-s01-dataproxy")
                .get(0);
        JsonNode body = AzureFixtures.JSON.readTree(patch.body());
        assertThat(body.at("/sku/capacity").asInt()).isEqualTo(6);
        assertThat(body.at("/sku/name").asText()).isEqualTo("Standard_D2s_v3");
        assertThat(patch.query()).containsEntry("api-version", "2025-04-01");
        assertThat(fleet.requireStamp("cap-s01")
                        .pool(PoolKind.DATAPROXY)
                        .orElseThrow()
                        .minInstances())
                .isEqualTo(4);
    }

    @Test
    void a_refused_capacity_change_keeps_the_minimum() {
        serveStamp("cap-s02", "succeeded");
        inventory.refresh();
        azure.on(
                "PATCH",
                AzureInventoryTest.VMSS + "/cap-s02-registry",
                409,
                "{\"error\":{\"code\":\"OperationNotAllowed\",\"message\":\"Operation results in exceeding quota limits of Core.\"}}");
        int before = fleet.requireStamp("cap-s02")
                .pool(PoolKind.REGISTRY)
                .orElseThrow()
                .minInstances();

        assertThatThrownBy(() ->
                        capacity.setCapacity("cap-s02", PoolKind.REGISTRY, 40, 30, dev.stampboard.base.Actor.SYSTEM))
                .isInstanceOf(AzureCallFailed.class)
                .hasMessageContaining("HTTP 409")
                .hasMessageContaining("quota");
        assertThat(fleet.requireStamp("cap-s02")
                        .pool(PoolKind.REGISTRY)
                        .orElseThrow()
                        .minInstances())
                .isEqualTo(before);
    }

    @Test
    void a_dedicated_stamp_is_created_from_the_templates_once_and_activated_when_its_scale_sets_succeed()
            throws Exception {
        String template = AzureFixtures.body("compute-VirtualMachineScaleSet_Get_WithUserData", 200)
                .toString();
        azure.on("GET", AzureInventoryTest.VMSS + "/tpl-registry", 200, template);
        azure.on(
                "GET",
                "/subscriptions/" + SUBSCRIPTION
                        + "/resourceGroups/rg-templates/providers/Microsoft.Compute/virtualMachineScaleSets/tpl-dataproxy",
                200,
                template);
        azure.on("PUT", AzureInventoryTest.VMSS + "/ded-s01-(registry|dataproxy)", r -> {
            ObjectNode answer = AzureFixtures.body("compute-VirtualMachineScaleSet_Get_WithUserData", 200);
            ((ObjectNode) answer.get("properties")).put("provisioningState", "Creating");
            return FakeAzure.Answer.json(201, answer.toString());
        });
        azure.on(
                "PUT",
                AzureInventoryTest.STORAGE + "/sbdeds0101",
                200,
                "{\"id\":\"" + AzureInventoryTest.STORAGE
                        + "/sbdeds0101\",\"name\":\"sbdeds0101\",\"location\":\"eastus\","
                        + "\"properties\":{\"provisioningState\":\"Succeeded\"}}");
        DedicatedStampSpec spec = new DedicatedStampSpec("ded-s01", "eastus", "contoso-ai", 3, 5, 1, "bob");

        provisioner.provision(spec);

        List<FakeAzure.Seen> puts = azure.requests("PUT", AzureInventoryTest.VMSS + "/ded-s01-.*");
        assertThat(puts)
                .extracting(FakeAzure.Seen::path)
                .containsExactlyInAnyOrder(
                        AzureInventoryTest.VMSS + "/ded-s01-registry", AzureInventoryTest.VMSS + "/ded-s01-dataproxy");
        JsonNode dataproxy = AzureFixtures.JSON.readTree(puts.stream()
                .filter(p -> p.path().endsWith("dataproxy"))
                .findFirst()
                .orElseThrow()
                .body());
        assertThat(dataproxy.at("/sku/capacity").asInt()).isEqualTo(5);
        assertThat(dataproxy.at("/sku/name").asText()).isEqualTo("Standard_D2s_v3");
        assertThat(dataproxy.at("/tags/stampboard-stamp").asText()).isEqualTo("ded-s01");
        assertThat(dataproxy.at("/tags/stampboard-pool").asText()).isEqualTo("dataproxy");
        assertThat(dataproxy.at("/tags/stampboard-kind").asText()).isEqualTo("dedicated");
        assertThat(dataproxy
                        .at("/properties/virtualMachineProfile/osProfile/computerNamePrefix")
                        .asText())
                .isEqualTo("ded-s01-datapro");
        assertThat(dataproxy
                        .at("/properties/virtualMachineProfile/storageProfile/imageReference/offer")
                        .asText())
                .isEqualTo("databricks");
        assertThat(azure.requests("PUT", AzureInventoryTest.STORAGE + "/sbdeds0101"))
                .hasSize(1);
        StampInfo declared = fleet.requireStamp("ded-s01");
        assertThat(declared.status()).isEqualTo(StampStatus.PROVISIONING);
        assertThat(declared.kind()).isEqualTo(StampKind.DEDICATED);
        assertThat(declared.pool(PoolKind.DATAPROXY).orElseThrow().minInstances())
                .isEqualTo(5);
        assertThat(declared.storageAccounts()).containsExactly("sbdeds0101");

        int asked = azure.requests().size();
        provisioner.provision(spec);
        assertThat(azure.requests()).hasSize(asked);

        serveStamp("ded-s01", "Creating");
        inventory.refresh();
        assertThat(fleet.requireStamp("ded-s01").status()).isEqualTo(StampStatus.PROVISIONING);
        serveStamp("ded-s01", "Succeeded");
        inventory.refresh();
        assertThat(fleet.requireStamp("ded-s01").status()).isEqualTo(StampStatus.ACTIVE);
        assertThat(fleet.requireStamp("ded-s01").nodes(PoolKind.DATAPROXY)).hasSize(3);
    }

    @Test
    void a_missing_template_fails_before_anything_is_created() {
        azure.on(
                "GET",
                AzureInventoryTest.VMSS + "/tpl-registry",
                404,
                "{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"The Resource 'Microsoft.Compute/virtualMachineScaleSets/tpl-registry' was not found.\"}}");

        assertThatThrownBy(() -> provisioner.provision(
                        new DedicatedStampSpec("ded-s02", "eastus", "contoso-ai", 1, 1, 1, "bob")))
                .isInstanceOf(AzureCallFailed.class)
                .hasMessageContaining("Reading template scale set tpl-registry failed")
                .hasMessageContaining("404");
        assertThat(azure.requests("PUT", ".*")).isEmpty();
        assertThat(fleet.stamp("ded-s02")).isEmpty();
    }
}
