package dev.stampboard.planning.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stampboard.fleet.PoolKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerRulesTest {

    private static final double TARGET = PlanningSettings.defaults().target();

    @Test
    void load_model_removing_a_share_scales_the_load_above_the_baseline() {
        // hot 80, b 5: removing 40 % leaves 5 + 75 × 0.6 = 50
        Plan plan = Fleets.region()
                .stamp("hot", 80)
                .stamp("far", 0.0, 0.0, false, true, false, 10)
                .registry("big.azurecr.io", "hot", 0.40)
                .plan();
        assertThat(plan.isolation()).hasSize(1);
        Prediction dp = prediction(plan, "hot", PoolKind.DATAPROXY);
        assertThat(dp.before()).isEqualTo(80.0);
        assertThat(dp.after()).isCloseTo(50.0, within(1e-4));
    }

    @Test
    void load_model_adding_rescales_by_node_counts() {
        // 10 % of (80 − 5) = 7.5 points on 10 nodes → 3.75 points on 20 nodes: 10 + 3.75
        Plan plan = Fleets.region()
                .stamp("hot", 48, 48, true, true, false, 10)
                .stamp("wide", 10, 10, true, true, false, 20)
                .registry("a.azurecr.io", "hot", 0.30)
                .plan();
        assertThat(plan.moves())
                .singleElement()
                .satisfies(m -> assertThat(m.to()).isEqualTo("wide"));
        assertThat(prediction(plan, "wide", PoolKind.REGISTRY).after())
                .isCloseTo(10 + 0.30 * 43 * 10 / 20, within(1e-4));
    }

    @Test
    void takes_registries_by_contribution_until_the_source_reaches_target() {
        Plan plan = Fleets.oneHotStampTwoCoolOnes().plan();
        // 80 → remove 40 %: 50; remove 20 % more: 35 ≤ 40 → two registries, the biggest first
        List<String> chosen = new java.util.ArrayList<>();
        plan.moves().forEach(m -> chosen.add(m.registry()));
        plan.isolation().forEach(i -> chosen.add(i.registry()));
        assertThat(chosen).containsExactlyInAnyOrder("big.azurecr.io", "mid.azurecr.io");
        assertThat(prediction(plan, "hot", PoolKind.DATAPROXY).after()).isCloseTo(5 + 75 * 0.4, within(1e-4));
    }

    @Test
    void rejects_destination_that_would_become_hot() {
        // 30 % of 75 = 22.5 points: the 25 % stamp would reach 47.5 > 40, the 10 % stamp 32.5
        Plan plan = Fleets.region()
                .stamp("hot", 80)
                .stamp("warm", 25)
                .stamp("cool", 10)
                .registry("a.azurecr.io", "hot", 0.30)
                .registry("b.azurecr.io", "hot", 0.30)
                .plan();
        PlannedMove first = plan.moves().stream()
                .filter(m -> m.registry().equals("a.azurecr.io"))
                .findFirst()
                .orElseThrow();
        assertThat(first.to()).isEqualTo("cool");
        assertThat(first.explanation().rejected()).anySatisfy(r -> {
            assertThat(r.stamp()).isEqualTo("warm");
            assertThat(r.kind()).isEqualTo(RejectedAlternative.Kind.WOULD_EXCEED_TARGET);
            assertThat(r.fits()).isFalse();
            assertThat(r.reason()).contains("would reach 47.5 %");
        });
        plan.moves()
                .forEach(m -> assertThat(
                                prediction(plan, m.to(), PoolKind.DATAPROXY).after())
                        .isLessThanOrEqualTo(TARGET));
    }

    @Test
    void a_destination_that_fits_less_well_is_kept_as_a_valid_alternative() {
        // 30 % of 75 = 22.5 points: both cool stamps fit (27.5 % and 32.5 % ≤ 40), the cooler one wins
        Plan plan = Fleets.region()
                .stamp("hot", 80)
                .stamp("cool", 5)
                .stamp("cooler", 0)
                .registry("a.azurecr.io", "hot", 0.30)
                .plan();
        PlannedMove move = plan.moves().stream()
                .filter(m -> m.registry().equals("a.azurecr.io"))
                .findFirst()
                .orElseThrow();
        assertThat(move.to()).isEqualTo("cooler");
        assertThat(move.explanation().rejected()).singleElement().satisfies(r -> {
            assertThat(r.stamp()).isEqualTo("cool");
            assertThat(r.kind()).isEqualTo(RejectedAlternative.Kind.FITS_LESS_WELL);
            assertThat(r.fits()).isTrue();
        });
    }

    @Test
    void never_moves_onto_a_stamp_in_rollout_or_not_active_or_dedicated() {
        Plan plan = Fleets.region()
                .stamp("hot", 60)
                .stamp("rolling", 5, 5, true, true, true, 10)
                .stamp("provisioning", 5, 5, true, false, false, 10)
                .stamp("dedicated", 5, 5, false, true, false, 10)
                .registry("a.azurecr.io", "hot", 0.5)
                .plan();
        assertThat(plan.moves()).isEmpty();
        // the dedicated stamp takes the registry away: 5 + 55 × 0.5 = 32.5 % ≤ 40 %
        assertThat(plan.reliefs()).singleElement().satisfies(r -> {
            assertThat(r.after()).isCloseTo(32.5, within(0.1));
            assertThat(r.reachedTarget()).isTrue();
        });
        assertThat(plan.isolation())
                .singleElement()
                .satisfies(i -> assertThat(i.reason())
                        .contains("rolling: in an update rollout")
                        .contains("provisioning: not active")
                        .contains("dedicated: dedicated stamp"));
    }

    @Test
    void recommends_isolation_when_the_registry_alone_is_too_big_for_any_stamp() {
        // 60 % of 75 = 45 points > 50 % of a 95-point pool? 45/95 = 47 % — use the 0.4 limit
        PlanningSettings strict = new PlanningSettings(45, 5, 0.01, 0.10, 4, 24, 48, 0.4, SizingSettings.defaults());
        Plan plan = Fleets.region()
                .stamp("hot", 80)
                .stamp("empty", 0.0)
                .registry("huge.azurecr.io", "hot", 0.6)
                .settings(strict)
                .plan();
        assertThat(plan.isolation()).singleElement().satisfies(i -> {
            assertThat(i.reason()).contains("would take 47 % of the pool's capacity");
            assertThat(i.sizing().registryNodes()).isGreaterThanOrEqualTo(2);
            assertThat(i.sizing().arithmetic()).contains("registry nodes = ceil(");
        });
    }

    @Test
    void no_stamp_above_threshold_means_an_empty_plan_that_says_why() {
        Plan plan = Fleets.region()
                .stamp("a", 44.9)
                .stamp("b", 10)
                .registry("x.azurecr.io", "a", 0.5)
                .plan();
        assertThat(plan.moves()).isEmpty();
        assertThat(plan.isolation()).isEmpty();
        assertThat(plan.notes()).singleElement().asString().contains("nothing to rebalance");
    }

    @Test
    void phases_low_medium_high_with_batches_and_observation_windows() {
        Fleets fleet = Fleets.region()
                .stamp("hot", 100)
                .stamp("cool-a", 0.0)
                .stamp("cool-b", 0.0)
                .stamp("cool-c", 0.0);
        // many small registries so that all are needed: 6 low (0.5 %), 5 medium (5 %), 2 high (12 %)
        for (int i = 0; i < 6; i++) {
            fleet.registry("low" + i + ".azurecr.io", "hot", 0.005);
        }
        for (int i = 0; i < 5; i++) {
            fleet.registry("mid" + i + ".azurecr.io", "hot", 0.05);
        }
        fleet.registry("high0.azurecr.io", "hot", 0.12).registry("high1.azurecr.io", "hot", 0.12);
        // together they make 52 % of a 100 % stamp: even all of them leave 5 + 95 × 0.48 = 50.6 % > 40, so all move
        Plan plan = fleet.plan();
        assertThat(plan.moves()).hasSize(13);
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("still above"));
        // 5 + 95 × 0.48 = 50.6 % after every registry moved: above the 40 % target
        assertThat(plan.reliefs()).singleElement().satisfies(r -> {
            assertThat(r.stamp()).isEqualTo("hot");
            assertThat(r.after()).isCloseTo(50.6, within(0.1));
            assertThat(r.reachedTarget()).isFalse();
        });
        assertThat(plan.leavesAStampAboveTarget()).isTrue();
        assertThat(plan.moves())
                .filteredOn(m -> m.registry().startsWith("high"))
                .allSatisfy(m -> assertThat(m.phase()).isEqualTo(3))
                .extracting(PlannedMove::batch)
                .containsExactly(1, 2);
        assertThat(plan.moves())
                .filteredOn(m -> m.registry().startsWith("high"))
                .allSatisfy(m -> assertThat(m.observationHours()).isEqualTo(48));
        assertThat(plan.moves())
                .filteredOn(m -> m.registry().startsWith("mid"))
                .allSatisfy(m -> assertThat(m.phase()).isEqualTo(2))
                .extracting(PlannedMove::batch)
                .containsExactly(1, 1, 1, 1, 2);
        assertThat(plan.moves())
                .filteredOn(m -> m.registry().startsWith("low"))
                .allSatisfy(m -> assertThat(m.phase()).isEqualTo(1))
                .allSatisfy(m -> assertThat(m.batch()).isEqualTo(1));
        assertThat(plan.moves()).extracting(PlannedMove::phase).isSorted();
    }

    @Test
    void each_move_explains_why_this_registry_and_why_this_destination() {
        Plan plan = Fleets.oneHotStampTwoCoolOnes().plan();
        assertThat(plan.moves()).isNotEmpty().allSatisfy(m -> {
            assertThat(m.explanation().whyRegistry()).contains("% of hot's").contains("rank");
            assertThat(m.explanation().whyDestination()).contains("stays at or below the 40.0 % target in both pools");
        });
    }

    @Test
    void sizing_shows_its_arithmetic() {
        Sizing s = SizingCalculator.size(20_000, 40, 300, SizingSettings.defaults());
        // 20000 / (500 × 0.4) × 1.2 = 120; 40 / (6 × 0.4) × 1.2 = 20; 300 / 100 = 3
        assertThat(s.registryNodes()).isEqualTo(120);
        assertThat(s.dataproxyNodes()).isEqualTo(20);
        assertThat(s.storageAccounts()).isEqualTo(3);
        assertThat(s.arithmetic()).contains("= 120").contains("= 20").contains("= 3");
    }

    static Prediction prediction(Plan plan, String stamp, PoolKind pool) {
        return plan.predictions().stream()
                .filter(p -> p.stamp().equals(stamp) && p.pool() == pool)
                .findFirst()
                .orElseThrow(() ->
                        new AssertionError("no prediction for " + stamp + " " + pool + " in " + plan.predictions()));
    }
}
