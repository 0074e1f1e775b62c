package dev.stampboard.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The class path of a {@link ChildConsole}: the test JVM's, without {@code target/test-classes}. A console's component
 * scan of {@code dev.stampboard} and Vaadin's scans of it read every class file under that package on the class path,
 * and with the test classes there each start read the suite's test classes too and found its test configurations.
 * The test resources' profile files ({@code application-test.yml}) come along in a directory of their own. When the
 * child's main is itself a test class ({@link HookedConsole}, {@code AzureEndToEndTest.Console},
 * {@code TestIdentityProvider}, …), a directory of its own holds a copy of that class and of the test classes it
 * names, transitively (a class file names every class it uses in its constant pool), and nothing else.
 *
 * <p>The default of {@link ChildConsole} since session 17 ({@link ChildConsole.Builder#withTestClasses} puts them
 * back): measured at 0.5-1.2 CPU-s less per start in session 10.
 */
final class ChildClassPath {

    /** A class of this project named in a class file's constant pool (class entries, descriptors, signatures). */
    private static final Pattern PROJECT_CLASS = Pattern.compile("dev/stampboard/[A-Za-z0-9_$/]+");

    private static final Map<String, String> BY_MAIN = new ConcurrentHashMap<>();

    private ChildClassPath() {}

    /** The class path for a child whose main is {@code mainClass} (computed once per main in this JVM). */
    static String of(String mainClass) {
        return BY_MAIN.computeIfAbsent(mainClass, ChildClassPath::compute);
    }

    private static String compute(String mainClass) {
        Path testClasses = testClasses();
        List<String> entries = new ArrayList<>();
        Path main = testClasses.resolve(mainClass.replace('.', '/') + ".class");
        if (Files.isRegularFile(main)) {
            entries.add(copyOfWhatItUses(testClasses, mainClass).toString());
        }
        entries.add(copyOfProfileFiles(testClasses).toString());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty() && !Path.of(entry).toAbsolutePath().normalize().equals(testClasses)) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * A directory with a copy of the test resources' {@code application-*.yml}: a console started with
     * {@code spring.profiles.active=test} reads {@code application-test.yml} (the clock paused, as in the shared
     * context) although the test classes are not on its class path.
     */
    private static Path copyOfProfileFiles(Path testClasses) {
        Path into = testClasses
                .getParent()
                .resolve("child-consoles")
                .resolve("resources-" + ProcessHandle.current().pid());
        try (var files = Files.list(testClasses)) {
            Files.createDirectories(into);
            for (Path file : files.filter(f -> f.getFileName().toString().matches("application-.*\\.ya?ml"))
                    .toList()) {
                Files.copy(file, into.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return into;
    }

    /** {@code target/test-classes}: where this class was loaded from. */
    static Path testClasses() {
        try {
            return Path.of(ChildClassPath.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toAbsolutePath()
                    .normalize();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Copies the main's class file and every test class it names, transitively, into a directory of this JVM and
     * main ({@code target/child-consoles/classes-<pid>/<main>}); returns that directory.
     */
    private static Path copyOfWhatItUses(Path testClasses, String mainClass) {
        Path into = testClasses
                .getParent()
                .resolve("child-consoles")
                .resolve("classes-" + ProcessHandle.current().pid())
                .resolve(mainClass);
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(mainClass.replace('.', '/')));
        try {
            while (!todo.isEmpty()) {
                String name = todo.pop();
                Path file = testClasses.resolve(name + ".class");
                if (!seen.add(name) || !Files.isRegularFile(file)) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(file);
                Path copy = into.resolve(name + ".class");
                Files.createDirectories(copy.getParent());
                Files.write(copy, bytes);
                Matcher named = PROJECT_CLASS.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
                while (named.find()) {
                    todo.push(named.group());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return into;
    }
}
