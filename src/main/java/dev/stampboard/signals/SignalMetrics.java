package dev.stampboard.signals;

import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.StampDeclared;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.fleet.StampsFollowed;
import dev.stampboard.signals.engine.PoolState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Every pool's signals for Prometheus, read from the engine at scrape time:
 * {@code stampboard_hot_node_p95_percent{region,stamp,pool}} (NaN while a pool has no data) and
 * {@code stampboard_pool_state{region,stamp,pool}} (0 no data, 1 OK, 2 WARN, 3 HOT), so an existing
 * Alertmanager can alert near the 45 % threshold.
 */
@Component
class SignalMetrics {

    private final SignalsService signals;
    private final FleetService fleet;
    private final MultiGauge p95;
    private final MultiGauge state;
    private volatile boolean stale;

    SignalMetrics(SignalsService signals, FleetService fleet, MeterRegistry registry) {
        this.signals = signals;
        this.fleet = fleet;
        this.p95 = MultiGauge.builder("stampboard.hot.node.p95")
                .baseUnit("percent")
                .description("Hot-node P95 of the pool over its peak window (DESIGN §2)")
                .register(registry);
        this.state = MultiGauge.builder("stampboard.pool.state")
                .description("Pool state: 0 no data, 1 OK, 2 WARN, 3 HOT")
                .register(registry);
        refreshPools();
    }

    /**
     * The set of pools changes with the inventory; the values are read live at each scrape. A fleet declared
     * stamp by stamp (2,000 at start-up) would rebuild the rows once per stamp, so a declaration only marks
     * them stale and they are rebuilt at most once a second.
     */
    @TransactionalEventListener(fallbackExecution = true)
    public void onStampDeclared(StampDeclared event) {
        stale = true;
    }

    /** Stamps another console instance declared or changed (see {@link #onStampDeclared}). */
    @EventListener
    public void onStampsFollowed(StampsFollowed event) {
        stale = true;
    }

    @Scheduled(fixedDelay = 1000)
    void refreshIfStale() {
        if (stale) {
            stale = false;
            refreshPools();
        }
    }

    @Scheduled(fixedDelayString = "${stampboard.metrics.pool-refresh:PT1M}")
    void refreshPools() {
        List<MultiGauge.Row<?>> p95Rows = new ArrayList<>();
        List<MultiGauge.Row<?>> stateRows = new ArrayList<>();
        for (StampInfo stamp : fleet.stamps()) {
            for (PoolKind pool : PoolKind.values()) {
                if (stamp.pool(pool).isEmpty()) {
                    continue;
                }
                Tags tags = Tags.of("region", stamp.region(), "stamp", stamp.name(), "pool", pool.name());
                String name = stamp.name();
                p95Rows.add(MultiGauge.Row.of(tags, () -> {
                    OptionalDouble v = signals.hotNodeP95(name, pool);
                    return v.isPresent() ? v.getAsDouble() : Double.NaN;
                }));
                stateRows.add(MultiGauge.Row.of(tags, () -> code(signals.poolState(name, pool))));
            }
        }
        p95.register(p95Rows, true);
        state.register(stateRows, true);
    }

    static int code(PoolState state) {
        return switch (state) {
            case NO_DATA -> 0;
            case OK -> 1;
            case WARN -> 2;
            case HOT -> 3;
        };
    }
}
