package dev.stampboard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stampboard.SpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

class AuditApiTest extends SpringTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    AuditLog audit;

    @Test
    void lists_entries_since_an_instant_newest_first() {
        audit.record("erin", "SETTING_CHANGED", "signals.thresholds", "hot 45 -> 46");
        JsonNode all = rest.withBasicAuth("dave", "dave-pw")
                .getForObject("/api/v1/audit?since=2000-01-01T00:00:00Z", JsonNode.class);
        assertThat(all.size()).isPositive();
        assertThat(all.get(0).get("id").asLong())
                .isGreaterThan(all.get(all.size() - 1).get("id").asLong());
        JsonNode future = rest.withBasicAuth("dave", "dave-pw")
                .getForObject("/api/v1/audit?since=2999-01-01T00:00:00Z", JsonNode.class);
        assertThat(future).isEmpty();
    }

    @Test
    void a_bad_since_is_a_problem_and_customers_cannot_read_it() {
        assertThat(rest.withBasicAuth("dave", "dave-pw")
                        .getForEntity("/api/v1/audit?since=yesterday", JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rest.withBasicAuth("frank", "frank-pw")
                        .getForEntity("/api/v1/audit", JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }
}
