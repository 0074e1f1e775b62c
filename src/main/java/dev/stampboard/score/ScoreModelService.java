package dev.stampboard.score;

import dev.stampboard.base.Actor;
import dev.stampboard.base.ConflictException;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.base.NotFoundException;
import dev.stampboard.base.TransitionRefused;
import dev.stampboard.score.engine.ScoreFeature;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The score model's versions: trained on the simulated world ({@link ScoreTraining}), stored inactive, activated by an
 * admin, weights pinned by hand. Role checks here; every training, activation and pin is audited. The live scores
 * follow the active version ({@link ActiveScoreModel}).
 */
@Service
public class ScoreModelService {

    private final ScoreModelStore store;
    private final ScoreTraining training;
    private final ScoreTrainingClaims claims;
    private final ActiveScoreModel active;
    private final ScoreProperties properties;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    ScoreModelService(
            ScoreModelStore store,
            ScoreTraining training,
            ScoreTrainingClaims claims,
            ActiveScoreModel active,
            ScoreProperties properties,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.training = training;
        this.claims = claims;
        this.active = active;
        this.properties = properties;
        this.currentUser = currentUser;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
    }

    public Optional<ModelCard> activeCard() {
        return store.active().map(Cards::card);
    }

    public List<ModelCard> versions() {
        return store.all().stream().map(Cards::card).toList();
    }

    /**
     * Changes when a version is stored, activated, retired, pinned or released, on any instance: a page that shows the
     * versions compares it instead of loading them all again ({@link #versions} reads every version's card).
     */
    public String versionsMark() {
        return store.versionsMark();
    }

    public ModelCard card(int version) {
        return Cards.card(store.find(version).orElseThrow(() -> unknown(version)));
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

    /** Why the first version could not be trained, if it failed (on whichever instance trained it). */
    public Optional<String> initialTrainingProblem() {
        return claims.firstProblem();
    }

    /** Trains a new version on the retraining plan and stores it inactive (admins). Takes a minute or more. */
    public ModelCard train(Actor actor) {
        currentUser.requireRole(actor, Role.ADMIN);
        return card(training.trainAndStore(properties.retrainingPlan(), properties.threads(), actor));
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
        active.reload();
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
        // read, change and write in one transaction with the row locked: two admins pinning at once are applied one
        // after the other, the second on top of the first, so neither pin is lost
        tx.executeWithoutResult(status -> {
            ScoreModelStore.Stored stored = store.findForUpdate(version).orElseThrow(() -> unknown(version));
            double[] pinned = stored.effective().weights();
            weights.forEach((name, weight) -> {
                ScoreFeature feature;
                try {
                    feature = ScoreFeature.ofKey(name);
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("weights: unknown feature '" + name + "'; known: "
                            + Arrays.stream(ScoreFeature.values())
                                    .map(ScoreFeature::key)
                                    .toList());
                }
                if (weight == null || !Double.isFinite(weight) || Math.abs(weight) > 100) {
                    throw new InvalidInputException("weights." + name + ": a number between -100 and 100");
                }
                pinned[feature.ordinal()] = weight;
            });
            store.pin(version, pinned);
            events.publishEvent(new ScoreWeightsPinned(actor, version, Cards.weights(pinned)));
        });
        active.reload();
        return card(version);
    }

    /** Releases pinned weights: the version scores with its fitted weights again (admins). */
    public ModelCard unpinWeights(int version, Actor actor) {
        currentUser.requireRole(actor, Role.ADMIN);
        tx.executeWithoutResult(status -> {
            ScoreModelStore.Stored stored = store.findForUpdate(version).orElseThrow(() -> unknown(version));
            store.pin(version, null);
            events.publishEvent(new ScoreWeightsPinned(
                    actor,
                    version,
                    "released; fitted " + Cards.weights(stored.fitted().weights())));
        });
        active.reload();
        return card(version);
    }

    private static NotFoundException unknown(int version) {
        return new NotFoundException("Score model version " + version + " does not exist");
    }
}
