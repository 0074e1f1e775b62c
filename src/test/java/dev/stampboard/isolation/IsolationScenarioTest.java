package dev.stampboard.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import dev.stampboard.SpringTest;
import dev.stampboard.audit.AuditLog;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.fleet.StampKind;
import dev.stampboard.fleet.StampStatus;
import dev.stampboard.planning.PlanMove;
import dev.stampboard.planning.PlanStatus;
import dev.stampboard.planning.PlanView;
import dev.stampboard.planning.PlanningService;
import dev.stampboard.simulator.SimulatorService;

/**
 * DESIGN §6 end to end on the accelerated clock (the test profile's simulator only moves when told):
 * a customer's request → support's approval → the dedicated stamp provisioned and ACTIVE → the
 * migration plan opened and pending an engineer's approval → the plan completes → DONE.
 */
class IsolationScenarioTest extends SpringTest {

    @Autowired
    IsolationService isolation;
    @Autowired
    PlanningService planning;
    @Autowired
    FleetService fleet;
    @Autowired
    SimulatorService simulator;
    @Autowired
    UserDetailsService users;
    @Autowired
    AuditLog audit;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void request_approval_provisioning_plan_and_completion() {
        // 1. the customer files for two of its big registries
        Requests.as(users, "frank");
        IsolationRequestView filed = isolation.file(Requests.valid());
        List<String> homes = filed.registries().stream()
                .map(r -> fleet.registry(r).orElseThrow().homeStamp("eastus").orElseThrow()).toList();

        // 2. support reviews and approves: the dedicated stamp is asked for at once
        Requests.as(users, "carol");
        isolation.startReview(filed.id());
        IsolationRequestView approved = isolation.approve(filed.id());
        String stamp = approved.dedicatedStamp();
        assertThat(stamp).isEqualTo("ded-openmind-ai-eastus");
        assertThat(fleet.stamp(stamp)).as("declared by the provisioner").isPresent();

        // 3. simulated time passes until the stamp is ACTIVE; the request becomes READY and opens its plan
        Requests.as(users, "dave"); // a viewer watches; the automatic steps run as the system
        for (int minute = 0; minute < 120 && isolation.get(filed.id()).state() != IsolationState.MIGRATING; minute += 5) {
            simulator.advance(5);
            isolation.progress(filed.id());
        }
        StampInfo dedicated = fleet.stamp(stamp).orElseThrow();
        assertThat(dedicated.kind()).isEqualTo(StampKind.DEDICATED);
        assertThat(dedicated.status()).isEqualTo(StampStatus.ACTIVE);
        IsolationRequestView migrating = isolation.get(filed.id());
        assertThat(migrating.state()).isEqualTo(IsolationState.MIGRATING);
        assertThat(migrating.planId()).isNotNull();

        // 4. the plan moves each registry from its home stamp onto the dedicated stamp, phased and predicted,
        //    pending an engineer's approval like any plan
        PlanView plan = planning.get(migrating.planId());
        assertThat(plan.status()).isEqualTo(PlanStatus.PENDING_APPROVAL);
        assertThat(plan.submittedBy()).isEqualTo("system");
        assertThat(plan.moves()).extracting(PlanMove::registry).containsExactlyInAnyOrderElementsOf(filed.registries());
        assertThat(plan.moves()).extracting(PlanMove::toStamp).containsOnly(stamp);
        assertThat(plan.moves()).extracting(PlanMove::fromStamp).containsExactlyInAnyOrderElementsOf(homes);
        assertThat(plan.moves()).allSatisfy(m -> assertThat(m.phase()).isBetween(1, 3));
        assertThat(plan.predictions()).anySatisfy(p -> {
            assertThat(p.stamp()).isIn(homes);
            assertThat(p.afterP95()).isLessThan(p.beforeP95());
        });
        assertThat(plan.predictions()).anySatisfy(p -> assertThat(p.stamp()).isEqualTo(stamp));
        assertThat(isolation.history(filed.id())).extracting(IsolationStateChange::to).containsExactly(
                IsolationState.SUBMITTED, IsolationState.IN_REVIEW, IsolationState.APPROVED, IsolationState.PROVISIONING,
                IsolationState.READY, IsolationState.MIGRATING);
        assertThat(audit.search("system", "ISOLATION_MIGRATING", filed.id(), null, 5)).hasSize(1);

        // 5. an engineer approves the plan (four eyes: the system submitted it)
        Requests.as(users, "bob");
        assertThat(planning.approve(plan.id()).status()).isEqualTo(PlanStatus.APPROVED);

        // ---- the lead's executor takes over here (issue 5): replace the two stand-in lines below with
        //      the real execution on the simulated clock, then assert that the registries' home stamp is
        //      the dedicated stamp and that the shared stamps they left show a lower hot-node P95.
        planning.startExecution(plan.id(), "executor");
        planning.finishExecution(plan.id(), PlanStatus.COMPLETED, "executor", "every move validated");

        // 6. the plan's completion (PlanFinished) takes the request to DONE
        IsolationRequestView done = isolation.get(filed.id());
        assertThat(done.state()).isEqualTo(IsolationState.DONE);
        assertThat(audit.search("system", "ISOLATION_DONE", filed.id(), null, 5)).hasSize(1);
    }
}
