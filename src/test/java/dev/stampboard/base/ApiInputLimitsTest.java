package dev.stampboard.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stampboard.SpringTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The red team's bad inputs (issue 14): each is refused at the edge with a 4xx problem that names
 * the field, and nothing is stored; none is a 500, none is silently changed.
 */
class ApiInputLimitsTest extends SpringTest {

    @Autowired
    TestRestTemplate rest;

    @LocalServerPort
    int port;

    private ResponseEntity<JsonNode> send(String user, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, user + "-pw")
                .exchange(path, method, new HttpEntity<>(json, headers), JsonNode.class);
    }

    private static void assertRefused(ResponseEntity<JsonNode> res, HttpStatus status, String detail) {
        assertThat(res.getStatusCode()).as(String.valueOf(res.getBody())).isEqualTo(status);
        assertThat(res.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(res.getBody().get("detail").asText())
                .contains(detail)
                .doesNotContain("java.")
                .doesNotContain("Exception");
    }

    private static String quoted(String s) {
        return "\"" + s + "\"";
    }

    @Test
    void a_reject_reason_of_2001_characters() {
        String id = send("alice", HttpMethod.POST, "/api/v1/plans", "{\"region\":\"eastus\"}")
                .getBody()
                .get("id")
                .asText();
        send("alice", HttpMethod.POST, "/api/v1/plans/" + id + "/submit", null);
        assertRefused(
                send(
                        "bob",
                        HttpMethod.POST,
                        "/api/v1/plans/" + id + "/reject",
                        "{\"reason\":" + quoted("x".repeat(2001)) + "}"),
                HttpStatus.BAD_REQUEST,
                "reason: at most 2000 characters");
        JsonNode plan =
                send("dave", HttpMethod.GET, "/api/v1/plans/" + id, null).getBody();
        assertThat(plan.get("status").asText()).isEqualTo("PENDING_APPROVAL");
        // 2,000 are fine
        assertThat(send(
                                "bob",
                                HttpMethod.POST,
                                "/api/v1/plans/" + id + "/reject",
                                "{\"reason\":" + quoted("x".repeat(2000)) + "}")
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void storage_account_names_of_300_characters() {
        assertRefused(
                send(
                        "alice",
                        HttpMethod.PUT,
                        "/api/v1/stamps/eus-limits-1",
                        "{\"region\":\"eastus\",\"pools\":[],\"storageAccounts\":[" + quoted("a".repeat(300)) + "]}"),
                HttpStatus.BAD_REQUEST,
                "storageAccounts[0]: a storage account name has 3–24 characters");
        assertThat(send("dave", HttpMethod.GET, "/api/v1/stamps/eus-limits-1", null)
                        .getStatusCode())
                .as("nothing stored")
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void null_elements_in_lists() {
        assertRefused(
                send("alice", HttpMethod.POST, "/api/v1/plans", "{\"region\":\"eastus\",\"stamps\":[null]}"),
                HttpStatus.BAD_REQUEST,
                "stamps[0]: a stamp name, not null");
        assertRefused(
                send(
                        "carol",
                        HttpMethod.POST,
                        "/api/v1/isolation-requests",
                        "{\"customer\":\"openmind-ai\","
                                + "\"registries\":[null],\"expectedPeakQps\":20000,\"peakThroughputGbps\":40,\"dataVolumeTb\":300,"
                                + "\"justification\":\"Training fleet doubles in December\",\"wantedBy\":\"2026-12-15\"}"),
                HttpStatus.BAD_REQUEST,
                "registries[0]: a registry name, not null");
        assertRefused(
                send(
                        "alice",
                        HttpMethod.PUT,
                        "/api/v1/stamps/eus-limits-2",
                        "{\"region\":\"eastus\",\"pools\":[{\"pool\":\"REGISTRY\",\"nodes\":[\"n1\",null]}]}"),
                HttpStatus.BAD_REQUEST,
                "pools[0].nodes[1]: a node name, not null");
    }

    @Test
    void more_nodes_in_a_pool_than_the_bound() {
        String nodes = IntStream.range(0, 1001).mapToObj(i -> quoted("n" + i)).collect(Collectors.joining(","));
        assertRefused(
                send(
                        "alice",
                        HttpMethod.PUT,
                        "/api/v1/stamps/eus-limits-3",
                        "{\"region\":\"eastus\",\"pools\":[{\"pool\":\"REGISTRY\",\"nodes\":[" + nodes + "]}]}"),
                HttpStatus.BAD_REQUEST,
                "pools[0].nodes: at most 1000 nodes per pool");
        // the red team's 100,000 nodes do not even get parsed: the body is over the API's size cap
        String many =
                IntStream.range(0, 100_000).mapToObj(i -> quoted("node-" + i)).collect(Collectors.joining(","));
        assertRefused(
                send(
                        "alice",
                        HttpMethod.PUT,
                        "/api/v1/stamps/eus-limits-3",
                        "{\"region\":\"eastus\",\"pools\":[{\"pool\":\"REGISTRY\",\"nodes\":[" + many + "]}]}"),
                HttpStatus.PAYLOAD_TOO_LARGE,
                "larger than 256 KB");
        assertThat(send("dave", HttpMethod.GET, "/api/v1/stamps/eus-limits-3", null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void registries_per_request_are_bounded() {
        String registries = Collections.nCopies(101, quoted("openmindmodels.azurecr.io")).stream()
                .collect(Collectors.joining(","));
        assertRefused(
                send(
                        "carol",
                        HttpMethod.POST,
                        "/api/v1/isolation-requests",
                        "{\"customer\":\"openmind-ai\","
                                + "\"registries\":[" + registries
                                + "],\"expectedPeakQps\":20000,\"peakThroughputGbps\":40,"
                                + "\"dataVolumeTb\":300,\"justification\":\"Training fleet doubles in December\",\"wantedBy\":\"2026-12-15\"}"),
                HttpStatus.BAD_REQUEST,
                "registries: at most 100 registries in one request");
    }

    @Test
    void a_93_mb_ingestion_body_is_refused_before_it_is_read() throws Exception {
        // declare 93 MB, send a few bytes: the answer comes without the console waiting for (or parsing) the rest
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String auth = Base64.getEncoder().encodeToString("alice:alice-pw".getBytes(StandardCharsets.UTF_8));
            out.write(("POST /api/v1/telemetry/node-cpu HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + auth
                            + "\r\nContent-Type: application/json\r\nContent-Length: 97517568\r\n\r\n{\"samples\":[")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(answer).isEqualTo("HTTP/1.1 413");
        }
    }

    @Test
    void a_chunked_body_is_cut_off_at_the_cap() {
        // no Content-Length: the body is counted while Jackson reads it
        String big = "{\"region\":\"eastus\",\"stamps\":["
                + Collections.nCopies(30_000, quoted("eus-s01")).stream().collect(Collectors.joining(",")) + "]}";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(HttpHeaders.TRANSFER_ENCODING, "chunked");
        ResponseEntity<JsonNode> res = rest.withBasicAuth("alice", "alice-pw")
                .exchange(
                        "/api/v1/plans",
                        HttpMethod.POST,
                        new HttpEntity<>(big.getBytes(StandardCharsets.UTF_8), headers),
                        JsonNode.class);
        assertRefused(res, HttpStatus.PAYLOAD_TOO_LARGE, "larger than 256 KB");
    }

    @Test
    void a_fraction_is_not_an_integer_and_a_number_is_not_a_name() {
        String request = "{\"customer\":\"openmind-ai\",\"registries\":[\"openmindmodels.azurecr.io\"],"
                + "\"expectedPeakQps\":%s,\"peakThroughputGbps\":40,\"dataVolumeTb\":300,"
                + "\"justification\":\"Training fleet doubles in December\",\"wantedBy\":\"2026-12-15\"}";
        assertRefused(
                send("carol", HttpMethod.POST, "/api/v1/isolation-requests", request.formatted("1.5")),
                HttpStatus.BAD_REQUEST,
                "'expectedPeakQps' must be a whole number");
        assertRefused(
                send("carol", HttpMethod.POST, "/api/v1/isolation-requests", request.formatted("\"20000\"")),
                HttpStatus.BAD_REQUEST,
                "'expectedPeakQps' must be a whole number");
        assertRefused(
                send("alice", HttpMethod.PUT, "/api/v1/stamps/eus-limits-4", "{\"region\":123,\"pools\":[]}"),
                HttpStatus.BAD_REQUEST,
                "'region' must be text");
        assertThat(send("dave", HttpMethod.GET, "/api/v1/regions", null)
                        .getBody()
                        .toString())
                .doesNotContain("\"123\"");
        assertRefused(
                send("alice", HttpMethod.POST, "/api/v1/plans", "{\"region\":123}"),
                HttpStatus.BAD_REQUEST,
                "'region' must be text");
    }

    @Test
    void no_500_shows_internals() {
        assertRefused(
                send("alice", HttpMethod.POST, "/api/v1/plans", "{\"region\": eastus}"),
                HttpStatus.BAD_REQUEST,
                "not valid JSON (line 1");
    }
}
