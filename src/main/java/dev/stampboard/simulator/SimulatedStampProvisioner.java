package dev.stampboard.simulator;

import dev.stampboard.base.Actor;
import dev.stampboard.fleet.DedicatedStampSpec;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.StampDeclaration;
import dev.stampboard.fleet.StampKind;
import dev.stampboard.fleet.StampProvisioner;
import dev.stampboard.fleet.StampStatus;
import dev.stampboard.simulator.model.NodeNames;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The embedded {@link StampProvisioner}: declares the dedicated stamp {@code PROVISIONING} at once and
 * activates it {@code provisioning-minutes} of simulated time later, when the simulator starts
 * generating its telemetry. The ready minute is stored, so a restart does not forget a stamp half-built.
 */
@Component
@ConditionalOnProperty(name = "stampboard.simulator.enabled", havingValue = "true", matchIfMissing = true)
class SimulatedStampProvisioner implements StampProvisioner {

    private static final Actor ACTOR = Actor.system("simulator");

    private final FleetService fleet;
    private final JdbcClient jdbc;
    private final SimulatedClock clock;
    private final SimulatorProperties properties;
    private final TransactionTemplate transactions;

    SimulatedStampProvisioner(
            FleetService fleet,
            JdbcClient jdbc,
            java.time.Clock clock,
            SimulatorProperties properties,
            TransactionTemplate transactions) {
        this.fleet = fleet;
        this.jdbc = jdbc;
        this.clock = (SimulatedClock) clock;
        this.properties = properties;
        this.transactions = transactions;
    }

    @Override
    @Transactional
    public void provision(DedicatedStampSpec spec) {
        if (fleet.stamp(spec.stamp()).isPresent()) {
            return;
        }
        List<StampDeclaration.PoolDeclaration> pools = new ArrayList<>();
        pools.add(new StampDeclaration.PoolDeclaration(
                PoolKind.REGISTRY, NodeNames.nodes(PoolKind.REGISTRY, spec.registryNodes()), spec.registryNodes()));
        pools.add(new StampDeclaration.PoolDeclaration(
                PoolKind.DATAPROXY, NodeNames.nodes(PoolKind.DATAPROXY, spec.dataproxyNodes()), spec.dataproxyNodes()));
        List<String> accounts = IntStream.rangeClosed(1, spec.storageAccounts())
                .mapToObj(i -> spec.stamp().replace("-", "") + "sa" + String.format("%02d", i))
                .map(a -> a.length() <= 24 ? a : a.substring(a.length() - 24))
                .toList();
        fleet.declareStamp(
                spec.stamp(),
                new StampDeclaration(spec.region(), StampKind.DEDICATED, StampStatus.PROVISIONING, pools, accounts),
                Actor.system(spec.requestedBy()));
        jdbc.sql("insert into simulated_provisioning (stamp, ready_minute) values (?, ?)")
                .params(spec.stamp(), clock.minute() + properties.provisioningMinutes())
                .update();
    }

    /**
     * Called by the simulator every minute: stamps whose time has come become ACTIVE. Nearly every minute has none
     * due, and finds that with one read outside any transaction: a transaction every simulated minute (begin, the
     * transaction manager's lookup, commit) was more than half of this call's cost, about 2 % of the scenario JVM's
     * CPU samples. The activation itself reads again and writes in one transaction, as before.
     */
    void activateReady(long minute) {
        if (due(minute).isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            for (String stamp : due(minute)) {
                fleet.activateStamp(stamp, ACTOR);
                jdbc.sql("delete from simulated_provisioning where stamp = ?")
                        .param(stamp)
                        .update();
            }
        });
    }

    private List<String> due(long minute) {
        return jdbc.sql("select stamp from simulated_provisioning where ready_minute <= ?")
                .param(minute)
                .query(String.class)
                .list();
    }
}
