package dev.stampboard.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Azure's own REST examples ({@code src/test/resources/azure}, see SOURCES.md there): the response
 * body of a status, as a tree the tests adapt (names, tags, instances) while keeping its shape.
 */
final class AzureFixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    private AzureFixtures() {}

    static ObjectNode body(String fixture, int status) {
        try (InputStream in = AzureFixtures.class.getResourceAsStream("/azure/" + fixture + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + fixture);
            }
            return (ObjectNode) JSON.readTree(in)
                    .get("responses")
                    .get(String.valueOf(status))
                    .get("body")
                    .deepCopy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(JsonNode node) {
        return node.toString();
    }

    static String scaleSetId(String group, String name) {
        return "/subscriptions/" + AzureTestSupport.SUBSCRIPTION + "/resourceGroups/" + group
                + "/providers/Microsoft.Compute/virtualMachineScaleSets/" + name;
    }

    /** One scale set in the shape of the ListBySubscription example, renamed and tagged. */
    static ObjectNode scaleSet(String name, Map<String, String> tags, int capacity, String provisioningState) {
        ObjectNode vmss = (ObjectNode) body("compute-VirtualMachineScaleSet_ListBySubscription_ByLocation", 200)
                .get("value")
                .get(0)
                .deepCopy();
        vmss.put("name", name).put("id", scaleSetId(AzureTestSupport.GROUP, name));
        ObjectNode t = vmss.putObject("tags");
        tags.forEach(t::put);
        ((ObjectNode) vmss.get("sku")).put("capacity", capacity);
        ((ObjectNode) vmss.get("properties")).put("provisioningState", provisioningState);
        return vmss;
    }

    /** The ListBySubscription example's two (untagged) scale sets followed by the given ones. */
    static String scaleSetList(ObjectNode... extra) {
        ObjectNode list = body("compute-VirtualMachineScaleSet_ListBySubscription_ByLocation", 200);
        ArrayNode value = (ArrayNode) list.get("value");
        for (ObjectNode vmss : extra) {
            value.add(vmss);
        }
        return text(list);
    }

    /** A scale set's instances in the shape of the VM list example, named {@code <scaleSet>_<i>}. */
    static String instanceList(String scaleSet, int count) {
        ObjectNode list = body("compute-VirtualMachineScaleSetVM_List_WithVirtualMachineResourceId", 200);
        ArrayNode value = (ArrayNode) list.get("value");
        ObjectNode template = (ObjectNode) value.get(0).deepCopy();
        value.removeAll();
        for (int i = 0; i < count; i++) {
            ObjectNode vm = template.deepCopy();
            String vmName = scaleSet + "_" + i;
            vm.put("name", vmName)
                    .put("instanceId", String.valueOf(i))
                    .put("id", scaleSetId(AzureTestSupport.GROUP, scaleSet) + "/virtualMachines/" + i)
                    .put(
                            "virtualMachineResourceId",
                            "/subscriptions/" + AzureTestSupport.SUBSCRIPTION + "/resourceGroups/"
                                    + AzureTestSupport.GROUP + "/providers/Microsoft.Compute/virtualMachines/"
                                    + vmName);
            value.add(vm);
        }
        return text(list);
    }

    /** The storage-account list example with the first {@code tagged.length} accounts tagged with those stamps. */
    static String storageAccounts(String... taggedStamps) {
        ObjectNode list = body("storage-StorageAccountList", 200);
        ArrayNode value = (ArrayNode) list.get("value");
        for (int i = 0; i < taggedStamps.length; i++) {
            ((ObjectNode) value.get(i).get("tags")).put(ScaleSetTags.STAMP, taggedStamps[i]);
        }
        return text(list);
    }

    static String storageAccountName(int index) {
        return body("storage-StorageAccountList", 200)
                .get("value")
                .get(index)
                .get("name")
                .asText();
    }
}
