package dev.stampboard.capacity;

import dev.stampboard.fleet.PoolKind;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code stampboard.capacity.*}: how much headroom a recommended size keeps, the smallest pool, the scale-out horizon,
 * the forecast's history and horizon, the largest fraction of a pool's nodes one scale-in gives back, and node prices per hour by region and pool kind ({@code node-prices.default}
 * for every region without its own). Spring binds an unset {@code node-prices} as null; the constructor puts an empty
 * map in its place, so {@link #nodePrices()} is never null.
 */
@ConfigurationProperties("stampboard.capacity")
record CapacityProperties(
        @DefaultValue("5") double headroomPp,
        @DefaultValue("2") int floorNodes,
        @DefaultValue("14") int scaleOutWithinDays,
        @DefaultValue("28") int forecastDays,
        @DefaultValue("42") int historyDays,
        @DefaultValue("0.9") double confidence,
        @DefaultValue("0.5") double maxScaleInStep,
        @DefaultValue("USD") String currency,
        Map<String, Map<String, Double>> nodePrices) {

    /** Hours in an average month (8,760 / 12). */
    static final double HOURS_PER_MONTH = 730;

    static final Map<String, Double> DEFAULT_PRICES = Map.of("registry", 0.384, "dataproxy", 0.768);

    CapacityProperties {
        if (headroomPp < 0 || floorNodes < 1 || scaleOutWithinDays < 1 || forecastDays < 1 || historyDays < 1) {
            throw new IllegalArgumentException(
                    "stampboard.capacity: headroom-pp >= 0, floor-nodes, scale-out-within-days,"
                            + " forecast-days and history-days >= 1");
        }
        if (!(maxScaleInStep > 0 && maxScaleInStep < 1)) {
            throw new IllegalArgumentException("stampboard.capacity.max-scale-in-step must be between 0 and 1");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("stampboard.capacity.confidence must be between 0 and 1");
        }
        nodePrices = nodePrices == null ? Map.of() : Map.copyOf(nodePrices);
    }

    /** Price of one node-hour of a pool kind in a region. */
    double hourlyPrice(String region, PoolKind pool) {
        String kind = pool.name().toLowerCase(Locale.ROOT);
        Map<String, Double> regional = nodePrices.get(region);
        Double price = regional == null ? null : regional.get(kind);
        if (price == null) {
            price = nodePrices.getOrDefault("default", DEFAULT_PRICES).get(kind);
        }
        if (price == null) {
            price = DEFAULT_PRICES.get(kind);
        }
        if (price == null) {
            throw new IllegalStateException("stampboard.capacity.node-prices: no price for pool kind " + kind);
        }
        return price;
    }

    double monthlyPrice(String region, PoolKind pool) {
        return hourlyPrice(region, pool) * HOURS_PER_MONTH;
    }
}
