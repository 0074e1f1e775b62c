package dev.stampboard.signals.engine;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.RegionName;
import dev.stampboard.fleet.RegistryName;
import dev.stampboard.fleet.StampName;
import dev.stampboard.support.MainClasses;
import org.junit.jupiter.api.Test;

class EngineDependenciesTest {

    private final JavaClasses engine = MainClasses.in("dev.stampboard.signals.engine");

    /** Besides the JDK: the fleet's plain value types (records without framework types), and nothing else of it. */
    @Test
    void engine_depends_only_on_the_jdk_pool_kind_and_fleet_names() {
        classes()
                .that()
                .resideInAPackage("dev.stampboard.signals.engine")
                .and()
                .doNotHaveSimpleName("package-info") // carries only Modulith's NamedInterface marker
                .should()
                .onlyDependOnClassesThat(resideInAnyPackage("java..", "dev.stampboard.signals.engine")
                        .or(type(PoolKind.class))
                        .or(type(StampName.class))
                        .or(type(RegistryName.class))
                        .or(type(RegionName.class)))
                .check(engine);
    }
}
