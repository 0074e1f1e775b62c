package dev.stampboard.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * By hand, not in the suite (issue 18, "every screen alike"): signs in on two console instances that share one
 * database, opens every main screen on both, keeps a full-page screenshot of each under the output directory
 * ({@code <route>-A.png}, {@code <route>-B.png}), and compares the screens' visible text ({@code innerText} of the
 * app layout: grids, cards, labels, alerts; not what charts draw). A screen whose text differs is read again up to
 * three times (the dashboard refreshes every 5 s); what still differs is printed line by line. Ids in the addresses
 * (a stamp, registry, plan, execution, isolation request, capacity change) are the first the JSON API lists.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.stampboard.browser.ScreensAcrossInstances \
 *     http://localhost:8103 http://localhost:8113 [user, default erin] [output directory]
 * </pre>
 *
 * Exits 1 when a screen differs. README "Several instances" says how to start the two instances.
 */
public final class ScreensAcrossInstances {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int ATTEMPTS = 3;

    private ScreensAcrossInstances() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ScreensAcrossInstances <base URL A> <base URL B> [user] [output directory]");
            System.exit(2);
        }
        String a = args[0];
        String b = args[1];
        String user = args.length > 2 ? args[2] : "erin";
        Path out = Path.of(args.length > 3 ? args[3] : "target/screens-across-instances");
        Files.createDirectories(out);
        List<String> routes = routes(a, user);
        int differing = 0;
        // a Chromium (a cookie jar) for each instance: both pages stay open, and cookies do not tell ports apart
        try (Chromium chromiumA = Chromium.start();
                Chromium chromiumB = Chromium.start()) {
            Page pageA = chromiumA.signedIn(a, user, 1440, 1000);
            Page pageB = chromiumB.signedIn(b, user, 1440, 1000);
            for (String route : routes) {
                String name =
                        route.equals("/") ? "dashboard" : route.substring(1).replaceAll("[^A-Za-z0-9]+", "_");
                List<String> diff = List.of();
                for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                    String textA = visibleText(pageA, a + route);
                    String textB = visibleText(pageB, b + route);
                    Files.writeString(out.resolve(name + "-A.txt"), textA);
                    Files.writeString(out.resolve(name + "-B.txt"), textB);
                    pageA.screenshot(
                            new Page.ScreenshotOptions().setFullPage(true).setPath(out.resolve(name + "-A.png")));
                    pageB.screenshot(
                            new Page.ScreenshotOptions().setFullPage(true).setPath(out.resolve(name + "-B.png")));
                    diff = difference(textA, textB);
                    if (diff.isEmpty()) {
                        break;
                    }
                }
                int lines = Files.readString(out.resolve(name + "-A.txt")).split("\n").length;
                if (diff.isEmpty()) {
                    System.out.printf("same      %-40s %d lines%n", route, lines);
                } else {
                    differing++;
                    System.out.printf("DIFFERENT %-40s %d lines%n", route, lines);
                    diff.forEach(line -> System.out.println("    " + line));
                }
            }
        }
        System.out.printf("%d of %d screens differ; screenshots and text in %s%n", differing, routes.size(), out);
        System.exit(differing == 0 ? 0 : 1);
    }

    /** The main screens, with the first id the API lists where a screen shows one thing. */
    private static List<String> routes(String base, String user) throws Exception {
        List<String> routes = new ArrayList<>(List.of(
                "/",
                "/plans",
                "/migrations",
                "/isolation-requests",
                "/capacity",
                "/capacity/changes",
                "/decision-quality",
                "/score-model",
                "/audit",
                "/notifications",
                "/settings",
                "/settings/webhook",
                "/users",
                "/tokens"));
        first(base, user, "/api/v1/stamps", "name").ifPresent(s -> routes.add("/stamps/" + s));
        first(base, user, "/api/v1/registries", "name").ifPresent(r -> routes.add("/registries/" + r));
        first(base, user, "/api/v1/plans", "id").ifPresent(p -> {
            routes.add("/plans/" + p);
            routes.add("/plans/" + p + "/report");
        });
        first(base, user, "/api/v1/migrations", "planId").ifPresent(p -> routes.add("/migrations/" + p));
        first(base, user, "/api/v1/isolation-requests", "id").ifPresent(r -> routes.add("/isolation-requests/" + r));
        first(base, user, "/api/v1/capacity/changes", "id").ifPresent(c -> routes.add("/capacity/changes/" + c));
        return routes;
    }

    private static Optional<String> first(String base, String user, String path, String field) throws Exception {
        HttpResponse<String> res = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(
                                                        (user + ":" + user + "-pw").getBytes(StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) {
            System.out.printf("(%s answered %d: screens needing one are left out)%n", path, res.statusCode());
            return Optional.empty();
        }
        JsonNode body = JSON.readTree(res.body());
        JsonNode rows = body.isArray() ? body : body.path("items");
        for (JsonNode row : rows) {
            if (row.hasNonNull(field)) {
                return Optional.of(row.get(field).asText());
            }
        }
        return Optional.empty();
    }

    /** The screen's text as a reader sees it, once the page has drawn and settled. */
    private static String visibleText(Page page, String url) {
        page.navigate(url);
        page.waitForSelector("vaadin-app-layout");
        page.waitForTimeout(Integer.getInteger("wait", 4000));
        Object text = page.evaluate("() => (document.querySelector('vaadin-app-layout') || document.body).innerText");
        return String.valueOf(text).replace("\u00a0", " ").strip();
    }

    /** Lines only one side shows (as many times as it shows them more often), A's first. */
    static List<String> difference(String a, String b) {
        Map<String, Integer> count = new HashMap<>();
        for (String line : a.split("\n")) {
            count.merge(line.strip(), 1, Integer::sum);
        }
        for (String line : b.split("\n")) {
            count.merge(line.strip(), -1, Integer::sum);
        }
        List<String> out = new ArrayList<>();
        for (String line : a.split("\n")) {
            String l = line.strip();
            if (count.getOrDefault(l, 0) > 0) {
                out.add("A only: " + l);
                count.merge(l, -1, Integer::sum);
            }
        }
        for (String line : b.split("\n")) {
            String l = line.strip();
            if (count.getOrDefault(l, 0) < 0) {
                out.add("B only: " + l);
                count.merge(l, 1, Integer::sum);
            }
        }
        return out;
    }
}
