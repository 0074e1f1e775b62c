package dev.stampboard.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stampboard.support.ChildConsole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Issue 18's figures: the lag from a sample accepted by one console instance to its hot-node P95 on the other, at 2,000
 * stamps × one minute of samples (40 registry + 40 dataproxy nodes each: 160,000 samples), and the database load of
 * following (queries per second per instance, idle and while ingesting).
 *
 * <p>Two console JVMs on one PostgreSQL (schema {@code follow_bench}), simulator off. The 2,000 stamps are declared
 * through A, then one minute of samples is ingested through A, 20 stamps (3,200 samples) per request. A reader polls
 * B's {@code GET /api/v1/stamps?region=} (every stamp's P95 in one answer) and notes when each stamp's P95 first
 * appears; a stamp's lag is that moment minus when A answered the request that carried its samples. The reader's own
 * period (one answer of 2,000 stamps) bounds the resolution; it is printed.
 *
 * <pre>
 * STAMPBOARD_TEST_PG_URL=jdbc:postgresql://localhost:5432/… java -cp $CP dev.stampboard.persistence.FollowLagBenchmark
 * </pre>
 */
public final class FollowLagBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SCHEMA = "follow_bench";
    private static final String REGION = "benchland";
    private static final int STAMPS = Integer.getInteger("stamps", 2000);
    private static final int NODES = 40;
    private static final int STAMPS_PER_REQUEST = 20;
    /** Each user's API token, once created (Basic before). */
    private static final Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    private FollowLagBenchmark() {}

    public static void main(String[] args) throws Exception {
        String url = System.getenv("STAMPBOARD_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("set STAMPBOARD_TEST_PG_URL (bash .ci/postgres.sh prints one)");
        }
        JdbcClient db = JdbcClient.create(new DriverManagerDataSource(url, "stampboard", "stampboard"));
        db.sql("drop schema if exists " + SCHEMA + " cascade").update();
        List<ChildConsole> processes = new ArrayList<>();
        try {
            processes.add(start("a", url));
            processes.add(start("b", url));
            Instant readyBy = Instant.now().plus(Duration.ofMinutes(10));
            int portA = processes.get(0).awaitReady(readyBy).port();
            int portB = processes.get(1).awaitReady(readyBy).port();
            System.out.println("both consoles ready");
            // collectors and dashboards use API tokens: HTTP Basic checks the password hash on every request
            // (~0.5 s of CPU under load), which made declaring 2,000 stamps take half an hour
            for (String user : List.of("collector", "dave")) {
                TOKENS.put(
                        user,
                        JSON.readTree(send(
                                        portA,
                                        "POST",
                                        "/api/v1/tokens",
                                        user,
                                        JSON.writeValueAsString(Map.of("name", "follow-bench", "days", 1))))
                                .get("secret")
                                .asText());
            }

            long declareStarted = System.nanoTime();
            // four collectors at once (the inventory is loaded once; following it is what is measured)
            java.util.concurrent.ExecutorService declarers = java.util.concurrent.Executors.newFixedThreadPool(4);
            java.util.concurrent.atomic.AtomicInteger declared = new java.util.concurrent.atomic.AtomicInteger();
            List<java.util.concurrent.Future<?>> declaring = new ArrayList<>();
            String body = JSON.writeValueAsString(stampBody());
            // the first alone: it creates the region (two first stamps of a new region at once: one is a 500)
            send(portA, "PUT", "/api/v1/stamps/" + stamp(0), "collector", body);
            declared.incrementAndGet();
            for (int s = 1; s < STAMPS; s++) {
                int stamp = s;
                declaring.add(declarers.submit(() -> {
                    send(portA, "PUT", "/api/v1/stamps/" + stamp(stamp), "collector", body);
                    int n = declared.incrementAndGet();
                    if (n % 250 == 0) {
                        System.out.printf(
                                "  %d stamps declared after %d s%n",
                                n, (System.nanoTime() - declareStarted) / 1_000_000_000);
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : declaring) {
                f.get();
            }
            declarers.shutdown();
            System.out.printf(
                    "declared %d stamps through A in %d s%n",
                    STAMPS, (System.nanoTime() - declareStarted) / 1_000_000_000);
            long known = System.nanoTime();
            while (JSON.readTree(send(portB, "GET", "/api/v1/stamps?region=" + REGION, "dave", null))
                            .size()
                    < STAMPS) {
                Thread.sleep(200);
            }
            System.out.printf("B knew all of them %d ms later%n", (System.nanoTime() - known) / 1_000_000);
            Thread.sleep(3_000); // B's engine declares the followed stamps on its next poll

            double idleB = queriesPerSecond(portB, Duration.ofSeconds(20));
            double idleA = queriesPerSecond(portA, Duration.ofSeconds(5));
            System.out.printf("following, idle: A %.1f queries/s, B %.1f queries/s%n", idleA, idleB);

            // one minute of samples through A; B's P95s watched by a reader thread
            long minute = Instant.now().getEpochSecond() / 60 - 1;
            long[] acceptedAt = new long[STAMPS];
            long[] seenAt = new long[STAMPS];
            Arrays.fill(acceptedAt, Long.MAX_VALUE);
            List<Long> readerPeriods = new ArrayList<>();
            double queriesBefore = gauge(portB, "stampboard_follow_queries_total");
            long ingestStarted = System.nanoTime();
            Thread reader = new Thread(() -> watch(portB, seenAt, readerPeriods));
            reader.start();
            for (int first = 0; first < STAMPS; first += STAMPS_PER_REQUEST) {
                List<Map<String, Object>> samples = new ArrayList<>();
                for (int s = first; s < Math.min(STAMPS, first + STAMPS_PER_REQUEST); s++) {
                    for (String pool : List.of("REGISTRY", "DATAPROXY")) {
                        for (int n = 0; n < NODES; n++) {
                            samples.add(Map.of(
                                    "stamp", stamp(s),
                                    "pool", pool,
                                    "node", node(pool, n),
                                    "minute", Instant.ofEpochSecond(minute * 60).toString(),
                                    "cpu", 20.0 + (s * 7 + n) % 60));
                        }
                    }
                }
                JsonNode answer = JSON.readTree(send(
                        portA,
                        "POST",
                        "/api/v1/telemetry/node-cpu",
                        "collector",
                        JSON.writeValueAsString(Map.of("samples", samples))));
                long at = System.nanoTime();
                if (answer.path("accepted").asInt() != samples.size()) {
                    throw new IllegalStateException("A refused samples: " + answer);
                }
                for (int s = first; s < Math.min(STAMPS, first + STAMPS_PER_REQUEST); s++) {
                    acceptedAt[s] = at;
                }
            }
            long ingestEnded = System.nanoTime();
            reader.join(120_000);
            double queriesAfter = gauge(portB, "stampboard_follow_queries_total");
            double seconds = (System.nanoTime() - ingestStarted) / 1e9;

            long[] lags = new long[STAMPS];
            int seen = 0;
            for (int s = 0; s < STAMPS; s++) {
                if (seenAt[s] != 0) {
                    lags[seen++] = Math.max(0, seenAt[s] - acceptedAt[s]);
                }
            }
            long[] sorted = Arrays.copyOf(lags, seen);
            Arrays.sort(sorted);
            System.out.printf(
                    "ingested %d samples through A in %.1f s (%.0f samples/s)%n",
                    STAMPS * 2L * NODES,
                    (ingestEnded - ingestStarted) / 1e9,
                    STAMPS * 2.0 * NODES / ((ingestEnded - ingestStarted) / 1e9));
            System.out.printf(
                    "lag accepted on A -> P95 on B, %d of %d stamps: median %d ms, p99 %d ms, max %d ms"
                            + " (reader period median %d ms)%n",
                    seen,
                    STAMPS,
                    sorted[seen / 2] / 1_000_000,
                    sorted[(int) Math.ceil(0.99 * seen) - 1] / 1_000_000,
                    sorted[seen - 1] / 1_000_000,
                    median(readerPeriods) / 1_000_000);
            // the lag over the burst: a steady growth means B's tail falls behind, a jump means a stall
            long[] worst = new long[(int) ((ingestEnded - ingestStarted) / 2_000_000_000L) + 1];
            for (int s = 0; s < STAMPS; s++) {
                if (seenAt[s] != 0 && acceptedAt[s] != Long.MAX_VALUE) {
                    int bucket = (int) ((acceptedAt[s] - ingestStarted) / 2_000_000_000L);
                    worst[Math.min(bucket, worst.length - 1)] =
                            Math.max(worst[Math.min(bucket, worst.length - 1)], seenAt[s] - acceptedAt[s]);
                }
            }
            StringBuilder timeline = new StringBuilder("worst lag per 2 s of acceptance (ms):");
            for (long w : worst) {
                timeline.append(' ').append(w / 1_000_000);
            }
            System.out.println(timeline);
            System.out.printf(
                    "following while ingesting: B %.1f queries/s over %.0f s%n",
                    (queriesAfter - queriesBefore) / seconds, seconds);
            // the Prometheus page at this many pools (every pool's P95 and state), as a scraper reads it
            for (int scrape = 1; scrape <= 3; scrape++) {
                long began = System.nanoTime();
                long cpuBefore = cpuNanos(processes.get(1));
                String page = send(portB, "GET", "/actuator/prometheus", "dave", null);
                System.out.printf(
                        "Prometheus page on B, scrape %d: %d ms, %d ms of B's CPU, %d lines, %d kB%n",
                        scrape,
                        (System.nanoTime() - began) / 1_000_000,
                        (cpuNanos(processes.get(1)) - cpuBefore) / 1_000_000,
                        page.lines().count(),
                        page.length() / 1024);
            }
        } finally {
            processes.forEach(ChildConsole::close);
        }
    }

    /** Polls B's stamp list until every stamp shows a P95, noting when each first did. */
    private static void watch(int port, long[] seenAt, List<Long> periods) {
        Map<String, Integer> index = new HashMap<>();
        for (int s = 0; s < STAMPS; s++) {
            index.put(stamp(s), s);
        }
        int missing = STAMPS;
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (missing > 0 && System.nanoTime() < deadline) {
            long began = System.nanoTime();
            try {
                JsonNode stamps = JSON.readTree(send(port, "GET", "/api/v1/stamps?region=" + REGION, "dave", null));
                long at = System.nanoTime();
                for (JsonNode stamp : stamps) {
                    Integer s = index.get(stamp.get("name").asText());
                    boolean hasP95 = false;
                    for (JsonNode pool : stamp.get("pools")) {
                        hasP95 |= pool.hasNonNull("hotNodeP95");
                    }
                    if (s != null && hasP95 && seenAt[s] == 0) {
                        seenAt[s] = at;
                        missing--;
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            periods.add(System.nanoTime() - began);
        }
    }

    /** A console's CPU time so far (user + system), from the operating system. */
    private static long cpuNanos(ChildConsole console) {
        return console.process()
                .toHandle()
                .info()
                .totalCpuDuration()
                .map(Duration::toNanos)
                .orElse(0L);
    }

    private static double queriesPerSecond(int port, Duration over) throws Exception {
        double before = gauge(port, "stampboard_follow_queries_total");
        Thread.sleep(over.toMillis());
        return (gauge(port, "stampboard_follow_queries_total") - before) / over.toSeconds();
    }

    /** A counter's value from the metrics endpoint ({@code stampboard_follow_queries_total} → stampboard.follow.queries). */
    private static double gauge(int port, String metric) throws Exception {
        String name = metric.replaceAll("_total$", "").replace('_', '.');
        JsonNode m = JSON.readTree(send(port, "GET", "/actuator/metrics/" + name, "dave", null));
        return m.path("measurements").get(0).path("value").asDouble();
    }

    private static long median(List<Long> values) {
        long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return v.length == 0 ? 0 : v[v.length / 2];
    }

    private static String stamp(int s) {
        return String.format("bench-s%04d", s);
    }

    private static String node(String pool, int n) {
        return (pool.equals("REGISTRY") ? "rg-" : "dp-") + String.format("%03d", n);
    }

    private static Map<String, Object> stampBody() {
        List<String> rg = new ArrayList<>();
        List<String> dp = new ArrayList<>();
        for (int n = 0; n < NODES; n++) {
            rg.add(node("REGISTRY", n));
            dp.add(node("DATAPROXY", n));
        }
        return Map.of(
                "region",
                REGION,
                "pools",
                List.of(Map.of("pool", "REGISTRY", "nodes", rg), Map.of("pool", "DATAPROXY", "nodes", dp)));
    }

    private static ChildConsole start(String name, String url) throws Exception {
        return ChildConsole.named(name)
                .heap("1g")
                .log(Path.of("target", "follow-bench", name + ".log"))
                .property("spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA)
                .property("spring.datasource.username", "stampboard")
                .property("spring.datasource.password", "stampboard")
                .property("spring.flyway.schemas", SCHEMA)
                .property("spring.flyway.default-schema", SCHEMA)
                .property("stampboard.simulator.enabled", false)
                .property("stampboard.metrics.anonymous", true)
                .property("logging.level.dev.stampboard.signals.ingestion.TelemetryFollower", "debug")
                // one meter at a time: at 2,000 stamps the whole Prometheus page (every pool's gauges) took longer than
                // the reader's timeout
                .property("management.endpoints.web.exposure.include", "health,prometheus,metrics")
                .start();
    }

    private static String send(int port, String method, String path, String user, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(120))
                .header(
                        "Authorization",
                        TOKENS.containsKey(user) && path.startsWith("/api/")
                                ? "Bearer " + TOKENS.get(user)
                                : "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(
                                                        (user + ":" + user + "-pw").getBytes(StandardCharsets.UTF_8)))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> res = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + res.statusCode() + ": " + res.body());
        }
        return res.body();
    }
}
