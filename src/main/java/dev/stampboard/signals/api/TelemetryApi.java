package dev.stampboard.signals.api;

import dev.stampboard.base.Actor;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.security.Role;
import dev.stampboard.signals.ingestion.CpuSampleInput;
import dev.stampboard.signals.ingestion.IngestReport;
import dev.stampboard.signals.ingestion.NodeCpuIngestion;
import dev.stampboard.signals.ingestion.RegistryTrafficIngestion;
import dev.stampboard.signals.ingestion.RegistryTrafficInput;
import java.security.Principal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * DESIGN §11: telemetry from fleets the simulator does not drive. Engineers and machine accounts with
 * the {@code INGEST} role may send it; each refused row comes back with its index and reason, and a
 * body that is not the expected JSON is refused whole (400 problem+json) with nothing stored.
 */
@RestController
@RequestMapping("/api/v1/telemetry")
class TelemetryApi {

    private final NodeCpuIngestion nodeCpu;
    private final RegistryTrafficIngestion registryTraffic;

    TelemetryApi(NodeCpuIngestion nodeCpu, RegistryTrafficIngestion registryTraffic) {
        this.nodeCpu = nodeCpu;
        this.registryTraffic = registryTraffic;
    }

    @PostMapping("/node-cpu")
    @Secured({Role.Authority.ENGINEER, Role.Authority.INGEST}) // not the admin: DESIGN §9 gives it settings and users
    IngestReport nodeCpu(@RequestBody @Nullable NodeCpuRequest body, Principal principal) {
        if (body == null || body.samples() == null) {
            throw new InvalidInputException(
                    "The body must be {\"samples\":[{\"stamp\",\"pool\",\"node\",\"minute\",\"cpu\"}, …]}");
        }
        return nodeCpu.ingest(body.samples(), Actor.user(principal.getName()));
    }

    @PostMapping("/registry-traffic")
    @Secured({Role.Authority.ENGINEER, Role.Authority.INGEST}) // not the admin: DESIGN §9 gives it settings and users
    IngestReport registryTraffic(@RequestBody @Nullable RegistryTrafficRequest body, Principal principal) {
        if (body == null || body.rows() == null) {
            throw new InvalidInputException("The body must be {\"rows\":[{\"registry\",\"region\",\"stamp\",\"minute\","
                    + "\"requests\",\"bytes\",\"throttled\",\"errors\",\"p99Ms\"}, …]}");
        }
        return registryTraffic.ingest(body.rows(), Actor.user(principal.getName()));
    }

    record NodeCpuRequest(@Nullable List<@Nullable CpuSampleInput> samples) {}

    record RegistryTrafficRequest(@Nullable List<@Nullable RegistryTrafficInput> rows) {}
}
