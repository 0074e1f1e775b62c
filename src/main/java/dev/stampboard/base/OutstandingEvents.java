package dev.stampboard.base;

import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again the cross-module events whose listener did not finish (the instance stopped, or the listener failed):
 * Modulith's publication registry keeps them in {@code event_publication}. Several console instances share that table,
 * and Modulith's own "republish on restart" would have every instance that starts deliver every outstanding
 * publication, also those another running instance is delivering just then. So it is off
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart: false}) and this job does it instead: only on
 * the elected instance ({@link SingleInstanceJobs}), only for publications older than {@code resubmit-after} (far
 * longer than a listener runs, so none still in flight is sent twice), every {@code resubmit-every}. The listeners are
 * idempotent all the same ({@link HandledEvents}): a delivery that did its work but crashed before it was marked
 * complete is delivered again.
 */
@Component
class OutstandingEvents {

    static final String JOB = "outstanding-events";

    private final IncompleteEventPublications incomplete;
    private final ObjectProvider<SingleInstanceJobs> jobs;
    private final Duration after;

    OutstandingEvents(
            IncompleteEventPublications incomplete,
            ObjectProvider<SingleInstanceJobs> jobs,
            @Value("${stampboard.events.resubmit-after:PT5M}") Duration after) {
        this.incomplete = incomplete;
        this.jobs = jobs;
        this.after = after;
    }

    /** Returns whether this instance resubmitted (it is the elected one). */
    @Scheduled(
            initialDelayString = "${stampboard.events.resubmit-every:PT1M}",
            fixedDelayString = "${stampboard.events.resubmit-every:PT1M}")
    boolean resubmit() {
        SingleInstanceJobs single = jobs.getIfAvailable();
        if (single != null && !single.holdsLease(JOB)) {
            return false; // the elected instance delivers them
        }
        incomplete.resubmitIncompletePublicationsOlderThan(after);
        return true;
    }
}
