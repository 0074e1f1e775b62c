package dev.stampboard.capacity.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class CapacityEngineArchitectureTest {

    @Test
    void the_capacity_engine_is_plain_java() {
        noClasses()
                .that()
                .resideInAPackage("dev.stampboard.capacity.engine..")
                .and()
                .doNotHaveSimpleName("package-info")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "com.vaadin..", "com.azure..", "jakarta..")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.stampboard.capacity.engine"));
    }
}
