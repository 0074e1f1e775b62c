package dev.stampboard.persistence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How often an H2 file database cannot be reopened, or has lost an acknowledged commit, after {@code kill -9}: a
 * failure rate per configuration (H2 jar + URL options), measured rather than argued.
 *
 * <p>A child JVM opens the file with the given options, checks what the previous child acknowledged, then runs a
 * workload shaped like the console's: four threads of small transactions (an audit insert, a plan update, a pruning
 * delete of the thread's old audit rows) and one thread on a big table (batch inserts of 400 samples and range deletes
 * of the samples older than a retention window, as the console's sample pruning does). Each commit that returns is
 * acknowledged on stdout. The parent kills the child with SIGKILL at a random moment, and the next child, started on
 * the same file as a restarted console would be, must open it and find every acknowledged commit. Consecutive kills on
 * one file matter: the MVStore recovers to the last complete chunk, and the chunks it writes next reuse space and
 * chunk ids of the crashed run. A file found corrupted is counted and replaced by a fresh one (the measurement goes
 * on; the product never does that).
 *
 * <p>Sequential on purpose (one child at a time): the machine is shared. Run, after {@code ./mvnw -o test-compile}:
 *
 * <pre>
 * java -cp target/test-classes dev.stampboard.persistence.H2KillNineReproducer \
 *   KILLS H2_JAR 'URL_OPTIONS' [H2_JAR 'URL_OPTIONS' ...]
 * e.g. 100 ~/.m2/repository/com/h2database/h2/2.3.232/h2-2.3.232.jar ';AUTO_SERVER=FALSE;WRITE_DELAY=0'
 * </pre>
 *
 * The H2 jar is not on this class's class path: each child gets the jar of its configuration, so versions compare on
 * the same workload. {@code -Dkill.min-ms} / {@code -Dkill.max-ms} bound the random moment (default 50 to 6000 ms
 * after the child's check), {@code -Dkill.seed} makes the moments repeatable.
 */
public final class H2KillNineReproducer {

    private static final int SMALL_THREADS = 4;
    private static final int BATCH = 400;
    /** Sample "minutes" kept; older ones are deleted in one range delete, as retention pruning does. */
    private static final int RETAINED_MINUTES = 60;

    private H2KillNineReproducer() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(args[1], args[2], Arrays.copyOfRange(args, 3, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("check")) {
            checkAndClose(args[1], Arrays.copyOfRange(args, 2, args.length));
            return;
        }
        if (args.length < 3 || args.length % 2 != 1) {
            System.err.println("usage: KILLS H2_JAR URL_OPTIONS [H2_JAR URL_OPTIONS ...]");
            System.exit(2);
        }
        int kills = Integer.parseInt(args[0]);
        List<String> results = new ArrayList<>();
        for (int i = 1; i < args.length; i += 2) {
            results.add(new Run(Path.of(args[i]), args[i + 1], kills).measure());
        }
        System.out.println("== summary ==");
        results.forEach(System.out::println);
    }

    /** What the parent saw acknowledged before the kill: the child after it must find all of it. */
    private static final class Acknowledged {
        final long[] smallSeq = new long[SMALL_THREADS];
        long sampleMinute = -1;

        String[] asArgs() {
            String[] a = new String[SMALL_THREADS + 1];
            for (int t = 0; t < SMALL_THREADS; t++) {
                a[t] = Long.toString(smallSeq[t]);
            }
            a[SMALL_THREADS] = Long.toString(sampleMinute);
            return a;
        }

        void record(String line) {
            String[] p = line.split(" ");
            if (p[0].equals("ACK")) {
                int t = Integer.parseInt(p[1]);
                smallSeq[t] = Math.max(smallSeq[t], Long.parseLong(p[2]));
            } else if (p[0].equals("SAMPLES")) {
                sampleMinute = Math.max(sampleMinute, Long.parseLong(p[1]));
            }
        }
    }

    private static final class Run {
        private final Path h2Jar;
        private final String options;
        private final int kills;
        private final Random random = new Random(Long.getLong("kill.seed", System.nanoTime()));
        private final long minMs = Long.getLong("kill.min-ms", 50);
        private final long maxMs = Long.getLong("kill.max-ms", 6000);

        Run(Path h2Jar, String options, int kills) {
            this.h2Jar = h2Jar;
            this.options = options;
            this.kills = kills;
        }

        String measure() throws Exception {
            Path dir = Files.createTempDirectory("h2-kill-nine");
            Path db = dir.resolve("db");
            Acknowledged acked = new Acknowledged();
            int corrupt = 0;
            int lost = 0;
            int files = 1;
            long commits = 0;
            long maxFileBytes = 0;
            long began = System.nanoTime();
            List<String> failures = new ArrayList<>();
            for (int k = 1; k <= kills; k++) {
                String cleanCheck = k % 2 == 0 && size(db) > 0 ? cleanCheck(db, acked) : null;
                Process child = new ProcessBuilder(command(db, acked))
                        .redirectErrorStream(true)
                        .start();
                long killAt = 0;
                String verdict = null;
                AtomicBoolean ended = new AtomicBoolean();
                BufferedReader out =
                        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                // the reader thread keeps the acknowledgements while the main thread decides when to kill
                List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
                Thread reader = new Thread(() -> {
                    try {
                        for (String line; (line = out.readLine()) != null; ) {
                            lines.add(line);
                        }
                    } catch (IOException ignored) {
                        // the child is gone
                    }
                    ended.set(true);
                });
                reader.start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                int seen = 0;
                while (System.nanoTime() < deadline) {
                    List<String> copy;
                    synchronized (lines) {
                        copy = new ArrayList<>(lines.subList(seen, lines.size()));
                    }
                    seen += copy.size();
                    for (String line : copy) {
                        if (line.startsWith("CHECK ") || line.startsWith("CORRUPT ")) {
                            verdict = line;
                            killAt = System.nanoTime()
                                    + TimeUnit.MILLISECONDS.toNanos(
                                            minMs + (long) (random.nextDouble() * (maxMs - minMs)));
                        }
                    }
                    if (verdict != null && !verdict.startsWith("CHECK OK")) {
                        break;
                    }
                    if (killAt != 0 && System.nanoTime() >= killAt) {
                        break;
                    }
                    if (ended.get() && seen == lines.size()) {
                        break;
                    }
                    Thread.sleep(5);
                }
                child.destroyForcibly().waitFor(); // SIGKILL
                reader.join();
                if (verdict == null) {
                    verdict = "CORRUPT child ended without a check: " + String.join(" | ", lines);
                }
                if (cleanCheck != null && !cleanCheck.startsWith("CHECK OK")) {
                    verdict = cleanCheck + " (separate check)";
                }
                if (verdict.startsWith("CHECK OK")) {
                    for (String line : lines) {
                        acked.record(line);
                        if (line.startsWith("ACK ") || line.startsWith("SAMPLES ")) {
                            commits++;
                        }
                    }
                } else {
                    if (verdict.startsWith("CORRUPT")) {
                        corrupt++;
                    } else {
                        lost++;
                    }
                    failures.add("kill " + (k - 1) + " -> " + abbreviate(verdict));
                    System.out.println("  FAILURE after kill " + (k - 1) + ": " + abbreviate(verdict));
                    // measure on: a fresh file, the corrupted one kept for a look
                    db = dir.resolve("db" + ++files);
                    acked = new Acknowledged();
                }
                maxFileBytes = Math.max(maxFileBytes, size(db));
                if (k % 10 == 0) {
                    System.out.printf(
                            "  %s %s: %d kills, %d failures, file %.1f MB%n",
                            h2Jar.getFileName(), options, k, corrupt + lost, size(db) / 1e6);
                }
            }
            // the first start is on a fresh file, so kills - 1 kills were followed by a reopen and a check
            int checked = kills - 1;
            if (failures.isEmpty()) {
                try (var paths = Files.walk(dir)) {
                    paths.sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            } else {
                failures.add("files kept in " + dir);
            }
            return String.format(
                    "%-16s %-60s failures %d/%d (cannot open %d, lost ack %d), commits %d, max file %.1f MB, %d s%s",
                    h2Jar.getFileName(),
                    options,
                    corrupt + lost,
                    checked,
                    corrupt,
                    lost,
                    commits,
                    maxFileBytes / 1e6,
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began),
                    failures.isEmpty() ? "" : "\n    " + String.join("\n    ", failures));
        }

        /**
         * Every second kill is checked as the kill-9 test does: another JVM opens the crashed file, reads, and closes
         * it (a clean close, which compacts for up to MAX_COMPACT_TIME) before the next worker starts on it. The other
         * kills are reopened directly by the next worker, as a restarted console would.
         */
        private String cleanCheck(Path db, Acknowledged acked) throws Exception {
            List<String> cmd = command(db, acked);
            int mode = cmd.indexOf("child");
            cmd.set(mode, "check");
            cmd.remove(mode + 2); // no seed
            Process check = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            check.waitFor();
            return out.lines()
                    .filter(l -> l.startsWith("CHECK ") || l.startsWith("CORRUPT "))
                    .findFirst()
                    .orElse("CORRUPT check ended without a verdict: " + out.replace('\n', ' '));
        }

        private static long size(Path db) throws IOException {
            Path file = db.resolveSibling(db.getFileName() + ".mv.db");
            return Files.exists(file) ? Files.size(file) : 0;
        }

        private List<String> command(Path db, Acknowledged acked) {
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m",
                    "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC",
                    "-cp",
                    System.getProperty("java.class.path") + java.io.File.pathSeparator + h2Jar,
                    H2KillNineReproducer.class.getName(),
                    "child",
                    "jdbc:h2:file:" + db + options,
                    Long.toString(random.nextLong())));
            cmd.addAll(List.of(acked.asArgs()));
            return cmd;
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }

    // ---- the child: check, then work until killed ----

    private static void child(String url, String seed, String[] acked) throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, "UTF-8");
        Connection first;
        try {
            first = DriverManager.getConnection(url, "sa", "");
        } catch (SQLException e) {
            out.println("CORRUPT " + oneLine(e));
            return;
        }
        try {
            createTables(first);
            String problem = check(first, acked);
            if (problem != null) {
                out.println("CHECK LOST " + problem);
                return;
            }
            long count = single(first, "select count(*) from sample");
            out.println("CHECK OK samples=" + count);
        } catch (SQLException e) {
            // opened, but a table or row cannot be read: what was acknowledged is not all there
            out.println("CHECK LOST " + oneLine(e));
            return;
        }
        Random random = new Random(Long.parseLong(seed));
        long[] startSeq = new long[SMALL_THREADS];
        for (int t = 0; t < SMALL_THREADS; t++) {
            // a commit may have been made but not acknowledged before the kill: continue after it
            startSeq[t] = Long.parseLong(acked[t]) + 2;
        }
        long startMinute = Long.parseLong(acked[SMALL_THREADS]) + 2;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < SMALL_THREADS; t++) {
            int thread = t;
            long seed0 = random.nextLong();
            workers.add(new Thread(() -> smallCommits(url, thread, startSeq[thread], new Random(seed0), out)));
        }
        workers.add(new Thread(() -> samples(url, startMinute, out)));
        workers.forEach(Thread::start);
        for (Thread w : workers) {
            w.join(); // until killed
        }
    }

    /**
     * Three opens and clean closes in a row, as the kill-9 test's reads do (one connection per query, so the database
     * opens, recovers, and closes with its compaction each time).
     */
    private static void checkAndClose(String url, String[] acked) {
        for (int round = 0; round < 3; round++) {
            try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                String problem = check(c, acked);
                if (problem != null) {
                    System.out.println("CHECK LOST " + problem);
                    return;
                }
            } catch (SQLException e) {
                System.out.println("CORRUPT " + oneLine(e));
                return;
            }
        }
        System.out.println("CHECK OK");
    }

    private static String oneLine(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = e; c != null; c = c.getCause()) {
            b.append(c.getClass().getSimpleName())
                    .append(": ")
                    .append(c.getMessage())
                    .append(" / ");
        }
        return b.toString().replace('\n', ' ');
    }

    private static void createTables(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create table if not exists plan (id int primary key, status varchar(20), version bigint)");
            s.execute("create table if not exists audit_event (id bigint generated by default as identity primary key,"
                    + " action varchar(40), subject varchar(40), thread int, seq bigint, detail varchar(400))");
            s.execute("create index if not exists audit_event_subject on audit_event (subject)");
            s.execute("create table if not exists sample (id bigint generated by default as identity primary key,"
                    + " stamp varchar(20), sample_minute bigint, metric varchar(30), val double, note varchar(120))");
            s.execute("create index if not exists sample_minute on sample (sample_minute)");
            for (int t = 0; t < SMALL_THREADS; t++) {
                s.execute("insert into plan select " + t
                        + ", 'DRAFT', 0 where not exists (select 1 from plan where id = " + t + ")");
            }
        }
    }

    /** Null when every acknowledged commit is there, else what is missing. */
    private static String check(Connection c, String[] acked) throws SQLException {
        for (int t = 0; t < SMALL_THREADS; t++) {
            long seq = Long.parseLong(acked[t]);
            if (seq == 0) {
                continue;
            }
            long version = single(c, "select version from plan where id = " + t);
            if (version < seq) {
                return "plan " + t + " at version " + version + ", acknowledged " + seq;
            }
            if (single(c, "select count(*) from audit_event where subject = 't" + t + "-" + seq + "'") != 1) {
                return "audit entry t" + t + "-" + seq + " missing";
            }
        }
        long minute = Long.parseLong(acked[SMALL_THREADS]);
        if (minute >= 0) {
            long n = single(c, "select count(*) from sample where sample_minute = " + minute);
            if (n != BATCH) {
                return "sample minute " + minute + " has " + n + " rows, acknowledged " + BATCH;
            }
        }
        return null;
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void smallCommits(String url, int thread, long fromSeq, Random random, PrintStream out) {
        String[] statuses = {"SUBMITTED", "APPROVED", "RUNNING", "PAUSED", "COMPLETED"};
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.setAutoCommit(false);
            try (PreparedStatement audit = c.prepareStatement(
                            "insert into audit_event (action, subject, thread, seq, detail) values (?, ?, ?, ?, ?)");
                    PreparedStatement plan =
                            c.prepareStatement("update plan set status = ?, version = ? where id = ?");
                    PreparedStatement prune =
                            c.prepareStatement("delete from audit_event where thread = ? and seq < ?")) {
                for (long seq = fromSeq; ; seq++) {
                    audit.setString(1, "PLAN_" + statuses[(int) (seq % statuses.length)]);
                    audit.setString(2, "t" + thread + "-" + seq);
                    audit.setInt(3, thread);
                    audit.setLong(4, seq);
                    audit.setString(5, "x".repeat(40 + random.nextInt(300)));
                    audit.executeUpdate();
                    plan.setString(1, statuses[(int) (seq % statuses.length)]);
                    plan.setLong(2, seq);
                    plan.setInt(3, thread);
                    plan.executeUpdate();
                    // half the threads keep their audit rows (append-only, long-lived pages, as the console's audit
                    // log); the other half prune theirs, so pages die and chunks are freed and rewritten
                    if (thread % 2 == 1 && seq % 50 == 0) {
                        prune.setInt(1, thread);
                        prune.setLong(2, seq - 200);
                        prune.executeUpdate();
                    }
                    c.commit();
                    out.println("ACK " + thread + " " + seq);
                    Thread.sleep(2 + random.nextInt(20)); // the console's commits come from requests, not a tight loop
                }
            }
        } catch (Exception e) {
            out.println("ERROR " + oneLine(e));
        }
    }

    private static void samples(String url, long fromMinute, PrintStream out) {
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(
                            "insert into sample (stamp, sample_minute, metric, val, note) values (?, ?, ?, ?, ?)");
                    PreparedStatement prune = c.prepareStatement("delete from sample where sample_minute < ?")) {
                // a start begins with a burst, as the console's back-fill of the minutes it was down: big commits
                // back to back, then one batch per simulated minute
                long burstUntil = fromMinute + 15;
                for (long minute = fromMinute; ; minute++) {
                    for (int i = 0; i < BATCH; i++) {
                        insert.setString(1, "eus-s" + (i % 40));
                        insert.setLong(2, minute);
                        insert.setString(3, i % 2 == 0 ? "pull_qps" : "p99_latency_ms");
                        insert.setDouble(4, minute * 0.5 + i);
                        insert.setString(5, "sample " + minute + "/" + i);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    c.commit();
                    out.println("SAMPLES " + minute);
                    if (minute > burstUntil) {
                        Thread.sleep(50); // a simulated minute's samples arrive in one batch
                    }
                    if (minute % 5 == 0) {
                        prune.setLong(1, minute - RETAINED_MINUTES);
                        prune.executeUpdate();
                        c.commit();
                    }
                }
            }
        } catch (Exception e) {
            out.println("ERROR " + oneLine(e));
        }
    }
}
