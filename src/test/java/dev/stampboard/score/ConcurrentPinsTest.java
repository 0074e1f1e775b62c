package dev.stampboard.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stampboard.SpringTest;
import dev.stampboard.base.Actor;
import dev.stampboard.score.engine.ScoreFeature;
import dev.stampboard.score.engine.ScoreModel;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.support.TestNames;
import dev.stampboard.support.TestPostgres;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Two admins pinning weights of the same version at the same moment: each pin reads the weights in use, changes the
 * features it names and writes them all back. Both reads are made to happen before either write when nothing keeps
 * them apart (each reader waits up to 0.5 s for the other one to have read too); the second pin must still be applied
 * on top of the first, not over what both read. Its own version number, removed afterwards. The row lock
 * ({@code select … for update}) is checked on H2 (the shared context's database) and on PostgreSQL (production's; a
 * schema of its own, when the run is given a server).
 */
class ConcurrentPinsTest extends SpringTest {

    private static final int VERSION = 913_511;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    ScoreTraining training;

    @Autowired
    ScoreTrainingClaims claims;

    @Autowired
    ActiveScoreModel active;

    @Autowired
    ScoreProperties properties;

    @Autowired
    CurrentUser currentUser;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    /** The store, with each thread's first read of the version held until the other thread has read it too. */
    private static final class BothReadFirst extends ScoreModelStore {
        final CountDownLatch bothRead = new CountDownLatch(2);
        final ThreadLocal<Boolean> readAlready = ThreadLocal.withInitial(() -> false);

        BothReadFirst(JdbcClient jdbc, ObjectMapper json) {
            super(jdbc, json);
        }

        @Override
        Optional<Stored> find(int version) {
            return held(super.find(version));
        }

        @Override
        Optional<Stored> findForUpdate(int version) {
            return held(super.findForUpdate(version));
        }

        private Optional<Stored> held(Optional<Stored> read) {
            if (!readAlready.get()) {
                readAlready.set(true);
                bothRead.countDown();
                try { // less than the database's lock timeout (H2: 2 s; PostgreSQL: none), so a pin waiting for the row
                    // gets it
                    bothRead.await(500, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return read;
        }
    }

    @AfterEach
    void removeTheVersion() {
        jdbc.sql("delete from score_model_version where version = ?")
                .param(VERSION)
                .update();
    }

    @Test
    void two_pins_at_the_same_moment_are_both_applied() throws Exception {
        bothApplied(new BothReadFirst(jdbc, json), transactions, events);
    }

    @Test
    void two_pins_at_the_same_moment_are_both_applied_on_postgresql() throws Exception {
        assumeTrue(TestPostgres.url().isPresent(), TestPostgres.NOT_GIVEN);
        DataSource postgres = TestPostgres.migratedSchema(
                TestNames.of(ConcurrentPinsTest.class).prefix());
        // the pins' audit events are not published: the shared context's listeners write to its own database
        bothApplied(
                new BothReadFirst(JdbcClient.create(postgres), json),
                new DataSourceTransactionManager(postgres),
                event -> {});
    }

    private void bothApplied(
            BothReadFirst store, PlatformTransactionManager transactions, ApplicationEventPublisher events)
            throws Exception {
        int n = ScoreFeature.COUNT;
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        double[] fitted = new double[n];
        Arrays.fill(fitted, 0.5);
        ModelCard.Side nothing = new ModelCard.Side(null, null, null, null, 0, 0, java.util.List.of(), new int[0]);
        store.insert(
                VERSION,
                Instant.now(),
                "test",
                new ScoreModel(new double[n], ones, fitted, 0),
                new ModelCard.Training(0, 0, "none", 1500, 1, 15, 6, 0, 0, 0),
                new ModelCard.Evaluated("none", 0, 0, 0.5, nothing, nothing, null, null, null, null, null));
        ScoreModelService scores =
                new ScoreModelService(store, training, claims, active, properties, currentUser, events, transactions);
        String first = ScoreFeature.values()[0].key();
        String second = ScoreFeature.values()[1].key();

        ExecutorService admins = Executors.newFixedThreadPool(2);
        try {
            Future<ModelCard> one = admins.submit(() -> scores.pinWeights(VERSION, Map.of(first, 7.0), Actor.SYSTEM));
            Future<ModelCard> two = admins.submit(() -> scores.pinWeights(VERSION, Map.of(second, -3.0), Actor.SYSTEM));
            one.get(30, TimeUnit.SECONDS);
            two.get(30, TimeUnit.SECONDS);
        } finally {
            admins.shutdownNow();
        }

        double[] expected = fitted.clone(); // the fitted weights with both admins' features changed
        expected[0] = 7.0;
        expected[1] = -3.0;
        double[] pinned = store.find(VERSION).orElseThrow().pinnedWeights();
        assertThat(pinned).as("both pins applied, neither lost").containsExactly(expected);
    }
}
