package dev.stampboard.browser;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a browser test class cost in CPU, printed when it ends and appended to {@code target/browser-cpu.txt}: the
 * user + system seconds of this JVM's Chromium processes (browser, zygotes, renderers, GPU and utility processes,
 * with the children they have reaped), of Playwright's node driver, and of this JVM itself, while the class ran, and
 * the load average at its end. Linux only ({@code /proc}); elsewhere it records nothing. Only a figure to read: no
 * test asserts on it.
 */
final class ChromiumCpu implements BeforeAllCallback, AfterAllCallback {

    /** Linux's USER_HZ: the unit of /proc/PID/stat's times on every architecture the build runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private static final Path RECORD = Path.of("target", "browser-cpu.txt");

    record Sample(double chromium, double node, double jvm, long nanos) {}

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(ExtensionContext.Namespace.create(ChromiumCpu.class)).put(Sample.class, sample());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Sample before = context.getStore(ExtensionContext.Namespace.create(ChromiumCpu.class))
                .remove(Sample.class, Sample.class);
        if (before == null || !Files.isDirectory(Path.of("/proc/self"))) {
            return;
        }
        Sample after = settledSample();
        String line = String.format(
                Locale.ROOT,
                "%s chromium %.1f CPU-s, node %.1f, JVM %.1f, wall %.1f s, load %.1f%n",
                context.getRequiredTestClass().getSimpleName(),
                after.chromium() - before.chromium(),
                after.node() - before.node(),
                after.jvm() - before.jvm(),
                (after.nanos() - before.nanos()) / 1e9,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.print(line);
        try {
            Files.createDirectories(RECORD.getParent());
            Files.writeString(RECORD, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // a figure to read, not a result: a test never fails for want of it
        }
    }

    /**
     * A sample once Chromium's figure has stopped moving (at most about a second): a renderer whose page has just
     * closed has left the process list but is not yet reaped into its zygote's children's time, so for a moment its
     * CPU is missing from a sample. CPU time only grows otherwise, so the largest sample is the right one.
     */
    static Sample settledSample() {
        Sample best = sample();
        for (int i = 0; i < 4; i++) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return best;
            }
            Sample next = sample();
            boolean still = Math.abs(next.chromium() - best.chromium()) < 0.02;
            if (next.chromium() >= best.chromium()) {
                best = next;
            }
            if (still) {
                break;
            }
        }
        return best;
    }

    /** This JVM's descendants' CPU by kind, and the JVM's own, now. */
    static Sample sample() {
        double[] sums = new double[2];
        ProcessHandle.current().descendants().forEach(p -> {
            String command = p.info().command().orElse("");
            int kind = command.endsWith("/chromium") || command.endsWith("/chrome")
                    ? 0
                    : command.endsWith("/node") ? 1 : -1;
            if (kind >= 0) {
                sums[kind] += ticks(p.pid()) / TICKS_PER_SECOND;
            }
        });
        double jvm = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1e9
                : 0;
        return new Sample(sums[0], sums[1], jvm, System.nanoTime());
    }

    /** utime + stime + cutime + cstime of a process: its own CPU and that of the children it has reaped. */
    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) is in parentheses and may hold spaces: count fields after its ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state); utime, stime, cutime, cstime are fields 14–17
            return Long.parseLong(fields[11])
                    + Long.parseLong(fields[12])
                    + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14]);
        } catch (IOException | RuntimeException gone) {
            return 0; // ended between the listing and the read: its parent has or will have its time
        }
    }
}
