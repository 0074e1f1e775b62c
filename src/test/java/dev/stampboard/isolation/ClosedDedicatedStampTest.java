package dev.stampboard.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stampboard.SpringTest;
import dev.stampboard.base.Actor;
import dev.stampboard.base.TransitionRefused;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.RegistryDeclaration;
import dev.stampboard.planning.IsolationMigrationPlans;
import dev.stampboard.support.TestNames;
import dev.stampboard.support.TestStamps;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A customer's dedicated stamp in a region has one name; once it drains it takes no new replicas, so a request that
 * would move registries onto it is not approved (it would wait for that stamp to become ACTIVE for ever). This class's
 * own region, customer and registry.
 */
class ClosedDedicatedStampTest extends SpringTest {

    private static final TestNames NAMES = TestNames.of(ClosedDedicatedStampTest.class);

    @Autowired
    IsolationIntake intake;

    @Autowired
    IsolationReview review;

    @Autowired
    FleetService fleet;

    @Autowired
    UserDetailsService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_request_onto_a_draining_dedicated_stamp_is_not_approved() {
        String customer = NAMES.customer("co");
        String registry = NAMES.registry("big");
        fleet.declareStamp(NAMES.stamp(1), TestStamps.oneNodePerPool(NAMES.region()), Actor.SYSTEM);
        fleet.declareRegistry(
                registry,
                new RegistryDeclaration(
                        customer, List.of(new RegistryDeclaration.ReplicaDeclaration(NAMES.region(), NAMES.stamp(1)))),
                Actor.SYSTEM);
        String dedicated = IsolationMigrationPlans.dedicatedStampFor(customer, NAMES.region());
        fleet.declareStamp(dedicated, TestStamps.oneNodePerPool(NAMES.region()), Actor.SYSTEM);
        fleet.startDrainingStamp(dedicated, "customer left the dedicated tier", Actor.SYSTEM);

        Requests.as(users, "carol");
        IsolationRequestDetails r = intake.file(Requests.valid(customer, List.of(registry)));
        Requests.as(users, "erin");
        assertThat(review.startReview(r.id()).state()).isEqualTo(IsolationState.IN_REVIEW);
        assertThatThrownBy(() -> review.approve(r.id()))
                .isInstanceOf(TransitionRefused.class)
                .hasMessageContaining(dedicated + " in " + NAMES.region() + " is DRAINING");
        assertThat(review.get(r.id()).state()).as("nothing changed").isEqualTo(IsolationState.IN_REVIEW);
    }
}
