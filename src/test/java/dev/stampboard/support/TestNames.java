package dev.stampboard.support;

import java.util.Locale;

/**
 * Names of one test class's own fleet in the shared context: its region, stamps, registries and customer, all
 * carrying a prefix made from the class's simple name ({@code CapacityViewTest} → {@code capacityview}), so no two
 * classes declare the same stamp or change the settings of the same region (three CI failures came from tests that
 * did). {@link SharedContextNamesTest} checks the rule on the sources: outside the seed's names, a stamp or region
 * name appears in one shared-context test class only.
 *
 * <pre>{@code
 * private static final TestNames NAMES = TestNames.of(MyViewTest.class);
 * fleet.declareStamp(NAMES.stamp(1), new StampDeclaration(NAMES.region(), …), Actor.SYSTEM);
 * }</pre>
 */
public final class TestNames {

    /** A stamp or region name is at most 63 characters ({@code FleetService}'s rule); the prefix leaves room. */
    static final int MAX_PREFIX = 40;

    private final String prefix;

    private TestNames(String prefix) {
        this.prefix = prefix;
    }

    /** The names of {@code test}: its simple name without a trailing {@code Test}, lower case, letters and digits. */
    public static TestNames of(Class<?> test) {
        return new TestNames(prefixOf(test.getSimpleName()));
    }

    static String prefixOf(String simpleName) {
        String base = simpleName.endsWith("Test") ? simpleName.substring(0, simpleName.length() - 4) : simpleName;
        String p = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (p.isEmpty()) {
            throw new IllegalArgumentException("no name prefix in " + simpleName);
        }
        return p.length() > MAX_PREFIX ? p.substring(0, MAX_PREFIX) : p;
    }

    public String prefix() {
        return prefix;
    }

    /** The class's own region: {@code <prefix>-land}. */
    public String region() {
        return prefix + "-land";
    }

    /** Its n-th stamp: {@code <prefix>-s01}, {@code <prefix>-s02}, … */
    public String stamp(int n) {
        return String.format(Locale.ROOT, "%s-s%02d", prefix, n);
    }

    /** A registry host name: {@code <name>.<prefix>.example.io}. */
    public String registry(String name) {
        return name + "." + prefix + ".example.io";
    }

    /** A customer id: {@code <prefix>-<name>}. */
    public String customer(String name) {
        return prefix + "-" + name;
    }
}
