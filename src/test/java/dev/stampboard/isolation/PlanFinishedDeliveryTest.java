package dev.stampboard.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.SpringTest;
import dev.stampboard.planning.PlanFinished;
import dev.stampboard.planning.PlanId;
import dev.stampboard.planning.PlanStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PlanFinished reaches isolation through Modulith's publication registry: the publication is stored
 * with the transaction that finishes the plan (so a crash cannot lose it) and removed once delivered.
 */
class PlanFinishedDeliveryTest extends SpringTest {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void the_publication_is_stored_with_the_transaction_and_gone_once_isolation_handled_it()
            throws InterruptedException {
        long before = outstanding();
        long during = tx.execute(status -> {
            events.publishEvent(new PlanFinished(PlanId.of("no-such-plan"), PlanStatus.COMPLETED));
            return outstanding();
        });
        assertThat(during).as("stored in the publishing transaction").isEqualTo(before + 1);
        // delivered asynchronously after the commit, then deleted (completion mode delete)
        for (int i = 0; i < 100 && outstanding() != before; i++) {
            Thread.sleep(50);
        }
        assertThat(outstanding()).as("delivered after commit, then deleted").isEqualTo(before);
    }

    @Test
    void a_rolled_back_transaction_publishes_nothing() {
        long before = outstanding();
        tx.executeWithoutResult(status -> {
            events.publishEvent(new PlanFinished(PlanId.of("no-such-plan"), PlanStatus.ROLLED_BACK));
            status.setRollbackOnly();
        });
        assertThat(outstanding()).isEqualTo(before);
    }

    private long outstanding() {
        return jdbc.sql("select count(*) from event_publication where event_type like '%PlanFinished'")
                .query(Long.class)
                .single();
    }
}
