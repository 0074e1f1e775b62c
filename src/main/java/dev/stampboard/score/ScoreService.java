package dev.stampboard.score;

import dev.stampboard.base.Actor;
import dev.stampboard.base.ConflictException;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.base.NotFoundException;
import dev.stampboard.base.SingleInstanceJobs;
import dev.stampboard.base.TransitionRefused;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.score.engine.FeatureSettings;
import dev.stampboard.score.engine.IncidentRule;
import dev.stampboard.score.engine.ScoreFeature;
import dev.stampboard.score.engine.ScoreModel;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;
import dev.stampboard.signals.SignalFeed;
import dev.stampboard.signals.SignalsService;
import dev.stampboard.signals.engine.SignalSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Live stamp scores and the model versions behind them. Every minute the signals engine advances to, each stamp's
 * previous (complete) minute goes through its feature tracker ({@link LiveScoreBoard}) and the active model scores it. Versions are
 * trained on the simulated world ({@link ScoreTraining}), stored inactive, and activated by an admin; the first one
 * is trained in the background after start-up and activated by the console, as no version was active to compare it
 * with. Role checks here; every training, activation and pin is audited.
 */
@Service
@EnableConfigurationProperties(ScoreProperties.class)
public class ScoreService {

    private static final Logger log = LoggerFactory.getLogger(ScoreService.class);
    static final String INITIAL_TRAINING_JOB = "score.initial-training";

    private final SignalsService signals;
    private final FleetService fleet;
    private final ScoreModelStore store;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final ScoreProperties properties;
    private final SingleInstanceJobs jobs;
    private final TransactionTemplate tx;
    private final LiveObservations observations;
    private final LabellingStore labellingStore;
    private final ScoreTraining training;

    private final LiveScoreBoard board;
    private final ScoreTrainingClaims claims;
    private volatile @Nullable Active active;

    private record Active(int version, ScoreModel model, int horizonHours) {}

    ScoreService(
            SignalsService signals,
            SignalFeed feed,
            FleetService fleet,
            ScoreModelStore store,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            ScoreProperties properties,
            SingleInstanceJobs jobs,
            PlatformTransactionManager transactions,
            LabellingStore labellingStore,
            ScoreTrainingClaims claims,
            StoredHourlyRequests hourlyRequests) {
        this.signals = signals;
        this.fleet = fleet;
        this.store = store;
        this.currentUser = currentUser;
        this.events = events;
        this.properties = properties;
        this.jobs = jobs;
        this.tx = new TransactionTemplate(transactions);
        this.observations = new LiveObservations(signals, fleet);
        this.labellingStore = labellingStore;
        this.claims = claims;
        this.board = new LiveScoreBoard(hourlyRequests);
        this.training = new ScoreTraining(store, claims, events, tx, properties.operatingScore());
        feed.onAdvance(this::onMinute);
        feed.onPastMinuteRecorded(board::late);
    }

    // ---- live scores -----------------------------------------------------------------------

    /**
     * Called with each new current minute: minute − 1 is complete in the engine (the feed records after moving).
     * When the clock jumped (a wall clock after a pause), the minutes in between are read too, up to 12 h back.
     */
    synchronized void onMinute(long minute) {
        if (!board.wants(minute)) {
            return;
        }
        board.onMinute(minute, fleet.stamps(), featureSettings(), observations::range, scorer());
    }

    /**
     * Telemetry recorded after its minute was scored (collectors post a minute after it, back-fills, rows followed
     * from another instance): those stamps' minutes are read and scored again within a second, so every instance
     * shows the score of the minutes as stored, whenever it read them (README "Several instances").
     */
    @Scheduled(fixedDelay = 1_000, initialDelay = 1_000)
    synchronized void settleLate() {
        if (board.hasLate()) {
            board.settle(fleet.stamps(), featureSettings(), observations::range, scorer());
        }
    }

    private LiveScoreBoard.@Nullable Scorer scorer() {
        Active model = active;
        return model == null ? null : new LiveScoreBoard.Scorer(model.version(), model.model());
    }

    private FeatureSettings featureSettings() {
        SignalSettings s = signals.settings();
        return FeatureSettings.DEFAULTS.withHotThreshold(s.hotThreshold());
    }

    /** The stamp's latest score and breakdown; empty without an active model or before its first minute. */
    public Optional<StampScore> scoreOf(String stamp) {
        return board.scoreOf(stamp);
    }

    /** The latest score, 0–100 (the signals' {@code StampScores} port reads this). */
    public OptionalDouble score(String stamp) {
        return scoreOf(stamp).map(s -> OptionalDouble.of(s.score())).orElse(OptionalDouble.empty());
    }

    /** Consecutive scored minutes, ending with the latest, at or above {@code threshold}. */
    public int minutesAtOrAbove(String stamp, double threshold) {
        return board.minutesAtOrAbove(stamp, threshold);
    }

    /** The stamp's scores of the last 12 h, oldest first: {@code [epoch minute, score]} (score NaN when none). */
    public List<double[]> trend(String stamp) {
        return board.trend(stamp);
    }

    /** How far ahead the active version's score looks, in hours (without one: what the next training uses). */
    public int horizonHours() {
        Active a = active;
        return a != null ? a.horizonHours() : labelling().horizonHours();
    }

    // ---- labelling --------------------------------------------------------------------------

    /** What counts as an incident when the next version is trained: an admin's setting, else the configured one. */
    public Labelling labelling() {
        return labellingStore
                .find()
                .orElseGet(() -> new Labelling(
                        properties.p99SloMs(), properties.throttlingPercent(), properties.horizonHours(), false));
    }

    /** Sets the SLO, throttling share and horizon the next training labels with (admins; audited). */
    public Labelling changeLabelling(Labelling next, Actor actor) {
        currentUser.requireRole(actor, Role.ADMIN);
        tx.executeWithoutResult(status -> {
            Labelling before = labelling();
            labellingStore.save(next, actor.name(), Instant.now());
            events.publishEvent(new LabellingChanged(actor, before.describe(), next.describe()));
        });
        return labelling();
    }

    /** Back to the configured labelling (admins; audited). */
    public Labelling resetLabelling(Actor actor) {
        currentUser.requireRole(actor, Role.ADMIN);
        tx.executeWithoutResult(status -> {
            Labelling before = labelling();
            labellingStore.clear();
            events.publishEvent(new LabellingChanged(
                    actor, before.describe(), labelling().describe() + " (the configured defaults)"));
        });
        return labelling();
    }

    /** The score at which a stamp counts as at risk (the evaluation's operating point). */
    public double operatingScore() {
        return properties.operatingScore();
    }

    // ---- versions ---------------------------------------------------------------------------

    public Optional<ModelCard> activeCard() {
        return store.active().map(this::card);
    }

    public List<ModelCard> versions() {
        return store.all().stream().map(this::card).toList();
    }

    public ModelCard card(int version) {
        return card(store.find(version).orElseThrow(() -> unknown(version)));
    }

    /**
     * Whether a version is being trained now (by an admin or the first one after start-up), on any instance: read from
     * the shared claim, so every instance answers the same (issue 18).
     */
    public boolean isTraining() {
        return training.isRunning();
    }

    /** Why {@code GET /api/v1/score-model} finds no active version: the same answer on every instance. */
    public String noActiveModel() {
        return isTraining()
                ? "No score model is active yet: the first version is being trained"
                : "No score model is active; an admin trains one with POST /api/v1/score-model/train";
    }

    /** Keeps this instance's training claim alive while it trains (a claim not renewed for 30 s is given up). */
    @Scheduled(fixedDelay = 5_000, initialDelay = 5_000)
    void renewTrainingClaim() {
        training.renewClaim();
    }

    /** Why the first version could not be trained, if it failed (on whichever instance trained it). */
    public Optional<String> initialTrainingProblem() {
        return claims.firstProblem();
    }

    /** Trains a new version on the retraining plan and stores it inactive (admins). Takes a minute or more. */
    public ModelCard train(Actor actor) {
        currentUser.requireRole(actor, Role.ADMIN);
        return card(trainAndStore(properties.retrainingPlan(), properties.threads(), actor));
    }

    private int trainAndStore(ScoreProperties.Plan plan, int threads, Actor actor) {
        return training.trainAndStore(plan, threads, featureSettings(), incidentRule(), actor);
    }

    IncidentRule incidentRule() {
        Labelling l = labelling();
        return new IncidentRule(
                l.p99SloMs(), l.throttlingPercent(), properties.sustainMinutes(), l.horizonHours() * 60);
    }

    /** Makes {@code version} the active one (admins); the previously active version is retired. */
    public ModelCard activate(int version, Actor actor) {
        currentUser.requireRole(actor, Role.ADMIN);
        tx.executeWithoutResult(status -> {
            ScoreModelStore.Stored target = store.find(version).orElseThrow(() -> unknown(version));
            if (!target.status().canMoveTo(ModelStatus.ACTIVE)) {
                throw new TransitionRefused("Version " + version + " is already active");
            }
            Optional<ScoreModelStore.Stored> current = store.active();
            current.ifPresent(c -> {
                if (!store.move(c.version(), ModelStatus.ACTIVE, ModelStatus.RETIRED, null, null)) {
                    throw new ConflictException("Another activation changed the active version a moment ago");
                }
            });
            if (!store.move(version, target.status(), ModelStatus.ACTIVE, Instant.now(), actor.name())) {
                throw new ConflictException("Version " + version + " changed a moment ago; look again");
            }
            events.publishEvent(new ScoreModelActivated(
                    actor, version, current.map(ScoreModelStore.Stored::version).orElse(null)));
        });
        reloadActive();
        return card(version);
    }

    /**
     * Pins weights by hand (admins): the given features take these weights, the others keep the ones in use. The
     * standardisation and intercept stay the fitted ones. Applies at once when the version is active.
     */
    public ModelCard pinWeights(int version, Map<String, Double> weights, Actor actor) {
        currentUser.requireRole(actor, Role.ADMIN);
        if (weights.isEmpty()) {
            throw new InvalidInputException("weights: name at least one feature and its weight");
        }
        ScoreModelStore.Stored stored = store.find(version).orElseThrow(() -> unknown(version));
        double[] pinned = stored.effective().weights();
        weights.forEach((name, weight) -> {
            ScoreFeature feature;
            try {
                feature = ScoreFeature.ofKey(name);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("weights: unknown feature '" + name + "'; known: "
                        + java.util.Arrays.stream(ScoreFeature.values())
                                .map(ScoreFeature::key)
                                .toList());
            }
            if (weight == null || !Double.isFinite(weight) || Math.abs(weight) > 100) {
                throw new InvalidInputException("weights." + name + ": a number between -100 and 100");
            }
            pinned[feature.ordinal()] = weight;
        });
        tx.executeWithoutResult(status -> {
            store.pin(version, pinned);
            events.publishEvent(new ScoreWeightsPinned(actor, version, Cards.weights(pinned)));
        });
        reloadActive();
        return card(version);
    }

    /** Releases pinned weights: the version scores with its fitted weights again (admins). */
    public ModelCard unpinWeights(int version, Actor actor) {
        currentUser.requireRole(actor, Role.ADMIN);
        ScoreModelStore.Stored stored = store.find(version).orElseThrow(() -> unknown(version));
        tx.executeWithoutResult(status -> {
            store.pin(version, null);
            events.publishEvent(new ScoreWeightsPinned(
                    actor,
                    version,
                    "released; fitted " + Cards.weights(stored.fitted().weights())));
        });
        reloadActive();
        return card(version);
    }

    private static NotFoundException unknown(int version) {
        return new NotFoundException("Score model version " + version + " does not exist");
    }

    private ModelCard card(ScoreModelStore.Stored s) {
        return Cards.card(s);
    }

    // ---- start-up ---------------------------------------------------------------------------

    @EventListener(ApplicationReadyEvent.class)
    void afterStartup() {
        reloadActive();
        onMinute(signals.nowMinute()); // scores at once (the trailing 12 h the reload put in the engine), not next
        // minute
        if (properties.initialTraining() && store.isEmpty() && jobs.holdsLease(INITIAL_TRAINING_JOB)) {
            Thread t = new Thread(this::trainFirstVersion, "score-initial-training");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            t.start();
        }
    }

    private void trainFirstVersion() {
        try {
            long started = System.nanoTime();
            int version = trainAndStore(properties.initialPlan(), 1, Actor.SYSTEM);
            if (store.active().isEmpty()) {
                activate(version, Actor.SYSTEM);
            }
            log.info(
                    "First score model version {} trained and active in {} s",
                    version,
                    (System.nanoTime() - started) / 1_000_000_000);
        } catch (RuntimeException e) {
            claims.firstFailed(String.valueOf(e.getMessage()), Instant.now());
            log.warn("The first score model could not be trained; an admin can train one on the model page", e);
        }
    }

    /**
     * Other instances activate versions and pin weights too: follow the stored active version. Asked every 2 s with a
     * small query (the active version and its pinned weights); the model is read again only when that changed.
     */
    @Scheduled(fixedDelay = 2_000, initialDelay = 2_000)
    void followActive() {
        String mark = store.activeMark();
        if (!mark.equals(activeMark)) {
            reloadActive();
        }
    }

    /** What {@link ScoreModelStore#activeMark} said when the active model was last read. */
    private volatile @Nullable String activeMark;

    void reloadActive() {
        activeMark = store.activeMark();
        Active now = store.active()
                .map(s -> new Active(s.version(), s.effective(), s.training().horizonHours()))
                .orElse(null);
        Active before = active;
        if (now == null ? before != null : before == null || !before.equals(now)) {
            active = now;
            board.rescore(now == null ? null : new LiveScoreBoard.Scorer(now.version(), now.model()));
        }
    }
}
