package dev.stampboard.simulator.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.stampboard.support.MainClasses;
import org.junit.jupiter.api.Test;

class SimulatorModelArchitectureTest {

    @Test
    void the_model_depends_only_on_the_jdk_and_the_fleet_enums() {
        JavaClasses model = MainClasses.in("dev.stampboard.simulator.model");
        // package-info may carry module metadata (Modulith's @NamedInterface lets the score module train on the model)
        classes()
                .that()
                .doNotHaveSimpleName("package-info")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..", "org.jspecify..", "dev.stampboard.fleet..", "dev.stampboard.simulator.model..")
                .check(model);
    }

    /** DESIGN §12: the planner predicts with its own model and learns from outcomes, never from the world's physics. */
    @Test
    void the_planner_and_calibration_never_see_the_worlds_physics() {
        JavaClasses app = MainClasses.all();
        noClasses()
                .that()
                .resideInAnyPackage("dev.stampboard.planning..", "dev.stampboard.calibration..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.stampboard.simulator..")
                .check(app);
    }
}
