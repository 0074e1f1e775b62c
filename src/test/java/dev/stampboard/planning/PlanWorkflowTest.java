package dev.stampboard.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stampboard.SpringTest;
import dev.stampboard.base.Actor;
import dev.stampboard.signals.SignalSettingsService;
import dev.stampboard.signals.SignalsService;
import dev.stampboard.simulator.SimulatorService;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Staleness and expiry against live signals and the simulated clock. */
class PlanWorkflowTest extends SpringTest {

    @Autowired
    PlanningService planning;

    @Autowired
    SignalsService signals;

    @Autowired
    SignalSettingsService signalSettings;

    @Autowired
    SimulatorService simulator;

    private static void as(String user) {
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(
                        user,
                        null,
                        List.of(
                                new SimpleGrantedAuthority("ROLE_ENGINEER"),
                                new SimpleGrantedAuthority("ROLE_VIEWER"))));
    }

    @AfterEach
    void restore() {
        signalSettings.changeThresholds(45, 40, dev.stampboard.base.Actor.SYSTEM);
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_plan_whose_signals_changed_materially_must_be_refreshed_before_approval() {
        as("alice");
        PlanDetails plan =
                planning.submit(planning.propose("eastus", List.of(), null).planId());
        assertThat(planning.get(plan.planId()).stale()).isFalse();

        // the thresholds move so far that pool states change: the evidence no longer holds
        signalSettings.changeThresholds(99, 98, dev.stampboard.base.Actor.SYSTEM);
        as("bob");
        assertThat(planning.get(plan.planId()).stale()).isTrue();
        assertThatThrownBy(() -> planning.approve(plan.planId()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stale");

        planning.refresh(plan.planId());
        assertThat(planning.get(plan.planId()).stale()).isFalse();
        // bob changed the plan by refreshing it: four eyes now needs a third engineer
        assertThatThrownBy(() -> planning.approve(plan.planId())).hasMessageContaining("bob changed plan");
        as("grace");
        assertThat(planning.approve(plan.planId()).status()).isEqualTo(PlanStatus.APPROVED);
        assertThat(planning.history(plan.planId()))
                .extracting(PlanStatusChange::to)
                .containsExactly(
                        PlanStatus.DRAFT,
                        PlanStatus.PENDING_APPROVAL,
                        PlanStatus.PENDING_APPROVAL,
                        PlanStatus.APPROVED);
    }

    @Test
    void whoever_created_the_plan_cannot_approve_it_even_if_another_engineer_submitted_it() {
        as("alice");
        PlanDetails plan = planning.propose("eastus", List.of(), null);
        as("bob");
        planning.submit(plan.planId());
        as("alice");
        assertThatThrownBy(() -> planning.approve(plan.planId()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Four eyes: alice created plan");
        assertThat(planning.get(plan.planId()).status()).isEqualTo(PlanStatus.PENDING_APPROVAL);
        as("grace");
        assertThat(planning.approve(plan.planId()).decidedBy()).isEqualTo("grace");
    }

    @Test
    void a_plan_left_pending_beyond_the_approval_window_expires() {
        as("alice");
        PlanDetails plan =
                planning.submit(planning.propose("eastus", List.of(), null).planId());
        simulator.advance(24 * 60 + 5, Actor.SYSTEM);
        planning.expireOverdue();
        PlanDetails expired = planning.get(plan.planId());
        assertThat(expired.status()).isEqualTo(PlanStatus.EXPIRED);
        assertThat(planning.history(plan.planId()))
                .last()
                .satisfies(c -> assertThat(c.actor()).isEqualTo(Actor.SYSTEM));
    }
}
