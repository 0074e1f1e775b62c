package dev.stampboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stampboard.support.ChildConsole;
import dev.stampboard.support.ChildConsoleTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Single sign-on end to end against a real OpenID provider ({@link TestIdentityProvider}, Spring Authorization
 * Server) started in the test: a browser's authorization-code flow over HTTP (the provider's own login form, the
 * redirects, the console's code exchange and ID-token check), app roles mapped to console roles, a person with no
 * mapped role or disabled in the console refused; the API as a resource server accepting the provider's JWT access
 * tokens and refusing a forged one; local sign-in switched off by an administrator who signed in through the
 * provider. One console (production profile {@code postgres}, its own in-memory database) and the provider, each a
 * process of its own ({@link ChildConsole}), started at once.
 */
@ChildConsoleTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SingleSignOnTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_SECRET = "local admin secret 1";

    private static ChildConsole provider;
    private static ChildConsole console;
    private static String consoleUrl;
    private static String providerUrl;

    @BeforeAll
    static void startProviderAndConsole() throws Exception {
        int consolePort = ChildConsole.freePort();
        int providerPort = ChildConsole.freePort();
        // two host names, so the browser keeps the provider's cookies and the console's apart
        consoleUrl = "http://127.0.0.1:" + consolePort;
        providerUrl = "http://localhost:" + providerPort;
        String registration = "spring.security.oauth2.client.registration.contoso.";
        String providerConfig = "spring.security.oauth2.client.provider.contoso.";
        // the console with the provider's endpoints named (no discovery at start), so both start at once
        console = ChildConsole.named("sso-console")
                .port(consolePort)
                .readinessAnonymous() // a production profile: no demo users
                .property("spring.profiles.active", "postgres")
                .property("spring.datasource.url", "jdbc:h2:mem:sso;DB_CLOSE_DELAY=-1")
                .property("spring.datasource.username", "sa")
                .property("spring.datasource.password", "")
                .property("stampboard.cutover.executor-enabled", false)
                .property("stampboard.security.initial-admin.password", ADMIN_SECRET)
                .property(registration + "client-id", TestIdentityProvider.CONSOLE_CLIENT)
                .property(registration + "client-secret", TestIdentityProvider.CONSOLE_SECRET)
                .property(registration + "client-name", "Contoso")
                .property(registration + "scope", "openid")
                .property(registration + "authorization-grant-type", "authorization_code")
                .property(registration + "redirect-uri", "{baseUrl}/login/oauth2/code/{registrationId}")
                .property(registration + "provider", "contoso")
                .property(providerConfig + "authorization-uri", providerUrl + "/oauth2/authorize")
                .property(providerConfig + "token-uri", providerUrl + "/oauth2/token")
                .property(providerConfig + "jwk-set-uri", providerUrl + "/oauth2/jwks")
                .property(providerConfig + "user-name-attribute", "sub")
                .property("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", providerUrl + "/oauth2/jwks")
                .property("spring.security.oauth2.resourceserver.jwt.issuer-uri", providerUrl)
                .property("stampboard.security.sso.role-claim", "roles")
                .property("stampboard.security.sso.role-mapping[Stampboard.Admin]", "ADMIN")
                .property("stampboard.security.sso.role-mapping[Stampboard.Engineer]", "ENGINEER")
                .property("stampboard.security.sso.role-mapping[stampboard.viewer]", "VIEWER")
                .start();
        provider = ChildConsole.named("sso-provider")
                .main(TestIdentityProvider.class)
                .heap("256m")
                .port(providerPort)
                .readiness("/oauth2/jwks")
                .readinessAnonymous()
                .property("console.base-url", consoleUrl)
                .start();
        Instant deadline = Instant.now().plus(ChildConsole.START_BUDGET);
        provider.awaitReady(deadline);
        console.awaitReady(deadline);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (console != null) {
            console.stop(Duration.ofSeconds(10));
        }
        if (provider != null) {
            provider.stop(Duration.ofSeconds(10));
        }
    }

    /** A browser: its own cookie jar, follows no redirect by itself. */
    private static HttpClient browser() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    private static HttpResponse<String> get(HttpClient browser, String url) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postForm(
            HttpClient browser, String url, Map<String, String> form, String... headers) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return browser.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<String> res) {
        assertThat(res.statusCode())
                .as(res.uri() + " answered " + res.headers().map() + " " + res.body())
                .isBetween(301, 303);
        String location = res.headers().firstValue("Location").orElseThrow();
        return location.startsWith("/") ? res.uri().resolve(location).toString() : location;
    }

    /** Follows redirects until one leads to a URL that does not start with {@code until} (or the chain ends). */
    private static HttpResponse<String> follow(HttpClient browser, HttpResponse<String> res, String until)
            throws Exception {
        for (int hops = 0; hops < 10 && res.statusCode() / 100 == 3; hops++) {
            String next = location(res);
            if (!next.startsWith(until)) {
                return res;
            }
            res = get(browser, next);
        }
        return res;
    }

    /**
     * The person signs in at the provider's own login form (it has a CSRF token); returns the provider's answer
     * after the sign-in, a redirect back to the client that asked.
     */
    private static HttpResponse<String> signInAtProvider(HttpClient browser, String authorizeUrl, String person)
            throws Exception {
        HttpResponse<String> res = follow(browser, get(browser, authorizeUrl), providerUrl);
        assertThat(res.uri().getPath()).isEqualTo("/login");
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(res.body());
        assertThat(csrf.find()).as(res.body()).isTrue();
        HttpResponse<String> signedIn = postForm(
                browser,
                providerUrl + "/login",
                Map.of("username", person, "password", TestIdentityProvider.PASSWORD, "_csrf", csrf.group(1)));
        return follow(browser, signedIn, providerUrl);
    }

    /** The whole browser flow from the console's "Sign in with Contoso" link; returns where the console sent it. */
    private static HttpResponse<String> browserSignIn(HttpClient browser, String person) throws Exception {
        String toProvider = location(get(browser, consoleUrl + "/oauth2/authorization/contoso"));
        assertThat(toProvider).startsWith(providerUrl + "/oauth2/authorize");
        HttpResponse<String> back = signInAtProvider(browser, toProvider, person);
        String callback = location(back);
        assertThat(callback).startsWith(consoleUrl + "/login/oauth2/code/contoso?code=");
        return get(browser, callback);
    }

    /** The console's users as its administrator lists them ({@code GET /api/v1/users}). */
    private static JsonNode users() throws Exception {
        HttpResponse<String> res = api("GET", "/api/v1/users", basic("admin", ADMIN_SECRET), null);
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        return JSON.readTree(res.body());
    }

    private static JsonNode user(String username) throws Exception {
        for (JsonNode u : users()) {
            if (u.get("username").asText().equals(username)) {
                return u;
            }
        }
        return null;
    }

    /** Audit entries through {@code GET /api/v1/audit} with the given query, read as the local administrator. */
    private static List<JsonNode> audit(String query) throws Exception {
        HttpResponse<String> res = api("GET", "/api/v1/audit?" + query, basic("admin", ADMIN_SECRET), null);
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        List<JsonNode> entries = new java.util.ArrayList<>();
        JSON.readTree(res.body()).forEach(entries::add);
        return entries;
    }

    private static HttpResponse<String> api(String method, String path, String authorization, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(consoleUrl + path))
                .header("Authorization", authorization)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** An application's own access token (client credentials), as a nightly script would get it. */
    private static String appToken(String client, String secret) throws Exception {
        HttpResponse<String> res = postForm(
                HttpClient.newHttpClient(),
                providerUrl + "/oauth2/token",
                Map.of("grant_type", "client_credentials", "scope", "api"),
                "Authorization",
                basic(client, secret));
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        return JSON.readTree(res.body()).get("access_token").asText();
    }

    /** A person's own access token through a command-line client's authorization-code flow. */
    private static String personToken(String person) throws Exception {
        HttpClient cli = browser();
        String authorize =
                providerUrl + "/oauth2/authorize?response_type=code&client_id=" + TestIdentityProvider.CLI_CLIENT
                        + "&scope=openid&state=s1&redirect_uri="
                        + URLEncoder.encode(TestIdentityProvider.CLI_REDIRECT, StandardCharsets.UTF_8);
        String callback = location(signInAtProvider(cli, authorize, person));
        assertThat(callback).startsWith(TestIdentityProvider.CLI_REDIRECT + "?code=");
        String code = URLEncoder.encode(
                URI.create(callback).getQuery().replaceAll(".*code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        HttpResponse<String> res = postForm(
                cli,
                providerUrl + "/oauth2/token",
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        java.net.URLDecoder.decode(code, StandardCharsets.UTF_8),
                        "redirect_uri",
                        TestIdentityProvider.CLI_REDIRECT),
                "Authorization",
                basic(TestIdentityProvider.CLI_CLIENT, TestIdentityProvider.CLI_SECRET));
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        return JSON.readTree(res.body()).get("access_token").asText();
    }

    /** Before anyone signs in: the production profile's promises ({@link ProductionProfilesTest}). */
    @Test
    @Execution(ExecutionMode.SAME_THREAD) // in order, one after another: the class is CONCURRENT, its methods not
    @Order(0)
    void the_postgres_console_has_no_demo_users_and_no_simulator() throws Exception {
        ProductionProfilesTest.assertPostgresConsoleHasNoDemoUsersAndNoSimulator(console, ADMIN_SECRET);
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD) // in order, one after another: the class is CONCURRENT, its methods not
    @Order(1)
    void a_person_signs_in_through_the_provider_with_the_roles_of_their_app_roles() throws Exception {
        HttpClient browser = browser();
        assertThat(location(get(browser, consoleUrl + "/")))
                .as("anonymous: to the login view")
                .endsWith("/login");
        assertThat(get(browser, consoleUrl + "/login").body()).contains("Stampboard");

        HttpResponse<String> landed = browserSignIn(browser, "ivan@contoso.example");
        assertThat(location(landed))
                .as("after the code exchange, into the console")
                .startsWith(consoleUrl + "/")
                .doesNotContain("login");
        HttpResponse<String> home = get(browser, consoleUrl + "/");
        assertThat(home.statusCode()).as("the session is signed in").isEqualTo(200);

        // the console lists the person, with the console roles their app roles map to ("Unrelated.Role" grants none)
        JsonNode ivan = user("ivan@contoso.example");
        assertThat(ivan).as("listed").isNotNull();
        assertThat(ivan.get("source").asText()).isEqualTo("SSO");
        List<String> roles = new java.util.ArrayList<>();
        ivan.get("roles").forEach(r -> roles.add(r.asText()));
        assertThat(roles).containsExactlyInAnyOrder("ENGINEER", "VIEWER");
        assertThat(ivan.get("enabled").asBoolean()).isTrue();
        assertThat(audit("action=USER_CREATED").stream()
                        .filter(e -> e.get("subject").asText().equals("ivan@contoso.example")))
                .hasSize(1);
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD) // in order, one after another: the class is CONCURRENT, its methods not
    @Order(2)
    void a_person_without_a_mapped_role_is_not_signed_in_and_told_why() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> refused = browserSignIn(browser, "nora@contoso.example");
        assertThat(location(refused)).isEqualTo(consoleUrl + "/login?sso-failed");
        assertThat(location(get(browser, consoleUrl + "/")))
                .as("still anonymous")
                .endsWith("/login");
        assertThat(user("nora@contoso.example")).as("not listed").isNull();
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD) // in order, one after another: the class is CONCURRENT, its methods not
    @Order(3)
    void the_api_accepts_the_providers_access_tokens_with_mapped_roles_and_refuses_others() throws Exception {
        String viewerApp = appToken(TestIdentityProvider.SCRIPT_CLIENT, TestIdentityProvider.SCRIPT_SECRET);
        HttpResponse<String> read = api("GET", "/api/v1/plans", "Bearer " + viewerApp, null);
        assertThat(read.statusCode())
                .as(read.headers().map() + " " + read.body())
                .isEqualTo(200);
        assertThat(read.headers().firstValue("Set-Cookie"))
                .as("no session for API calls")
                .isEmpty();
        HttpResponse<String> write =
                api("POST", "/api/v1/plans", "Bearer " + viewerApp, "{\"region\":\"eastus\",\"stamps\":[\"eus-s01\"]}");
        assertThat(write.statusCode())
                .as("a viewer may not plan: " + write.body())
                .isEqualTo(403);

        String roleless = appToken(TestIdentityProvider.ROLELESS_CLIENT, TestIdentityProvider.SCRIPT_SECRET + "-2");
        assertThat(api("GET", "/api/v1/plans", "Bearer " + roleless, null).statusCode())
                .isEqualTo(403);

        // a token whose signature is not the provider's: the payload of a real one under a made-up signature
        String[] parts = viewerApp.split("\\.");
        String forged = parts[0] + "." + parts[1] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[256]);
        HttpResponse<String> bad = api("GET", "/api/v1/plans", "Bearer " + forged, null);
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(bad.body()).contains("identity provider");

        // the console's own API tokens still work next to the provider's
        HttpResponse<String> created = api(
                "POST",
                "/api/v1/tokens",
                basic("admin", ADMIN_SECRET),
                "{\"name\":\"report\",\"kind\":\"SERVICE\",\"roles\":[\"VIEWER\"],\"days\":1}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String secret = JSON.readTree(created.body()).get("secret").asText();
        assertThat(api("GET", "/api/v1/plans", "Bearer " + secret, null).statusCode())
                .isEqualTo(200);
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD) // in order, one after another: the class is CONCURRENT, its methods not
    @Order(4)
    void an_administrator_signed_in_through_the_provider_switches_local_sign_in_off_and_disables_people()
            throws Exception {
        browserSignIn(browser(), "grace@contoso.example"); // listed as a single-sign-on administrator
        String grace = "Bearer " + personToken("grace@contoso.example");
        String localAdmin = basic("admin", ADMIN_SECRET);
        assertThat(api("GET", "/api/v1/users", localAdmin, null).statusCode()).isEqualTo(200);

        HttpResponse<String> off = api("PUT", "/api/v1/users/local-sign-in", grace, "{\"enabled\":false}");
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        HttpResponse<String> refused = api("GET", "/api/v1/users", localAdmin, null);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("switched off");

        // a person disabled in the console: no browser sign-in and no API call with the provider's token
        String ivan = "Bearer " + personToken("ivan@contoso.example");
        assertThat(api("GET", "/api/v1/plans", ivan, null).statusCode()).isEqualTo(200);
        assertThat(api("POST", "/api/v1/users/ivan@contoso.example/disable", grace, null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(api("GET", "/api/v1/plans", ivan, null).statusCode()).isEqualTo(401);
        assertThat(location(browserSignIn(browser(), "ivan@contoso.example"))).endsWith("/login?sso-failed");

        assertThat(api("PUT", "/api/v1/users/local-sign-in", grace, "{\"enabled\":true}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(api("GET", "/api/v1/users", localAdmin, null).statusCode()).isEqualTo(200);
        List<String> audited = audit("actor=grace@contoso.example").stream()
                .map(e -> e.get("action").asText())
                .toList();
        assertThat(audited).contains("SETTING_CHANGED", "USER_DISABLED");
    }
}
