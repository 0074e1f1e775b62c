package dev.stampboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stampboard.SpringTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** API tokens over real HTTP: shown once, stored hashed, bounded by roles and expiry, revocable. */
class ApiTokensTest extends SpringTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private HttpResponse<String> send(String method, String path, String authorization, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", authorization)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(String user) {
        return "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + user + "-pw").getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode create(String user, String body) throws Exception {
        HttpResponse<String> res = send("POST", "/api/v1/tokens", basic(user), body);
        assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
        return JSON.readTree(res.body());
    }

    @Test
    void a_personal_token_acts_as_its_owner_and_is_stored_only_as_a_hash() throws Exception {
        JsonNode created = create("alice", "{\"name\":\"nightly report\",\"days\":30}");
        String secret = created.get("secret").asText();
        assertThat(secret).startsWith("sbt_").hasSizeGreaterThan(40);
        String id = created.get("token").get("id").asText();

        HttpResponse<String> regions = send("GET", "/api/v1/regions", "Bearer " + secret, null);
        assertThat(regions.statusCode()).isEqualTo(200);
        assertThat(regions.headers().allValues("Set-Cookie")).as("no session").isEmpty();
        HttpResponse<String> plan = send("POST", "/api/v1/plans", "Bearer " + secret, "{\"region\":\"eastus\"}");
        assertThat(plan.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(plan.body()).get("createdBy").asText()).isEqualTo("alice");

        String listed = send("GET", "/api/v1/tokens", basic("alice"), null).body();
        assertThat(listed).contains(id).contains("nightly report").doesNotContain(secret);
        String stored = jdbc.sql("select token_hash from api_token where id = ?")
                .param(id)
                .query(String.class)
                .single();
        assertThat(stored)
                .isEqualTo(HexFormat.of()
                        .formatHex(
                                MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8))))
                .doesNotContain(secret);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'API_TOKEN_CREATED' and actor = 'alice'")
                        .query(Integer.class)
                        .single())
                .isPositive();
    }

    @Test
    void a_token_has_at_most_its_roles_and_its_owners() throws Exception {
        String viewerOnly = create("alice", "{\"name\":\"read only\",\"roles\":[\"VIEWER\"],\"days\":1}")
                .get("secret")
                .asText();
        assertThat(send("GET", "/api/v1/stamps?region=eastus", "Bearer " + viewerOnly, null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("POST", "/api/v1/plans", "Bearer " + viewerOnly, "{\"region\":\"eastus\"}")
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> greedy =
                send("POST", "/api/v1/tokens", basic("alice"), "{\"name\":\"x\",\"roles\":[\"ADMIN\"]}");
        assertThat(greedy.statusCode()).isEqualTo(400);
        assertThat(greedy.body()).contains("at most your own roles");
        assertThat(send(
                                "POST",
                                "/api/v1/tokens",
                                basic("alice"),
                                "{\"name\":\"svc\",\"kind\":\"SERVICE\",\"roles\":[\"INGEST\"]}")
                        .statusCode())
                .as("only an admin makes service tokens")
                .isEqualTo(403);
    }

    @Test
    void a_service_token_made_by_the_admin_acts_as_the_service() throws Exception {
        String secret = create(
                        "erin", "{\"name\":\"collector-eus\",\"kind\":\"SERVICE\",\"roles\":[\"INGEST\"],\"days\":7}")
                .get("secret")
                .asText();
        HttpResponse<String> ingest =
                send("POST", "/api/v1/telemetry/node-cpu", "Bearer " + secret, "{\"samples\":[]}");
        assertThat(ingest.statusCode()).as(ingest.body()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/regions", "Bearer " + secret, null).statusCode())
                .as("ingest reads nothing")
                .isEqualTo(403);
    }

    @Test
    void a_revoked_or_expired_token_is_refused() throws Exception {
        JsonNode created = create("dave", "{\"name\":\"dashboard\",\"days\":1}");
        String secret = created.get("secret").asText();
        String id = created.get("token").get("id").asText();
        assertThat(send("GET", "/api/v1/regions", "Bearer " + secret, null).statusCode())
                .isEqualTo(200);
        assertThat(send("DELETE", "/api/v1/tokens/" + id, basic("dave"), null).statusCode())
                .isEqualTo(204);
        HttpResponse<String> revoked = send("GET", "/api/v1/regions", "Bearer " + secret, null);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.body()).contains("unknown, expired or revoked");

        String other =
                create("dave", "{\"name\":\"old\",\"days\":1}").get("secret").asText();
        jdbc.sql(
                        "update api_token set expires_at = timestamp with time zone '2020-01-01 00:00:00+00' where token_hash = ?")
                .param(ApiTokens.hash(other))
                .update();
        assertThat(send("GET", "/api/v1/regions", "Bearer " + other, null).statusCode())
                .isEqualTo(401);
        assertThat(send("GET", "/api/v1/regions", "Bearer sbt_made-up", null).statusCode())
                .isEqualTo(401);
    }
}
