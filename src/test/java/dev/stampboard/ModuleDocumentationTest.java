package dev.stampboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Writes the module documentation (Spring Modulith's {@link Documenter}: a C4 component diagram of all
 * modules and one diagram per module, as PlantUML) under {@code target/spring-modulith-docs}. No module
 * canvases: they embed Javadoc that Modulith reads from its annotation processor's output, which the build does not
 * write (the main compile's processor path holds only Error Prone, the test compile runs no processor). The copy in
 * {@code docs/modules} is that output, committed; refresh it after a module's API or dependencies change:
 * {@code cp target/spring-modulith-docs/*.puml docs/modules/}.
 */
class ModuleDocumentationTest {

    private static final Path OUTPUT = Path.of("target", "spring-modulith-docs");

    @Test
    void writes_the_module_documentation() throws IOException {
        ApplicationModules modules = ApplicationModules.of(StampboardApplication.class);
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(OUTPUT.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();

        try (Stream<Path> files = Files.list(OUTPUT)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .contains("components.puml")
                    .contains("module-planning.puml", "module-isolation.puml", "module-cutover.puml");
        }
        assertThat(Files.readString(OUTPUT.resolve("components.puml")))
                .as("the overview names the modules it drew")
                .contains("Planning")
                .contains("Cutover");
    }
}
