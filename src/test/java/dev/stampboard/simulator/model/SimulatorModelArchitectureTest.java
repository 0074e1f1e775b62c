package dev.stampboard.simulator.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class SimulatorModelArchitectureTest {

    @Test
    void the_model_depends_only_on_the_jdk_and_the_fleet_enums() {
        JavaClasses model = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.stampboard.simulator.model");
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.jspecify..", "dev.stampboard.fleet..", "dev.stampboard.simulator.model..")
                .check(model);
    }
}
