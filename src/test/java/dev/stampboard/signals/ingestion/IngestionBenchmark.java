package dev.stampboard.signals.ingestion;

import dev.stampboard.StampboardApplication;
import dev.stampboard.base.Actor;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.StampDeclaration;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestTemplate;

/**
 * Issue 13's speed figures, not a test: one minute of 2,000 stamps (80 nodes each: 160,000 node samples;
 * 25 registries each: 50,000 traffic rows) through the HTTP API in one call per endpoint, with time and
 * heap; then the Prometheus scrape time at that size. The console runs in this JVM (simulator off, H2 file
 * database in a temporary folder). Run:
 * {@code ./mvnw -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.stampboard.signals.ingestion.IngestionBenchmark}
 * or from the IDE; {@code -Dstamps=N} for another size.
 */
public final class IngestionBenchmark {

    public static void main(String[] args) throws Exception {
        int stamps = Integer.getInteger("stamps", 2000);
        Path dir = Files.createTempDirectory("stampboard-bench");
        ConfigurableApplicationContext ctx = new SpringApplication(StampboardApplication.class)
                .run(
                        "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=FALSE",
                        "--server.port=0",
                        "--stampboard.simulator.enabled=false",
                        "--stampboard.cutover.executor-enabled=false",
                        "--logging.level.root=WARN",
                        "--vaadin.productionMode=false");
        try {
            FleetService fleet = ctx.getBean(FleetService.class);
            String port = ctx.getEnvironment().getProperty("local.server.port");
            RestTemplate rest = new RestTemplateBuilder()
                    .rootUri("http://localhost:" + port)
                    .basicAuthentication("collector", "collector-pw")
                    .build();
            System.out.printf(
                    "%d stamps; max heap %d MB, %d processors%n",
                    stamps,
                    Runtime.getRuntime().maxMemory() >> 20,
                    Runtime.getRuntime().availableProcessors());
            long t0 = System.nanoTime();
            for (int s = 0; s < stamps; s++) {
                fleet.declareStamp(
                        stampName(s),
                        new StampDeclaration(
                                "benchland",
                                null,
                                null,
                                List.of(
                                        new StampDeclaration.PoolDeclaration(PoolKind.REGISTRY, nodes("rg", 40), null),
                                        new StampDeclaration.PoolDeclaration(
                                                PoolKind.DATAPROXY, nodes("dp", 40), null)),
                                List.of()),
                        Actor.system("bench"));
                if ((s + 1) % 500 == 0) {
                    System.out.printf("  %d stamps declared after %.1f s%n", s + 1, (System.nanoTime() - t0) / 1e9);
                }
            }
            double stampSeconds = (System.nanoTime() - t0) / 1e9;
            // registries through the batch PUT, as a collector declaring a whole fleet would: 60 stamps (1,500
            // registries, ~190 KB: under the 256 KB body limit) a call
            long t1 = System.nanoTime();
            int calls = 0;
            for (int from = 0; from < stamps; from += 60) {
                List<Map<String, Object>> batch = new ArrayList<>();
                for (int s = from; s < Math.min(stamps, from + 60); s++) {
                    for (int r = 0; r < 25; r++) {
                        batch.add(Map.of(
                                "name",
                                registryName(s, r),
                                "customer",
                                "bench-customer",
                                "replicas",
                                List.of(Map.of("region", "benchland", "homeStamp", stampName(s)))));
                    }
                }
                HttpHeaders json = new HttpHeaders();
                json.setContentType(MediaType.APPLICATION_JSON);
                rest.exchange(
                        "/api/v1/registries",
                        HttpMethod.PUT,
                        new HttpEntity<>(Map.of("registries", batch), json),
                        Map.class);
                calls++;
            }
            double registrySeconds = (System.nanoTime() - t1) / 1e9;
            System.out.printf(
                    "declared %d stamps in %.1f s (%.1f ms each, one call per stamp) and %d registries in %.1f s"
                            + " (%d batch calls, %.2f ms per registry)%n",
                    stamps,
                    stampSeconds,
                    stampSeconds * 1000 / stamps,
                    stamps * 25,
                    registrySeconds,
                    calls,
                    registrySeconds * 1000 / (stamps * 25));
            Thread.sleep(1500); // let the metrics' pool rows catch up with the declarations

            String minute = Instant.ofEpochSecond(Instant.now().getEpochSecond() / 60 * 60 - 60)
                    .toString();
            StringBuilder cpu = new StringBuilder(stamps * 80 * 90).append("{\"samples\":[");
            StringBuilder traffic = new StringBuilder(stamps * 25 * 200).append("{\"rows\":[");
            for (int s = 0; s < stamps; s++) {
                for (int n = 0; n < 80; n++) {
                    String pool = n < 40 ? "REGISTRY" : "DATAPROXY";
                    String node = (n < 40 ? "rg-" : "dp-") + String.format("%03d", n % 40);
                    cpu.append(s + n == 0 ? "" : ",")
                            .append("{\"stamp\":\"")
                            .append(stampName(s))
                            .append("\",\"pool\":\"")
                            .append(pool)
                            .append("\",\"node\":\"")
                            .append(node)
                            .append("\",\"minute\":\"")
                            .append(minute)
                            .append("\",\"cpu\":")
                            .append((s * 7 + n * 13) % 90 + 5)
                            .append('}');
                }
                for (int r = 0; r < 25; r++) {
                    traffic.append(s + r == 0 ? "" : ",")
                            .append("{\"registry\":\"")
                            .append(registryName(s, r))
                            .append("\",\"region\":\"benchland\",\"stamp\":\"")
                            .append(stampName(s))
                            .append("\",\"minute\":\"")
                            .append(minute)
                            .append("\",\"requests\":")
                            .append(1000 + r)
                            .append(",\"bytes\":")
                            .append(100_000L * (r + 1))
                            .append(",\"throttled\":1,\"errors\":0,\"p99Ms\":")
                            .append(80 + r)
                            .append('}');
                }
            }
            cpu.append("]}");
            traffic.append("]}");
            RestTemplate viewer = new RestTemplateBuilder()
                    .rootUri("http://localhost:" + port)
                    .basicAuthentication("dave", "dave-pw")
                    .build();

            post(rest, "/api/v1/telemetry/node-cpu", cpu.toString(), stamps * 80);
            post(rest, "/api/v1/telemetry/registry-traffic", traffic.toString(), stamps * 25);

            for (int i = 0; i < 6; i++) {
                long s0 = System.nanoTime();
                String body = viewer.getForObject("/actuator/prometheus", String.class);
                long lines = body.lines()
                        .filter(l -> l.startsWith("stampboard_hot_node_p95_percent{"))
                        .count();
                System.out.printf(
                        "prometheus scrape %d: %.0f ms, %d kB, %d hot-node P95 series%n",
                        i, (System.nanoTime() - s0) / 1e6, body.length() / 1024, lines);
            }
        } finally {
            ctx.close();
        }
    }

    private static void post(RestTemplate rest, String path, String body, int rows) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        System.gc();
        resetPeaks();
        long heapBefore = usedHeap();
        long t0 = System.nanoTime();
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = rest.postForObject(path, new HttpEntity<>(body, headers), Map.class);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                "%s: %d rows (%d MB JSON) in %.2f s (%.0f rows/s), accepted %s, rejected %d; heap used before %d MB, peak"
                        + " %d MB; process %s%n",
                path,
                rows,
                body.length() >> 20,
                seconds,
                rows / seconds,
                answer.get("accepted"),
                ((List<?>) answer.get("rejected")).size(),
                heapBefore >> 20,
                peakHeap() >> 20,
                rss());
    }

    /** Resident set size now and its peak since the process started (Linux), e.g. "RSS 1.9 GB (peak 2.3 GB)". */
    private static String rss() {
        try {
            Map<String, Long> kb = new java.util.HashMap<>();
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                String[] parts = line.split("\\s+");
                if (parts.length >= 2 && (parts[0].equals("VmRSS:") || parts[0].equals("VmHWM:"))) {
                    kb.put(parts[0], Long.parseLong(parts[1]));
                }
            }
            return String.format("RSS %d MB (peak %d MB)", kb.get("VmRSS:") >> 10, kb.get("VmHWM:") >> 10);
        } catch (java.io.IOException | RuntimeException e) {
            return "RSS not readable here";
        }
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Sum of the heap pools' peaks since the reset: an upper bound of what the call needed at once. */
    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
    }

    private static String stampName(int s) {
        return String.format("bench-s%04d", s);
    }

    private static String registryName(int s, int r) {
        return String.format("bench-s%04d-r%02d.example.io", s, r);
    }

    private static List<String> nodes(String prefix, int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(String.format("%s-%03d", prefix, i));
        }
        return names;
    }
}
