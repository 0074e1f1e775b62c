package dev.stampboard.capacity.change.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.stampboard.capacity.change.CapacityChangeDetails;
import dev.stampboard.capacity.change.CapacityChangeState;
import dev.stampboard.capacity.change.ChangeOrigin;
import dev.stampboard.capacity.change.ChangeStep;
import dev.stampboard.capacity.change.ChangeVerdict;
import dev.stampboard.capacity.change.Resize;
import dev.stampboard.fleet.PoolKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The capacity-change answer's JSON, field by field: what an API client reads must not change when the records
 * behind it are reshaped. The expected document is written out by hand from the API's documented fields.
 */
class ChangeJsonShapeTest {

    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-26T12:05:00Z");

    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private static CapacityChangeDetails details() {
        return new CapacityChangeDetails(
                "c-1",
                "eus-s02",
                "eastus",
                PoolKind.DATAPROXY,
                new Resize(16, 10, 12, 8),
                "relieved",
                ChangeOrigin.ENGINEER,
                null,
                "alice",
                T0,
                9.5,
                11.0,
                CapacityChangeState.COMPLETED,
                T1,
                "bob",
                null,
                "bob",
                T0,
                T1,
                10.0,
                ChangeVerdict.PASS,
                "P95 10.0 %",
                null,
                "rec-1");
    }

    private static final String DETAILS = """
            "id":"c-1","stamp":"eus-s02","region":"eastus","pool":"DATAPROXY",
            "fromInstances":16,"fromMinimum":10,"toInstances":12,"toMinimum":8,
            "reason":"relieved","origin":"ENGINEER","originRef":null,"proposedBy":"alice",
            "proposedAt":"2026-11-26T12:00:00Z","predictedP95":9.5,"beforeP95":11.0,
            "state":"COMPLETED","stateSince":"2026-11-26T12:05:00Z","decidedBy":"bob","decisionReason":null,
            "startedBy":"bob","appliedAt":"2026-11-26T12:00:00Z","validateUntil":"2026-11-26T12:05:00Z",
            "measuredP95":10.0,"verdict":"PASS","evidence":"P95 10.0 %","revertReason":null,
            "recommendation":"rec-1","scaleIn":true""";

    @Test
    void a_change_in_the_list_has_the_documented_fields() throws Exception {
        assertThat(json.readTree(json.writeValueAsString(details()))).isEqualTo(json.readTree("{" + DETAILS + "}"));
    }

    @Test
    void one_change_adds_its_prediction_error_and_steps() throws Exception {
        var answer = new CapacityChangesApi.ChangeJson(
                details(), 0.5, List.of(new ChangeStep("APPLY", T0, "console-a", "12 nodes")));
        JsonNode expected = json.readTree("{" + DETAILS + ",\"predictionErrorPp\":0.5,\"steps\":[{\"step\":\"APPLY\","
                + "\"at\":\"2026-11-26T12:00:00Z\",\"executor\":\"console-a\",\"detail\":\"12 nodes\"}]}");
        assertThat(json.readTree(json.writeValueAsString(answer))).isEqualTo(expected);
    }
}
