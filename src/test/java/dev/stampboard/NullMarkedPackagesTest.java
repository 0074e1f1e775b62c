package dev.stampboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** NullAway only checks @NullMarked code, so a package without the annotation would silently escape it. */
class NullMarkedPackagesTest {

    private static final Path MAIN = Path.of("src/main/java/dev/stampboard");

    @Test
    void every_main_package_is_null_marked() throws IOException {
        List<String> unmarked;
        try (Stream<Path> dirs = Files.walk(MAIN)) {
            unmarked = dirs.filter(Files::isDirectory)
                    .filter(NullMarkedPackagesTest::holdsJava)
                    .filter(dir -> !isNullMarked(dir.resolve("package-info.java")))
                    .map(dir -> MAIN.relativize(dir).toString())
                    .toList();
        }
        assertThat(unmarked)
                .as("packages without @NullMarked in their package-info.java")
                .isEmpty();
    }

    private static boolean holdsJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isNullMarked(Path packageInfo) {
        try {
            return Files.exists(packageInfo) && Files.readString(packageInfo).contains("NullMarked");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
