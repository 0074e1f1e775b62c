package dev.stampboard.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.simulator.model.ScenarioRegion;
import dev.stampboard.simulator.model.ScenarioStamp;
import dev.stampboard.simulator.model.Scenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shared context's naming rule ({@link TestNames}), checked on the test sources: outside the seed's stamps and
 * regions, a stamp name or a declared/queried region appears in one shared-context test class only (a class extending
 * {@code SpringTest}, {@code KaribuTest} or {@code BrowserTest} that is not a scenario test). Two classes on one
 * region share its settings and its stamp list; two on one stamp share its telemetry.
 */
class SharedContextNamesTest {

    private static final Path SOURCES = Path.of("src", "test", "java");

    /** Region names tests use because no test declares them (the "unknown region" answers). */
    private static final Set<String> NEVER_DECLARED = Set.of("atlantis");

    private static final Pattern SHARED = Pattern.compile("extends (SpringTest|KaribuTest|BrowserTest)\\b");
    private static final Pattern SCENARIO = Pattern.compile("@(dev\\.stampboard\\.)?ScenarioTest\\b");
    private static final Pattern STAMP = Pattern.compile("\"([a-z0-9]+(?:-[a-z0-9]+)*-s\\d{2,})\"");
    private static final List<Pattern> REGION = List.of(
            Pattern.compile("\"region\",\\s*\"([a-z0-9-]+)\""),
            Pattern.compile("[?&]region=([a-z0-9-]+)"),
            Pattern.compile("\"([a-z0-9-]+land)\""));

    @Test
    void stamps_and_regions_outside_the_seed_belong_to_one_shared_context_test_class() throws IOException {
        Set<String> seed = new TreeSet<>();
        Scenarios.seed().stamps().stream().map(ScenarioStamp::name).forEach(seed::add);
        Scenarios.seed().regions().stream().map(ScenarioRegion::name).forEach(seed::add);
        seed.addAll(NEVER_DECLARED);

        Map<String, Set<String>> users = new TreeMap<>();
        List<Path> classes = sharedContextTests();
        assertThat(classes)
                .as("shared-context test classes found under " + SOURCES)
                .hasSizeGreaterThan(20);
        for (Path file : classes) {
            String source = Files.readString(file);
            String name = file.getFileName().toString().replace(".java", "");
            List<Pattern> patterns = new ArrayList<>(REGION);
            patterns.add(STAMP);
            for (Pattern p : patterns) {
                Matcher m = p.matcher(source);
                while (m.find()) {
                    if (!seed.contains(m.group(1))) {
                        users.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(name);
                    }
                }
            }
        }
        Map<String, Set<String>> shared = users.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        assertThat(shared)
                .as("names used by more than one shared-context test class (give each its own: TestNames.of(…))")
                .isEmpty();
    }

    @Test
    void every_test_class_has_a_prefix_of_its_own() throws IOException {
        Map<String, Set<String>> byPrefix = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith("Test.java")).forEach(f -> {
                String simple = f.getFileName().toString().replace(".java", "");
                byPrefix.computeIfAbsent(TestNames.prefixOf(simple), k -> new TreeSet<>())
                        .add(SOURCES.relativize(f).toString());
            });
        }
        assertThat(byPrefix.entrySet().stream().filter(e -> e.getValue().size() > 1))
                .as("test classes whose TestNames prefix is the same (rename one)")
                .isEmpty();
    }

    @Test
    void names_follow_the_rule() {
        TestNames names = TestNames.of(SharedContextNamesTest.class);
        assertThat(names.prefix()).isEqualTo("sharedcontextnames");
        assertThat(names.region()).isEqualTo("sharedcontextnames-land");
        assertThat(names.stamp(3)).isEqualTo("sharedcontextnames-s03");
        assertThat(names.registry("big")).isEqualTo("big.sharedcontextnames.example.io");
        assertThat(names.customer("acme")).isEqualTo("sharedcontextnames-acme");
        assertThat(TestNames.prefixOf("A".repeat(60) + "Test")).hasSize(TestNames.MAX_PREFIX);
    }

    private static List<Path> sharedContextTests() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> {
                        try {
                            String s = Files.readString(f);
                            return SHARED.matcher(s).find()
                                    && !SCENARIO.matcher(s).find();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .sorted()
                    .toList();
        }
    }
}
