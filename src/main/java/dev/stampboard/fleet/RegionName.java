package dev.stampboard.fleet;

/**
 * An Azure region, e.g. {@code eastus}, by name: a type of its own so a core signature cannot take one name for another.
 * Whether it exists is the fleet's to say; this only refuses a blank name.
 */
public record RegionName(String value) {

    public RegionName {
        if (value.isBlank()) {
            throw new IllegalArgumentException("A region name must not be blank");
        }
    }

    public static RegionName of(String value) {
        return new RegionName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
