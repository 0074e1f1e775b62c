package dev.stampboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.stampboard.support.MainClasses;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

    private static final JavaClasses CLASSES = MainClasses.all();

    @Test
    void modules_respect_their_boundaries() {
        ApplicationModules.of(StampboardApplication.class).verify();
    }

    @Test
    void engines_are_plain_java() {
        noClasses()
                .that()
                .resideInAnyPackage("..signals.engine..", "..simulator.model..", "..planning.engine..")
                .and()
                .doNotHaveSimpleName("package-info")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "com.vaadin..", "com.azure..", "jakarta..")
                .because("the engines are pure functions of their inputs, testable without a container")
                .check(CLASSES);
    }

    @Test
    void views_never_touch_repositories() {
        noClasses()
                .that()
                .resideInAPackage("..ui..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(org.springframework.data.repository.Repository.class)
                .orShould()
                .dependOnClassesThat()
                .haveSimpleNameEndingWith("Store")
                .check(CLASSES);
    }

    @Test
    void only_the_azure_module_knows_azure() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.stampboard.azure..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.azure..", "com.microsoft.azure..")
                .because(
                        "Azure sits behind the ports it implements (Routing, StampProvisioner, PoolCapacity, telemetry ingestion)")
                .check(CLASSES);
    }
}
