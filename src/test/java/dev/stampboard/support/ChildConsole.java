package dev.stampboard.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A console started as a child JVM of the test, as an operator starts it: {@code java -cp … StampboardApplication
 * --key=value …} on a free port, its output appended to a log file under {@code target/} that a failed run can be read
 * from. For tests that need what an in-process context cannot give: a {@code kill -9} (no shutdown hook, nothing
 * flushed), two instances on one database, a process that is really gone.
 *
 * <pre>{@code
 * try (ChildConsole a = ChildConsole.named("a").property("stampboard.simulator.enabled", "false").start()) {
 *     a.awaitReady(Instant.now().plus(Duration.ofMinutes(4)));
 *     a.send("GET", "/api/v1/stamps", "dave", null);
 *     a.killNine();
 * }
 * }</pre>
 *
 * The JVM starts small and fast ({@code -XX:TieredStopAtLevel=1}, serial GC, no bytecode verification of class-path
 * classes: {@code -XX:-BytecodeVerificationRemote}, which JDK 17 accepts only after
 * {@code -XX:+UnlockDiagnosticVMOptions}). Verification guards against malformed class files, which javac and the
 * libraries' builds do not produce; the test JVMs, which load the same classes, still verify them, so a class that
 * fails verification still fails the suite. The class path is the test JVM's without {@code target/test-classes}
 * ({@link ChildClassPath}): a console's scans then read only the application's classes. Properties given here come
 * after the defaults ({@code vaadin.productionMode=false}, {@code logging.level.root=WARN}) and so win. The
 * environment is the test JVM's (surefire/failsafe set {@code STAMPBOARD_SCORE_INITIALTRAINING=false}).
 */
public final class ChildConsole implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /**
     * How long a start may take: about 20 s on a quiet 2-core machine, but several minutes when the machine is loaded
     * and other child consoles start at the same time (load 25: over 5 min).
     */
    public static final Duration START_BUDGET = Duration.ofMinutes(10);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final String readinessPath;
    private final boolean readinessSignedIn;
    /** The process's CPU time when last looked at (it cannot be read once the process has been reaped). */
    private volatile Duration lastCpu = Duration.ZERO;

    private ChildConsole(
            String name, int port, Process process, Path log, String readinessPath, boolean readinessSignedIn) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.readinessPath = readinessPath;
        this.readinessSignedIn = readinessSignedIn;
    }

    /** A console to start; {@code name} names its log ({@code target/child-consoles/<name>.log} unless given). */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** What to start: heap, properties, log file and the path that answers 200 once the console is ready. */
    public static final class Builder {
        private final String name;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private String heap = "768m";
        private Path log;
        private String readinessPath = "/actuator/health/readiness";
        private boolean readinessSignedIn = true;
        private String mainClass = "dev.stampboard.StampboardApplication";
        private int port;
        private final List<String> jvmOptions = new ArrayList<>();
        private boolean testClassesOnClassPath = false;

        private Builder(String name) {
            this.name = name;
            this.log = Path.of("target", "child-consoles", name + ".log");
        }

        /** The child's maximum heap ({@code -Xmx}), e.g. {@code "640m"}. */
        public Builder heap(String heap) {
            this.heap = heap;
            return this;
        }

        /** A Spring property, passed as {@code --key=value}. */
        public Builder property(String key, Object value) {
            properties.put(key, String.valueOf(value));
            return this;
        }

        public Builder properties(Map<String, ?> more) {
            more.forEach(this::property);
            return this;
        }

        /** Where the child's output goes (appended: consoles started one after another on a file share it). */
        public Builder log(Path log) {
            this.log = log;
            return this;
        }

        /** A GET that answers 200 (asked as dave) once the console can serve what the test does next. */
        public Builder readiness(String path) {
            this.readinessPath = path;
            return this;
        }

        /**
         * The readiness GET without credentials: for a console with no demo user (a production profile), where
         * dave's rejected credentials would answer 401 even on an open path.
         */
        public Builder readinessAnonymous() {
            this.readinessSignedIn = false;
            return this;
        }

        /** The port to listen on, when the test must know it before the start (a free one unless given). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * The class whose {@code main} starts the console: {@code StampboardApplication} unless a test needs beans of
         * its own in the child (a main under {@code src/test} that adds them as sources, e.g. a transport that
         * trusts a local mock's certificate).
         */
        public Builder main(Class<?> mainClass) {
            this.mainClass = mainClass.getName();
            return this;
        }

        /** A JVM option before the class path, e.g. {@code -XX:StartFlightRecording=…} to profile a start. */
        public Builder jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        /**
         * The test JVM's whole class path, {@code target/test-classes} included: the default leaves the test classes
         * off ({@link ChildClassPath}); this is for measuring what that saves ({@code ConsoleStartCost}).
         */
        public Builder withTestClasses() {
            testClassesOnClassPath = true;
            return this;
        }

        /**
         * Starts the JVM and waits until it is ready, at most {@link #START_BUDGET}; a console that is not ready by
         * then (or dies) is killed before the failure is thrown, so a failed start leaves no process behind.
         */
        public ChildConsole startReady() throws IOException, InterruptedException {
            ChildConsole console = start();
            try {
                return console.awaitReady();
            } catch (AssertionError | InterruptedException | RuntimeException failed) {
                console.close();
                throw failed;
            }
        }

        /** Starts the JVM; it is not ready yet ({@link ChildConsole#awaitReady}). */
        public ChildConsole start() throws IOException {
            int port = this.port > 0 ? this.port : freePort();
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + heap,
                    "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC", // a short-lived JVM: start fast
                    // no bytecode verification of class-path classes (about 2 of a start's 26-32 CPU-s); the flag is
                    // diagnostic on JDK 17, so without the unlock before it the JVM refuses to start
                    "-XX:+UnlockDiagnosticVMOptions",
                    "-XX:-BytecodeVerificationRemote"));
            cmd.addAll(jvmOptions);
            cmd.addAll(List.of(
                    "-cp",
                    testClassesOnClassPath ? System.getProperty("java.class.path") : ChildClassPath.of(mainClass),
                    mainClass,
                    "--server.port=" + port,
                    "--vaadin.productionMode=false",
                    "--logging.level.root=WARN"));
            properties.forEach((k, v) -> cmd.add("--" + k + "=" + v));
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.writeString(
                    log,
                    "---- " + Instant.now() + " " + name + " on port " + port + "\n",
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            Process process = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new ChildConsole(name, port, process, log, readinessPath, readinessSignedIn);
        }
    }

    /** The ports {@link #freePort} has handed out in this JVM. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /**
     * A port nobody listens on now and that this JVM has not handed out before. The kernel may offer the port it just
     * offered again while the first console has not bound it yet: two consoles of {@code TwoConsolesOnPostgresTest}
     * got one port, the second failed to bind only after its whole start, and meanwhile its readiness check had been
     * answered by the first.
     */
    public static int freePort() throws IOException {
        while (true) {
            try (ServerSocket free = new ServerSocket(0)) {
                if (HANDED_OUT.add(free.getLocalPort())) {
                    return free.getLocalPort();
                }
            }
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public Process process() {
        return process;
    }

    public Path log() {
        return log;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Whether the readiness path answers 200 now. */
    public boolean ready() {
        try {
            return request("GET", readinessPath, readinessSignedIn ? basic("dave", "dave-pw") : null, null)
                            .statusCode()
                    == 200;
        } catch (IOException notListening) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits until the console is ready, at most {@link #START_BUDGET} from now. */
    public ChildConsole awaitReady() throws InterruptedException {
        return awaitReady(Instant.now().plus(START_BUDGET));
    }

    /** Waits until the console is ready; fails when it dies or {@code deadline} passes, naming its log. */
    public ChildConsole awaitReady(Instant deadline) throws InterruptedException {
        while (!ready()) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " died while starting (exit " + process.exitValue() + "); see " + log
                        + ":\n" + logTail(40));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(name + " was not ready by " + deadline + "; see " + log);
            }
            Thread.sleep(250);
        }
        return this;
    }

    /** A request as {@code user} (basic auth with the demo password {@code <user>-pw}); a JSON body when not null. */
    public HttpResponse<String> send(String method, String path, String user, String body)
            throws IOException, InterruptedException {
        return request(method, path, basic(user, user + "-pw"), body);
    }

    /** {@code GET path} as {@code user}, which must answer 200; its JSON body. */
    public JsonNode getJson(String path, String user) throws IOException, InterruptedException {
        HttpResponse<String> res = send("GET", path, user, null);
        assertThat(res.statusCode()).as(path + ": " + res.body()).isEqualTo(200);
        return JSON.readTree(res.body());
    }

    /**
     * {@code method path} as {@code user}, with {@code body} written as JSON when not null (a map, a record, a
     * {@link JsonNode}), which must answer 200 or 201; its JSON body. The failure names the console, the request and
     * the answer.
     */
    public JsonNode ok(String method, String path, String user, Object body) throws IOException, InterruptedException {
        HttpResponse<String> res = send(method, path, user, body == null ? null : JSON.writeValueAsString(body));
        assertThat(res.statusCode())
                .as(name + ": " + method + " " + path + ": " + res.body())
                .isBetween(200, 201);
        return JSON.readTree(res.body());
    }

    /** The {@code Authorization} header of HTTP Basic for {@code user} and {@code password}. */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The console's base URL, {@code http://localhost:<port>}. */
    public String url() {
        return "http://localhost:" + port;
    }

    /**
     * A request with the given {@code Authorization} header (none when null, e.g. {@link #basic} or {@code "Bearer
     * …"}); a JSON body when not null.
     */
    public HttpResponse<String> request(String method, String path, String authorization, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits for the process to end by itself (a start meant to fail); its exit code, or fails at {@code deadline}. */
    public int awaitExit(Instant deadline) throws InterruptedException {
        if (!waitSamplingCpu(deadline)) {
            throw new AssertionError(name + " had not ended by " + deadline + "; see " + log);
        }
        logCpu("ended by itself (exit " + process.exitValue() + ")");
        return process.exitValue();
    }

    /**
     * The CPU time (user + system, all threads) the process has used: now while it runs, else as last seen (by
     * {@link #stop}, {@link #awaitExit}, {@link #killNine} or {@link #close}, which also append it to the log as
     * {@code ---- <time> <name> <how>: CPU <s> s}). What one console start costs, for the suite's CPU budget.
     */
    public Duration cpu() {
        process.info().totalCpuDuration().ifPresent(cpu -> lastCpu = cpu);
        return lastCpu;
    }

    /** Waits for the process to end until {@code deadline}, looking at its CPU time every 100 ms; whether it ended. */
    private boolean waitSamplingCpu(Instant deadline) throws InterruptedException {
        while (true) {
            cpu();
            long millis = Duration.between(Instant.now(), deadline).toMillis();
            if (process.waitFor(Math.max(0, Math.min(100, millis)), TimeUnit.MILLISECONDS)) {
                return true;
            }
            if (millis <= 0) {
                return false;
            }
        }
    }

    /** Appends the CPU time as last seen to the log (best effort: a test never fails on it). */
    private void logCpu(String how) {
        try {
            Files.writeString(
                    log,
                    String.format(
                            java.util.Locale.ROOT,
                            "---- %s %s %s: CPU %.1f s%n",
                            Instant.now(),
                            name,
                            how,
                            lastCpu.toMillis() / 1000.0),
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the figure is for reading, not for the test
        }
    }

    /** SIGKILL: no shutdown hook, no database close, nothing flushed on the way out. Returns once it is gone. */
    public void killNine() throws InterruptedException {
        boolean wasAlive = process.isAlive();
        cpu();
        process.destroyForcibly().waitFor();
        if (wasAlive) {
            logCpu("killed (-9)");
        }
    }

    /** SIGTERM (Spring's graceful shutdown); SIGKILL when it has not ended within {@code grace}. */
    public void stop(Duration grace) throws InterruptedException {
        cpu();
        process.destroy();
        if (waitSamplingCpu(Instant.now().plus(grace))) {
            logCpu("stopped");
        } else {
            killNine();
        }
    }

    /** The last {@code lines} lines of the log (every console that shared the file). */
    public String logTail(int lines) {
        try {
            List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the process if it is still there (a test that failed half-way leaves no console behind). */
    @Override
    public void close() {
        if (process.isAlive()) {
            cpu();
            process.destroyForcibly();
            logCpu("killed at close");
        }
    }

    @Override
    public String toString() {
        return name + " (port " + port + ", pid " + process.pid() + ")";
    }
}
