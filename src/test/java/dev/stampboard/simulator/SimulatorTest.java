package dev.stampboard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stampboard.SpringTest;
import dev.stampboard.base.Actor;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.RegistryInfo;
import dev.stampboard.security.Role;
import dev.stampboard.signals.SignalsService;
import dev.stampboard.simulator.model.ReplicaLayout;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

class SimulatorTest extends SpringTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    FleetService fleet;

    @Autowired
    SignalsService signals;

    @Test
    void advance_moves_the_simulated_clock_by_exactly_the_minutes_asked() {
        JsonNode before = rest.withBasicAuth("dave", "dave-pw").getForObject("/api/v1/simulator", JsonNode.class);
        ResponseEntity<JsonNode> after = rest.withBasicAuth("alice", "alice-pw")
                .postForEntity("/api/v1/simulator/advance", Map.of("minutes", 15), JsonNode.class);
        assertThat(after.getStatusCode()).isEqualTo(HttpStatus.OK);
        long delta = java.time.Duration.between(
                        java.time.Instant.parse(before.get("now").asText()),
                        java.time.Instant.parse(after.getBody().get("now").asText()))
                .toMinutes();
        assertThat(delta).isEqualTo(15);
        assertThat(signals.nowMinute() * 60)
                .isEqualTo(java.time.Instant.parse(after.getBody().get("now").asText())
                        .getEpochSecond());
    }

    @Test
    void advance_refuses_nonsense_and_viewers() {
        assertThat(rest.withBasicAuth("alice", "alice-pw")
                        .postForEntity("/api/v1/simulator/advance", Map.of("minutes", 0), JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rest.withBasicAuth("dave", "dave-pw")
                        .postForEntity("/api/v1/simulator/advance", Map.of("minutes", 5), JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Autowired
    SimulatorService simulator;

    /**
     * The role check is in the service, not only on the API: a viewer signed in, or a person who is not the one signed
     * in, is refused and the clock does not move; an engineer signed in may advance it.
     */
    @Test
    void the_service_refuses_to_advance_for_anyone_but_an_engineer_or_admin() {
        java.time.Instant before = simulator.now();
        try {
            signIn("dave", Role.Authority.VIEWER);
            assertThatThrownBy(() -> simulator.advance(5, Actor.user("dave")))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("dave may not do this");
            signIn("dave", Role.Authority.VIEWER);
            assertThatThrownBy(() -> simulator.advance(5, Actor.user("alice")))
                    .as("acting for someone else than the signed-in user")
                    .isInstanceOf(AccessDeniedException.class);
            SecurityContextHolder.clearContext();
            assertThatThrownBy(() -> simulator.advance(5, Actor.user("alice")))
                    .as("nobody signed in")
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(simulator.now()).isEqualTo(before);

            signIn("alice", Role.Authority.ENGINEER);
            assertThat(simulator.advance(1, Actor.user("alice")).now()).isEqualTo(before.plusSeconds(60));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static void signIn(String user, String authority) {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(user, "n/a", authority));
    }

    private static final dev.stampboard.support.TestNames NAMES =
            dev.stampboard.support.TestNames.of(SimulatorTest.class);

    /**
     * Issue 18: the arrival that warms the destination's caches comes from the stored history, with its minute from the
     * simulated clock: the move written in minute m is generated from m + 1, and another instance reading the same
     * store (a {@link StoredArrivals} of its own) sees the same arrival. On stamps of its own, so the seed's registries
     * stay where the seed put them for the other classes (that a moved replica's traffic and CPU go with it is the
     * model's: {@code FleetTrafficModelTest}; end to end, the scenario tests' cutovers).
     */
    @Test
    void a_moved_replica_arrives_in_the_minute_after_its_stored_change_on_every_instance() {
        fleet.declareStamp(
                NAMES.stamp(1), dev.stampboard.support.TestStamps.oneNodePerPool(NAMES.region()), Actor.SYSTEM);
        fleet.declareStamp(
                NAMES.stamp(2), dev.stampboard.support.TestStamps.oneNodePerPool(NAMES.region()), Actor.SYSTEM);
        String registry = NAMES.registry("moved");
        fleet.declareRegistry(
                registry,
                new dev.stampboard.fleet.RegistryDeclaration(
                        NAMES.customer("co"),
                        java.util.List.of(new dev.stampboard.fleet.RegistryDeclaration.ReplicaDeclaration(
                                NAMES.region(), NAMES.stamp(1)))),
                Actor.SYSTEM);
        simulator.advance(1, Actor.SYSTEM); // stamps declared in a minute report from the next one
        assertThat(replicaIn(simulator.currentLayout(), registry).arrivedMinute())
                .as("a first placement is warm")
                .isEqualTo(ReplicaLayout.ALWAYS);

        long written = simulator.now().getEpochSecond() / 60;
        fleet.rehome(
                dev.stampboard.fleet.RegistryName.of(registry),
                dev.stampboard.fleet.RegionName.of(NAMES.region()),
                dev.stampboard.fleet.StampName.of(NAMES.stamp(2)),
                "arrival test",
                Actor.SYSTEM);
        assertThat(replicaIn(simulator.currentLayout(), registry).homeStamp())
                .as("the minute the move was written in stays on the source")
                .isEqualTo(NAMES.stamp(1));
        simulator.advance(1, Actor.SYSTEM);
        assertThat(replicaIn(simulator.currentLayout(), registry))
                .isEqualTo(new ReplicaLayout(registry, NAMES.region(), NAMES.stamp(2), written + 1));
        assertThat(fleet.homeStampHistory(registry))
                .last()
                .satisfies(c -> assertThat(c.fromStamp()).isEqualTo(NAMES.stamp(1)))
                .satisfies(c -> assertThat(c.toStamp()).isEqualTo(NAMES.stamp(2)));

        StoredArrivals another = new StoredArrivals(() -> fleet.homeStampTimeline()::changes);
        java.util.Set<String> serving = java.util.Set.of(NAMES.stamp(1), NAMES.stamp(2));
        java.util.List<RegistryInfo> inventory =
                java.util.List.of(fleet.registry(registry).orElseThrow());
        assertThat(another.replicas(inventory, serving, written + 90))
                .containsExactly(new ReplicaLayout(registry, NAMES.region(), NAMES.stamp(2), written + 1));
        assertThat(another.replicas(inventory, serving, written - 5))
                .as("a back-filled minute before the move")
                .containsExactly(new ReplicaLayout(registry, NAMES.region(), NAMES.stamp(1), ReplicaLayout.ALWAYS));
    }

    /**
     * Issue 18: a resize counts from the minute after it was written, on this instance and on another reading the same
     * store (a {@link StoredStamps} of its own), which also has the stamp's minutes before it with the old nodes.
     */
    @Test
    void a_resized_pool_has_its_old_nodes_until_the_minute_after_the_resize_on_every_instance() {
        String stamp = NAMES.stamp(3);
        fleet.declareStamp(stamp, dev.stampboard.support.TestStamps.oneNodePerPool(NAMES.region()), Actor.SYSTEM);
        long declared = simulator.now().getEpochSecond() / 60;
        simulator.advance(1, Actor.SYSTEM);
        long written = declared + 1;
        fleet.resizePool(stamp, PoolKind.REGISTRY, java.util.List.of("rg-000", "rg-001"), 1, Actor.SYSTEM);
        assertThat(registryNodesOf(simulator.currentLayout().stamps(), stamp))
                .as("the minute the resize was written in")
                .containsExactly("rg-000");
        simulator.advance(1, Actor.SYSTEM);
        assertThat(registryNodesOf(simulator.currentLayout().stamps(), stamp)).containsExactly("rg-000", "rg-001");

        StoredStamps another = new StoredStamps(fleet::stampStateTimeline);
        Map<String, java.time.ZoneId> zones = new java.util.HashMap<>();
        fleet.regions().forEach(r -> zones.put(r.name(), r.zone()));
        assertThat(another.reporting(fleet.stamps(), zones, declared))
                .as("before the minute after its declaration")
                .noneMatch(s -> s.name().equals(stamp));
        assertThat(registryNodesOf(another.reporting(fleet.stamps(), zones, written), stamp))
                .as("a back-filled minute before the resize")
                .containsExactly("rg-000");
        assertThat(registryNodesOf(another.reporting(fleet.stamps(), zones, written + 1), stamp))
                .containsExactly("rg-000", "rg-001");
    }

    private static java.util.List<String> registryNodesOf(
            java.util.List<dev.stampboard.simulator.model.StampLayout> stamps, String stamp) {
        return stamps.stream()
                .filter(s -> s.name().equals(stamp))
                .findFirst()
                .orElseThrow()
                .registryNodes();
    }

    private static ReplicaLayout replicaIn(dev.stampboard.simulator.model.FleetLayout layout, String registry) {
        return layout.replicas().stream()
                .filter(r -> r.registry().equals(registry))
                .findFirst()
                .orElseThrow();
    }
}
