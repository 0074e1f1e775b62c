package dev.stampboard.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stampboard.StampboardApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Sequential API calls signed in with HTTP Basic (a BCrypt per call) against the same calls with an
 * API token (a SHA-256 and an indexed lookup). Starts the demo console in-process on an in-memory
 * database; prints p50/p95 per call. Run its main method (test classpath).
 */
public final class ApiLatencyBenchmark {

    private ApiLatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        try (ConfigurableApplicationContext console = new SpringApplication(StampboardApplication.class)
                .run(
                        "--spring.datasource.url=jdbc:h2:mem:latency;DB_CLOSE_DELAY=-1",
                        "--server.port=0",
                        "--logging.level.root=WARN",
                        "--stampboard.simulator.speed=0",
                        "--vaadin.productionMode=false",
                        "--stampboard.cutover.executor-enabled=false")) {
            String base = "http://localhost:" + console.getEnvironment().getProperty("local.server.port");
            HttpClient http = HttpClient.newHttpClient();
            String basic =
                    "Basic " + Base64.getEncoder().encodeToString("dave:dave-pw".getBytes(StandardCharsets.UTF_8));
            String created = http.send(
                            HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
                                    .header("Authorization", basic)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"benchmark\",\"days\":1}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            String bearer = "Bearer "
                    + new ObjectMapper().readTree(created).get("secret").asText();
            for (int round = 0; round < 2; round++) { // the first round warms up
                for (String[] auth : new String[][] {{"HTTP Basic", basic}, {"API token", bearer}}) {
                    double[] ms = new double[calls];
                    for (int i = 0; i < calls; i++) {
                        long t0 = System.nanoTime();
                        HttpResponse<String> res = http.send(
                                HttpRequest.newBuilder(URI.create(base + "/api/v1/regions"))
                                        .header("Authorization", auth[1])
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        ms[i] = (System.nanoTime() - t0) / 1e6;
                        if (res.statusCode() != 200) {
                            throw new IllegalStateException(auth[0] + " answered " + res.statusCode());
                        }
                    }
                    Arrays.sort(ms);
                    if (round == 1) {
                        System.out.printf(
                                "%-10s %d sequential GET /api/v1/regions: p50 %.1f ms, p95 %.1f ms%n",
                                auth[0], calls, ms[calls / 2], ms[(int) (calls * 0.95)]);
                    }
                }
            }
        }
    }
}
