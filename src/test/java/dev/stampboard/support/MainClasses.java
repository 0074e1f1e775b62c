package dev.stampboard.support;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The main classes as ArchUnit sees them, imported once per JVM for every architecture test. An import of
 * {@code dev.stampboard} costs 3–5 CPU-s (ArchUnit also reads the library classes they extend and annotate with);
 * when each architecture test class imported for itself, a unit fork paid that up to four times. A rule about one
 * package checks {@link #in(String)}, a slice of the same import.
 */
public final class MainClasses {

    private static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.stampboard");

    private MainClasses() {}

    /** Every main class of the application. */
    public static JavaClasses all() {
        return ALL;
    }

    /** The main classes in {@code packageName} and its sub-packages. */
    public static JavaClasses in(String packageName) {
        return ALL.that(JavaClass.Predicates.resideInAPackage(packageName + ".."));
    }
}
