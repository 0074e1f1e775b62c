package dev.stampboard.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.SpringTest;
import dev.stampboard.base.Actor;
import dev.stampboard.support.TestNames;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 18: the first stamps of a new region declared at once (two console instances, or two threads of one) both
 * succeed and leave one region row; before, the second region insert failed on the primary key and the declaration
 * answered 500.
 */
class RegionFirstWinsTest extends SpringTest {

    private static final TestNames NAMES = TestNames.of(RegionFirstWinsTest.class);
    private static final int ROUNDS = 8;
    private static final int THREADS = 4;

    @Autowired
    FleetService fleet;

    @Autowired
    JdbcClient jdbc;

    @Test
    void first_stamps_of_a_new_region_declared_at_once_all_succeed_with_one_region_row() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String region = NAMES.region() + "-" + round;
                CyclicBarrier together = new CyclicBarrier(THREADS);
                List<Future<StampInfo>> declared = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    String stamp = NAMES.stamp(round * THREADS + t + 1);
                    declared.add(pool.submit(() -> {
                        together.await(30, TimeUnit.SECONDS);
                        return fleet.declareStamp(
                                stamp,
                                new StampDeclaration(
                                        region,
                                        null,
                                        null,
                                        List.of(new StampDeclaration.PoolDeclaration(
                                                PoolKind.REGISTRY, List.of("rg-1", "rg-2"), null)),
                                        List.of()),
                                Actor.SYSTEM);
                    }));
                }
                for (Future<StampInfo> f : declared) {
                    assertThat(f.get(60, TimeUnit.SECONDS).region()).isEqualTo(region);
                }
                assertThat(jdbc.sql("select count(*) from region where name = ?")
                                .param(region)
                                .query(Integer.class)
                                .single())
                        .as("region rows of %s", region)
                        .isEqualTo(1);
                assertThat(jdbc.sql("select count(*) from stamp where region = ?")
                                .param(region)
                                .query(Integer.class)
                                .single())
                        .as("stamps in %s", region)
                        .isEqualTo(THREADS);
                assertThat(fleet.regions().stream().filter(r -> r.name().equals(region)))
                        .as("the fleet snapshot knows %s", region)
                        .hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
