package dev.stampboard.capacity.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import dev.stampboard.support.MainClasses;
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
                .check(MainClasses.in("dev.stampboard.capacity.engine"));
    }
}
