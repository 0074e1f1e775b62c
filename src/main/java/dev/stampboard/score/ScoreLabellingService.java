package dev.stampboard.score;

import dev.stampboard.base.Actor;
import dev.stampboard.score.engine.IncidentRule;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What counts as an incident when the next score model version is trained: the p99 SLO, the throttling share and how
 * far ahead the score looks. An admin's setting ({@link LabellingStore}), else the configured one. Changes are for
 * admins and audited ({@link LabellingChanged}).
 */
@Service
public class ScoreLabellingService {

    private final LabellingStore store;
    private final ScoreProperties properties;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    ScoreLabellingService(
            LabellingStore store,
            ScoreProperties properties,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.properties = properties;
        this.currentUser = currentUser;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
    }

    /** What counts as an incident when the next version is trained: an admin's setting, else the configured one. */
    public Labelling labelling() {
        return store.find()
                .orElseGet(() -> new Labelling(
                        properties.p99SloMs(), properties.throttlingPercent(), properties.horizonHours(), false));
    }

    /** Sets the SLO, throttling share and horizon the next training labels with (admins; audited). */
    public Labelling changeLabelling(Labelling next, Actor actor) {
        currentUser.requireRole(actor, Role.ADMIN);
        tx.executeWithoutResult(status -> {
            Labelling before = labelling();
            store.save(next, actor.name(), Instant.now());
            events.publishEvent(new LabellingChanged(actor, before.describe(), next.describe()));
        });
        return labelling();
    }

    /** Back to the configured labelling (admins; audited). */
    public Labelling resetLabelling(Actor actor) {
        currentUser.requireRole(actor, Role.ADMIN);
        tx.executeWithoutResult(status -> {
            Labelling before = labelling();
            store.clear();
            events.publishEvent(new LabellingChanged(
                    actor, before.describe(), labelling().describe() + " (the configured defaults)"));
        });
        return labelling();
    }

    /** The incident rule the next training labels with. */
    IncidentRule incidentRule() {
        Labelling l = labelling();
        return new IncidentRule(
                l.p99SloMs(), l.throttlingPercent(), properties.sustainMinutes(), l.horizonHours() * 60);
    }
}
