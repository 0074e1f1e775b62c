package dev.stampboard.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stampboard.cutover.Routing;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The cutover's routing port as CNAME records: read first, write only when the target differs. */
class AzureDnsRoutingTest extends AzureTestSupport {

    static final String RECORD = "/subscriptions/" + SUBSCRIPTION
            + "/resourceGroups/rg-dns/providers/Microsoft.Network/dnsZones/data.example.net/CNAME/contoso.eastus";

    @Autowired
    Routing routing;

    /** Azure's Get CNAME example, pointing at {@code target}. */
    static String recordPointingAt(String target) {
        ObjectNode body = AzureFixtures.body("dns-RecordSet_Get_CNAME", 200);
        ((ObjectNode) body.get("properties").get("CNAMERecord")).put("cname", target);
        return body.toString();
    }

    @Test
    void the_azure_profile_routes_through_dns() {
        assertThat(routing).isInstanceOf(AzureDnsRouting.class);
    }

    @Test
    void a_record_already_at_the_home_stamp_is_left_alone() {
        azure.on("GET", RECORD, 200, recordPointingAt("eus-s02.stamps.example.net"));

        assertThat(routing.pointAt("contoso", "eastus", "eus-s02")).isFalse();

        assertThat(azure.requests("PUT", ".*")).isEmpty();
        assertThat(azure.requests("GET", RECORD))
                .singleElement()
                .satisfies(r -> assertThat(r.query()).containsEntry("api-version", "2018-05-01"));
        assertThat(routing.current("contoso", "eastus")).contains("eus-s02");
    }

    @Test
    void a_missing_record_is_created_and_a_different_one_is_repointed() throws Exception {
        String created =
                AzureFixtures.body("dns-RecordSet_CreateOrUpdate_CNAME", 201).toString();
        azure.on("PUT", RECORD, 201, created);
        // first: no record yet (the fake answers 404 for unrouted paths, as Resource Manager does)
        assertThat(routing.pointAt("contoso", "eastus", "eus-s01")).isTrue();
        // then: the record points at the old stamp
        azure.on("GET", RECORD, 200, recordPointingAt("eus-s01.stamps.example.net."));
        assertThat(routing.pointAt("contoso", "eastus", "eus-s03")).isTrue();

        var puts = azure.requests("PUT", RECORD);
        assertThat(puts).hasSize(2);
        JsonNode sent = AzureFixtures.JSON.readTree(puts.get(1).body());
        assertThat(sent.at("/properties/CNAMERecord/cname").asText()).isEqualTo("eus-s03.stamps.example.net");
        assertThat(sent.at("/properties/TTL").asLong()).isEqualTo(60);
        assertThat(sent.at("/properties/metadata/stampboardRegistry").asText()).isEqualTo("contoso");
        assertThat(puts.get(1).query()).containsEntry("api-version", "2018-05-01");
        assertThat(AzureFixtures.JSON
                        .readTree(puts.get(0).body())
                        .at("/properties/CNAMERecord/cname")
                        .asText())
                .isEqualTo("eus-s01.stamps.example.net");
    }

    @Test
    void a_record_that_cannot_be_read_is_never_written() {
        azure.on(
                "GET",
                RECORD,
                500,
                "{\"error\":{\"code\":\"InternalServerError\",\"message\":\"DNS backend unavailable\"}}");

        assertThatThrownBy(() -> routing.pointAt("contoso", "eastus", "eus-s02"))
                .isInstanceOf(AzureCallFailed.class)
                .hasMessageContaining("Reading DNS record contoso.eastus.data.example.net failed")
                .hasMessageContaining("HTTP 500")
                .hasMessageContaining("DNS backend unavailable");
        assertThat(azure.requests("PUT", ".*")).isEmpty();
    }

    @Test
    void a_target_outside_the_template_names_no_stamp() {
        azure.on("GET", RECORD, 200, recordPointingAt("contoso.com")); // the example's own target

        assertThat(routing.current("contoso", "eastus")).isEmpty();
    }
}
