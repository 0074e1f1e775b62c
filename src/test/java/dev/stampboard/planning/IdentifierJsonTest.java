package dev.stampboard.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.stampboard.base.Actor;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.isolation.DedicatedStampGrowthRequested;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A plan id and an actor are plain strings in JSON, both ways: the REST answers keep their shape, and events stored in
 * the publication registry before they carried these types are still read. The expected JSON is written out by hand,
 * as the rows and answers looked when these fields were Strings.
 */
class IdentifierJsonTest {

    private final ObjectMapper json = JsonMapper.builder().findAndAddModules().build();

    @Test
    void a_plan_finished_event_keeps_its_stored_shape_both_ways() throws Exception {
        String stored = "{\"planId\":\"6f1c2a9e-0d1b-4c8e-9a51-2f1e0b7c3d44\",\"status\":\"COMPLETED\"}";
        PlanFinished event = new PlanFinished(PlanId.of("6f1c2a9e-0d1b-4c8e-9a51-2f1e0b7c3d44"), PlanStatus.COMPLETED);

        assertThat(json.readValue(stored, PlanFinished.class)).isEqualTo(event);
        assertThat(json.writeValueAsString(event)).isEqualTo(stored);
    }

    @Test
    void a_blank_plan_id_in_json_is_refused() {
        assertThatThrownBy(() -> json.readValue("{\"planId\":\" \",\"status\":\"COMPLETED\"}", PlanFinished.class))
                .hasRootCauseInstanceOf(InvalidInputException.class);
    }

    @Test
    void an_actor_is_its_name_and_the_console_reads_back_as_the_system() throws Exception {
        assertThat(json.writeValueAsString(Actor.user("alice"))).isEqualTo("\"alice\"");
        assertThat(json.writeValueAsString(Actor.SYSTEM)).isEqualTo("\"system\"");
        assertThat(json.readValue("\"alice\"", Actor.class)).isEqualTo(Actor.user("alice"));
        assertThat(json.readValue("\"system\"", Actor.class)).isSameAs(Actor.SYSTEM);
    }

    @Test
    void a_dedicated_stamp_growth_stored_with_actor_names_is_still_read() throws Exception {
        String stored = "{\"requestId\":\"r-1\",\"stamp\":\"ded-contoso-eastus\",\"region\":\"eastus\","
                + "\"customer\":\"contoso\",\"registryNodes\":6,\"dataproxyNodes\":8,"
                + "\"arithmetic\":\"6 + 8\",\"requestedBy\":\"frank\",\"approvedBy\":\"carol\"}";
        DedicatedStampGrowthRequested event = new DedicatedStampGrowthRequested(
                "r-1",
                "ded-contoso-eastus",
                "eastus",
                "contoso",
                6,
                8,
                "6 + 8",
                Actor.user("frank"),
                Actor.user("carol"));

        assertThat(json.readValue(stored, DedicatedStampGrowthRequested.class)).isEqualTo(event);
        assertThat(json.writeValueAsString(event)).isEqualTo(stored);
    }

    @Test
    void a_history_row_answers_with_the_plain_actor_name() throws Exception {
        PlanStatusChange change = new PlanStatusChange(
                Instant.parse("2026-11-26T12:00:00Z"),
                Actor.user("bob"),
                PlanStatus.PENDING_APPROVAL,
                PlanStatus.APPROVED,
                null);
        assertThat(json.readTree(json.writeValueAsString(change)).get("actor").asText())
                .isEqualTo("bob");
    }
}
