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
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a client sees at the edge, over real HTTP: headers, the session cookie, CSRF on the login
 * form, unknown API paths, UTF-8 problem details, who may read the API description, and sign-in
 * throttling (429 + Retry-After, audited).
 */
class HttpEdgeTest extends SpringTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Autowired
    SignInThrottle throttle;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void unlock() {
        throttle.forgetAll(); // every test here comes from 127.0.0.1, like all the others in this console
    }

    private HttpResponse<String> send(String method, String path, String user, String body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            String password = user.contains(":") ? user.substring(user.indexOf(':') + 1) : user + "-pw";
            String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
            b.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void assertProblem(HttpResponse<String> res, int status) throws Exception {
        assertThat(res.statusCode()).as(res.body()).isEqualTo(status);
        String type = res.headers().firstValue("Content-Type").orElse("");
        assertThat(type).startsWith("application/problem+json").doesNotContainIgnoringCase("ISO-8859-1");
        JsonNode problem = JSON.readTree(res.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
    }

    @Test
    void an_unknown_api_path_is_a_404_problem_not_the_console_page() throws Exception {
        HttpResponse<String> res = send("GET", "/api/v1/no-such-thing", "dave", null);
        assertProblem(res, 404);
        assertThat(res.body())
                .contains("No API endpoint GET /api/v1/no-such-thing")
                .doesNotContain("<html");
        assertProblem(send("POST", "/api/v1/plans/x/no-such-action", "alice", "{}"), 404);
    }

    @Test
    void security_errors_are_utf8_problem_details() throws Exception {
        HttpResponse<String> anonymous = send("GET", "/api/v1/stamps", null, null);
        assertProblem(anonymous, 401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElseThrow()).containsIgnoringCase("charset=UTF-8");
        assertProblem(send("PUT", "/api/v1/stamps/eus-s99", "dave", "{}"), 403);
    }

    @Test
    void the_api_description_and_swagger_ui_need_a_signed_in_user() throws Exception {
        assertProblem(send("GET", "/v3/api-docs", null, null), 401);
        assertThat(send("GET", "/v3/api-docs", "dave", null).statusCode()).isEqualTo(200);
        HttpResponse<String> swagger = send("GET", "/swagger-ui/index.html", null, null);
        assertThat(swagger.statusCode()).as("sent to the login view").isEqualTo(302);
        assertThat(swagger.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void the_console_page_carries_csp_referrer_policy_and_a_same_site_session_cookie() throws Exception {
        HttpResponse<String> page = send("GET", "/login", null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'")
                .contains("frame-ancestors 'none'")
                .contains("object-src 'none'");
        assertThat(page.headers().firstValue("Referrer-Policy").orElseThrow()).isEqualTo("same-origin");
        List<String> cookies = page.headers().allValues("Set-Cookie");
        assertThat(cookies)
                .anySatisfy(c -> assertThat(c)
                        .startsWith("JSESSIONID=")
                        .contains("SameSite=Lax")
                        .contains("HttpOnly"));
    }

    @Test
    void an_api_call_creates_no_session_and_carries_api_headers() throws Exception {
        HttpResponse<String> res = send("GET", "/api/v1/regions", "dave", null);
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(res.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'");
        assertThat(res.headers().firstValue("Referrer-Policy").orElseThrow()).isEqualTo("no-referrer");
    }

    @Test
    void a_login_post_without_csrf_token_signs_nobody_in() throws Exception {
        // the bare form POST the login form used to make, with erin's right password, as a forged cross-site form would
        HttpResponse<String> forged = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=erin&password=erin-pw"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isIn(302, 403);
        assertThat(forged.headers().firstValue("Location").orElse("/login"))
                .as("not sent on as signed in")
                .contains("/login");
        // whatever session the answer set up is still anonymous: the console sends it to the login view
        String cookie = forged.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElse("JSESSIONID=none");
        HttpResponse<String> home = send("GET", "/", null, null, "Cookie", cookie);
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void the_admin_gets_settings_and_users_not_operations() throws Exception {
        assertProblem(
                send(
                        "PUT",
                        "/api/v1/stamps/eus-s99",
                        "erin",
                        "{\"region\":\"eastus\",\"kind\":\"SHARED\",\"pools\":[]}"),
                403);
        assertProblem(send("POST", "/api/v1/telemetry/node-cpu", "erin", "{\"samples\":[]}"), 403);
    }

    @Test
    void repeated_wrong_passwords_lock_the_user_with_429_retry_after_and_an_audit_entry() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertProblem(send("GET", "/api/v1/regions", "alice:guess-" + i, null), 401);
        }
        HttpResponse<String> sixth = send("GET", "/api/v1/regions", "alice:guess-5", null);
        assertProblem(sixth, 401); // this failure starts the first lock
        HttpResponse<String> locked = send("GET", "/api/v1/regions", "alice:alice-pw", null);
        assertProblem(locked, 429);
        assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 5L);
        assertThat(JSON.readTree(locked.body()).get("detail").asText()).contains("Too many failed sign-ins");
        assertThat(jdbc.sql(
                                "select count(*) from audit_event where action = 'SIGN_IN_LOCKED' and subject = 'user alice'")
                        .query(Integer.class)
                        .single())
                .isPositive();
        // another user from the same address is not locked yet (the address has more free failures)
        assertThat(send("GET", "/api/v1/regions", "dave", null).statusCode()).isEqualTo(200);
    }
}
