package dev.stampboard.fleet;

/**
 * A registry (a customer's endpoint), e.g. {@code nova-charts.azurecr.io}, by name: a type of its own so a core signature cannot take one name for another.
 * Whether it exists is the fleet's to say; this only refuses a blank name.
 */
public record RegistryName(String value) {

    public RegistryName {
        if (value.isBlank()) {
            throw new IllegalArgumentException("A registry name must not be blank");
        }
    }

    public static RegistryName of(String value) {
        return new RegistryName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
