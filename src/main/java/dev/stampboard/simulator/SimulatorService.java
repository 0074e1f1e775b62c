package dev.stampboard.simulator;

import dev.stampboard.base.Actor;
import dev.stampboard.base.ConflictException;
import dev.stampboard.base.DaemonScheduler;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;
import dev.stampboard.signals.EngineFollow;
import dev.stampboard.signals.SignalFeed;
import dev.stampboard.signals.ingestion.SimulatedTelemetryStore;
import dev.stampboard.simulator.model.FleetLayout;
import dev.stampboard.simulator.model.FleetTrafficModel;
import dev.stampboard.simulator.model.MinuteSnapshot;
import dev.stampboard.simulator.model.Scenario;
import dev.stampboard.simulator.model.Scenarios;
import dev.stampboard.simulator.model.StampLayout;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drives the simulated fleet: loads the seed scenario into an empty inventory, back-fills the
 * peak window, then produces one minute of telemetry per tick. Each minute is generated from the stored
 * histories of the inventory as they say it was in that minute (stamps, their status and nodes; each replica's home
 * stamp), so a cutover moves the load and a resize changes the pool from the minute after it was written, on every
 * console instance, back-filling or ticking. On a database several instances share, only the elected instance
 * generates, and stores each minute; the others follow the stored minutes ({@link SharedMinutes}).
 */
@Service
@ConditionalOnProperty(name = "stampboard.simulator.enabled", havingValue = "true", matchIfMissing = true)
public class SimulatorService {

    private static final Logger log = LoggerFactory.getLogger(SimulatorService.class);
    private static final Actor ACTOR = Actor.system("simulator");
    static final int MAX_ADVANCE_MINUTES = 14 * 1440;

    private final SimulatorProperties properties;
    private final SimulatedClock clock;
    private final FleetService fleet;
    private final SignalFeed signals;
    private final JdbcClient jdbc;
    private final Scenario scenario;
    private final FleetTrafficModel model;
    private final ScenarioLoader loader;
    private final SimulatedStampProvisioner provisioner;
    private final CurrentUser currentUser;
    private volatile boolean ready;
    /** Each replica's arrival at its home stamp, from the stored history: the same warm-up on every instance. */
    private final StoredArrivals arrivals;
    /** Each stamp's status and nodes in a minute, from the stored history: the same nodes on every instance. */
    private final StoredStamps stampStates;

    private @org.jspecify.annotations.Nullable ScheduledExecutorService ticker;
    private final org.springframework.beans.factory.ObjectProvider<dev.stampboard.base.SingleInstanceJobs> jobs;
    /** The lease under which the simulator's side effects run (see {@link #elected}). */
    static final String LEASE = "simulator";
    /** How long an instance that is not elected waits at start for the elected one to load the scenario. */
    private static final long AWAIT_FLEET_NANOS = 180_000_000_000L;
    /** How long an advance asked of an instance that is not elected waits without the stored minutes moving. */
    private static final long AWAIT_STORED_NANOS = 60_000_000_000L;

    /**
     * Whether the elected instance stores each minute and the others follow it (a database several instances share),
     * instead of every instance generating every minute itself (README "The simulator with several instances").
     */
    private final boolean shared;

    private final org.springframework.beans.factory.ObjectProvider<EngineFollow> follow;
    /** This instance's view of the shared minutes, for {@link SharedMinutes#catchUp}. */
    private final SharedMinutes.Instance sharedView;

    SimulatorService(
            SimulatorProperties properties,
            java.time.Clock clock,
            FleetService fleet,
            SignalFeed signals,
            JdbcClient jdbc,
            SimulatedStampProvisioner provisioner,
            CurrentUser currentUser,
            org.springframework.beans.factory.ObjectProvider<dev.stampboard.base.SingleInstanceJobs> jobs,
            SimulatedTelemetryStore store,
            PlatformTransactionManager transactionManager,
            org.springframework.beans.factory.ObjectProvider<EngineFollow> follow) {
        this.jobs = jobs;
        this.follow = follow;
        this.shared = properties.storeTelemetry() != null ? properties.storeTelemetry() : store.sharedDatabase();
        this.currentUser = currentUser;
        this.properties = properties;
        this.clock = (SimulatedClock) clock;
        this.fleet = fleet;
        this.signals = signals;
        this.jdbc = jdbc;
        this.scenario = scenarioOf(properties);
        this.model = new FleetTrafficModel(scenario, properties.seed());
        this.loader = new ScenarioLoader(fleet);
        this.provisioner = provisioner;
        this.arrivals = new StoredArrivals(() -> fleet.homeStampTimeline()::changes);
        this.stampStates = new StoredStamps(fleet::stampStateTimeline);
        this.sharedView = new SharedMinutesInstance(
                this.clock,
                signals,
                new StoredMinuteMark(jdbc),
                new TransactionTemplate(transactionManager),
                store,
                this::elected,
                this::generateAt);
    }

    static Scenario scenarioOf(SimulatorProperties properties) {
        String name = properties.scenario();
        return name.startsWith("large-")
                ? Scenarios.generated(1, Integer.parseInt(name.substring("large-".length())), 4, properties.seed())
                : Scenarios.seed();
    }

    /**
     * After the signals engine has declared the stored fleet (it listens with a lower order). The
     * clock starts the minute before the back-fill's first (the scenario loaded into an empty inventory is written in
     * it, so its stamps exist from the first back-filled minute on); back-filling is ticking at full speed, so
     * the engine, the pool-state history and the audit log see those minutes pass in order.
     */
    @EventListener(ApplicationStartedEvent.class)
    @Order(10)
    public void start() {
        if (fleet.isEmpty()) {
            if (elected()) {
                loader.load(scenario, ACTOR);
            } else {
                awaitFleet();
            }
        }
        long started = System.nanoTime();
        synchronized (this) {
            if (shared) {
                backfillShared();
            } else {
                boolean elected = elected();
                for (int i = 0; i < properties.backfillMinutes(); i++) {
                    tick(elected);
                }
            }
            persistClock(clock.minute());
            ready = true;
        }
        log.info(
                "Simulator {} {} minutes of {} stamps in {} ms; clock at {}",
                shared ? "followed or generated and stored" : "back-filled",
                properties.backfillMinutes(),
                fleet.stamps().size(),
                (System.nanoTime() - started) / 1_000_000,
                clock.instant());
        ticker = DaemonScheduler.named("simulator-clock");
        if (properties.speed() > 0) {
            long periodMicros = Math.max(1_000, (long) (1_000_000 / properties.speed()));
            ticker.scheduleAtFixedRate(this::tickSafely, periodMicros, periodMicros, TimeUnit.MICROSECONDS);
        }
        // the stored clock is the shared one: another console instance may move it (its ticker, an API advance)
        ticker.scheduleWithFixedDelay(this::followSafely, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Whether this instance runs the simulator's side effects (activating provisioned stamps) and its own ticking:
     * of several console instances on one database only the elected one does (README "Several instances"). Every
     * instance generates the simulated telemetry for itself, from the shared clock and inventory: the world is
     * deterministic, so they agree.
     */
    private boolean elected() {
        dev.stampboard.base.SingleInstanceJobs single = jobs.getIfAvailable();
        return single == null || single.holdsLease(LEASE);
    }

    /**
     * The back-fill on a shared database: minutes already stored are followed (the stored telemetry reload replays
     * them as the clock reaches them), the elected instance generates and stores the rest; an instance that is not
     * elected waits for them (for the elected one's own back-fill, or takes over when it stops).
     */
    private void backfillShared() {
        persistClock(clock.minute()); // the clock's row, which the stored minutes' claim updates
        long target = Math.max(clock.minute() + properties.backfillMinutes(), storedClock());
        long stalledSince = System.nanoTime();
        long reached = clock.minute();
        while (!SharedMinutes.catchUp(sharedView, target)) {
            if (clock.minute() > reached) {
                reached = clock.minute();
                stalledSince = System.nanoTime();
            } else if (System.nanoTime() - stalledSince > AWAIT_FLEET_NANOS) {
                log.warn("No simulated minute after {} was stored for 180 s; following them as they come", reached);
                return;
            }
            pause(200);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the elected instance to load the scenario into the empty inventory. */
    private void awaitFleet() {
        long until = System.nanoTime() + AWAIT_FLEET_NANOS;
        while (fleet.isEmpty() && System.nanoTime() < until) {
            fleet.followChanges();
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (fleet.isEmpty() && elected()) {
                loader.load(scenario, ACTOR); // the elected instance stopped before it loaded
            }
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    private void tickSafely() {
        try {
            if (elected()) {
                advance(1, ACTOR);
            }
        } catch (RuntimeException e) {
            log.warn("Simulator tick failed; the next tick tries again", e);
        }
    }

    private void followSafely() {
        try {
            followStoredClock();
        } catch (RuntimeException e) {
            log.warn("Following the simulated clock failed; the next second tries again", e);
        }
    }

    /** Brings this instance's clock up to the stored one, generating each minute (another instance moved it). */
    synchronized void followStoredClock() {
        if (!ready) {
            return;
        }
        long stored = storedClock();
        if (shared) {
            long before = clock.minute();
            SharedMinutes.catchUp(sharedView, stored);
            if (clock.minute() > before) {
                pullFollowed();
            }
            return;
        }
        if (stored > clock.minute()) {
            long now = System.nanoTime(); // cutovers and resizes committed before the clock moved
            arrivals.readOnSoon(now);
            stampStates.readOnSoon(now);
            boolean elected = elected();
            while (clock.minute() < stored) {
                tick(elected);
            }
        }
    }

    /**
     * Moves simulated time forward deterministically, one generated minute at a time: for an engineer or an admin (the
     * simulator's own ticker and tests act as the system).
     */
    public synchronized SimulatorStatus advance(int minutes, Actor actor) {
        currentUser.requireRole(actor, Role.ENGINEER, Role.ADMIN);
        if (minutes < 1 || minutes > MAX_ADVANCE_MINUTES) {
            throw new InvalidInputException("minutes must be between 1 and " + MAX_ADVANCE_MINUTES + " (14 days)");
        }
        if (!ready) {
            throw new ConflictException("The simulator is still back-filling; try again in a moment");
        }
        // the stored clock moves first: whatever the minutes in between write (audit entries, steps, samples)
        // is never later than the clock a restart after a crash continues from. It is shared by every console
        // instance on the database: advance from the later of it and this instance's clock
        long target = Math.max(storedClock(), clock.minute()) + minutes;
        persistClock(target);
        if (shared) {
            awaitShared(target);
            return status();
        }
        long now = System.nanoTime();
        arrivals.readOnSoon(now);
        stampStates.readOnSoon(now);
        boolean elected = elected();
        while (clock.minute() < target) {
            tick(elected);
        }
        return status();
    }

    /**
     * Up to {@code target} on a shared database: generated here when elected, otherwise followed as the elected
     * instance stores the minutes (it sees the moved clock within a second); gives up waiting when no minute is
     * stored for a minute (the answer then shows the clock as far as it got).
     */
    private void awaitShared(long target) {
        long stalledSince = System.nanoTime();
        long reached = clock.minute();
        while (!SharedMinutes.catchUp(sharedView, target)) {
            pullFollowed();
            if (clock.minute() > reached) {
                reached = clock.minute();
                stalledSince = System.nanoTime();
            } else if (System.nanoTime() - stalledSince > AWAIT_STORED_NANOS) {
                return;
            }
            pause(100);
        }
        pullFollowed();
    }

    /** Reads the rows other instances stored up to now into the engine (the follower's own thread does so too). */
    private void pullFollowed() {
        EngineFollow engineFollow = follow.getIfAvailable();
        if (engineFollow != null) {
            engineFollow.caughtUpAsOf(System.nanoTime());
        }
    }

    /**
     * Moves the clock to {@code minute}, which this instance is about to generate and store: cutovers and resizes
     * committed before it are read, provisioned stamps that are ready activate, and the engine passes the minute.
     */
    private MinuteSnapshot generateAt(long minute) {
        long now = System.nanoTime();
        arrivals.readOnSoon(now);
        stampStates.readOnSoon(now);
        clock.jumpTo(minute);
        provisioner.activateReady(minute);
        signals.advanceTo(minute);
        return model.minute(minute, layout());
    }

    /** One minute: only the elected instance acts on the inventory; every instance generates the telemetry. */
    private void tick(boolean elected) {
        long m = clock.advanceOneMinute();
        if (elected) {
            provisioner.activateReady(m);
        }
        signals.advanceTo(m);
        MinuteRows.feed(model.minute(m, layout()), signals);
    }

    public SimulatorStatus status() {
        return new SimulatorStatus(
                true,
                clock.instant(),
                properties.speed(),
                scenario.name(),
                properties.seed(),
                fleet.stamps().size(),
                fleet.registries().size());
    }

    /** The world's in-flight requests of a replica on the stamp it left, {@code seconds} after its cutover. */
    public long inFlightAfterCutover(String registry, double requestsPerMinuteAtCutover, double seconds) {
        return model.inFlightAfterCutover(registry, requestsPerMinuteAtCutover, seconds);
    }

    /** The world's reason for a missed prediction (see {@code FleetTrafficModel.explainMiss}). */
    public String explainMiss(
            String registry,
            String stamp,
            dev.stampboard.fleet.PoolKind pool,
            boolean destination,
            long cutoverMinute,
            long judgedMinute) {
        return model.explainMiss(registry, stamp, pool, destination, cutoverMinute, judgedMinute);
    }

    /**
     * Daily peaks of days before the simulator ran, from the model on today's layout (each replica with its stored
     * arrival, so warm on days before its cutover). Builds the layout under the simulator's lock, then computes
     * without it.
     */
    List<dev.stampboard.simulator.model.DailyPeaks.Peak> dailyPeaks(
            java.time.LocalDate from, java.time.LocalDate to, int stepMinutes) {
        return dev.stampboard.simulator.model.DailyPeaks.of(model, currentLayout(), from, to, stepMinutes);
    }

    /** The layout of the simulated clock's minute, built under the simulator's lock. */
    synchronized FleetLayout currentLayout() {
        return layout();
    }

    public Instant now() {
        return clock.instant();
    }

    /**
     * The stamps that report telemetry as they were in this minute ({@link StoredStamps}). Each replica is on its home stamp in this minute with its arrival there
     * from the stored history ({@link StoredArrivals}), to warm the destination's caches after a cutover and to
     * back-fill minutes before a cutover on the stamp it left.
     */
    private FleetLayout layout() {
        Map<String, ZoneId> zones = new HashMap<>();
        fleet.regions().forEach(r -> zones.put(r.name(), r.zone()));
        List<StampLayout> stamps = stampStates.reporting(fleet.stamps(), zones, clock.minute());
        Set<String> serving = stamps.stream()
                .filter(StampLayout::serves)
                .map(StampLayout::name)
                .collect(java.util.stream.Collectors.toSet());
        return new FleetLayout(stamps, arrivals.replicas(fleet.registries(), serving, clock.minute()));
    }

    /** Stores the clock, never moving it back (two instances may both store it). */
    private void persistClock(long minute) {
        int updated = jdbc.sql("update simulator_state set sim_minute = ?, seed = ? where id = 1 and sim_minute < ?")
                .params(minute, properties.seed(), minute)
                .update();
        if (updated == 0 && storedClockOrNull() == null) {
            try {
                jdbc.sql("insert into simulator_state (id, sim_minute, seed) values (1, ?, ?)")
                        .params(minute, properties.seed())
                        .update();
            } catch (org.springframework.dao.DuplicateKeyException another) {
                persistClock(minute); // another instance stored it first
            }
        }
    }

    private long storedClock() {
        Long stored = storedClockOrNull();
        return stored == null ? Long.MIN_VALUE : stored;
    }

    private @org.jspecify.annotations.Nullable Long storedClockOrNull() {
        return jdbc.sql("select sim_minute from simulator_state where id = 1")
                .query(Long.class)
                .optional()
                .orElse(null);
    }
}
