package dev.stampboard.planning.api;

import dev.stampboard.base.InputLimits;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.base.ReasonRequest;
import dev.stampboard.planning.PlanDetails;
import dev.stampboard.planning.PlanId;
import dev.stampboard.planning.PlanMove;
import dev.stampboard.planning.PlanStatus;
import dev.stampboard.planning.PlanStatusChange;
import dev.stampboard.planning.PlanningService;
import dev.stampboard.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** DESIGN §11: plans — create, read, submit, approve, reject — through the same service and rules as the UI. */
@RestController
@RequestMapping("/api/v1/plans")
class PlansApi {

    private final PlanningService planning;

    PlansApi(PlanningService planning) {
        this.planning = planning;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PlanJson create(@RequestBody @Valid @Nullable CreatePlanRequest body) {
        if (body == null || body.region() == null || body.region().isBlank()) {
            throw new InvalidInputException(
                    "The body must name a region: {\"region\":\"eastus\"} (optional \"stamps\":[…])");
        }
        return json(planning.propose(body.region(), body.stamps() == null ? List.of() : body.stamps(), null));
    }

    @GetMapping
    @Secured(Role.Authority.VIEWER)
    List<PlanJson> list(@RequestParam(required = false) @Nullable PlanStatus status) {
        return planning.list(status).stream().map(this::json).toList();
    }

    @GetMapping("/{id}")
    @Secured(Role.Authority.VIEWER)
    PlanJson get(@PathVariable String id) {
        return json(planning.get(PlanId.of(id)));
    }

    @GetMapping("/{id}/moves")
    @Secured(Role.Authority.VIEWER)
    List<PlanJson.MoveJson> moves(@PathVariable String id) {
        return json(planning.get(PlanId.of(id))).moves();
    }

    @GetMapping("/{id}/history")
    @Secured(Role.Authority.VIEWER)
    List<PlanStatusChange> history(@PathVariable String id) {
        return planning.history(PlanId.of(id));
    }

    @GetMapping("/{id}/report")
    @Secured(Role.Authority.VIEWER)
    ReportJson report(@PathVariable String id) {
        return new ReportJson(planning.report(PlanId.of(id)));
    }

    record ReportJson(List<dev.stampboard.planning.ReportRow> rows) {}

    @PostMapping("/{id}/submit")
    PlanJson submit(@PathVariable String id) {
        return json(planning.submit(PlanId.of(id)));
    }

    @PostMapping("/{id}/approve")
    PlanJson approve(@PathVariable String id) {
        return json(planning.approve(PlanId.of(id)));
    }

    @PostMapping("/{id}/reject")
    PlanJson reject(@PathVariable String id, @RequestBody(required = false) @Valid @Nullable ReasonRequest body) {
        return json(planning.reject(PlanId.of(id), ReasonRequest.of(body)));
    }

    @PostMapping("/{id}/refresh")
    PlanJson refresh(@PathVariable String id) {
        return json(planning.refresh(PlanId.of(id)));
    }

    /** A plan as JSON, with each move's state as the cutover engine reports it. */
    private PlanJson json(PlanDetails plan) {
        return PlanJson.of(plan, planning.moveStates(plan));
    }

    record CreatePlanRequest(
            @Size(max = InputLimits.NAME, message = "at most {max} characters") @Nullable
            String region,

            @Size(max = InputLimits.LIST, message = "at most {max} stamps") @Nullable
            List<
                            @NotNull(message = "a stamp name, not null")
                            @Size(max = InputLimits.NAME, message = "at most {max} characters") String>
                    stamps) {}

    record PlanJson(
            String id,
            String status,
            String region,
            List<String> stamps,
            String createdBy,
            @Nullable String submittedBy,
            @Nullable String decidedBy,
            @Nullable String decisionReason,
            boolean stale,
            List<MoveJson> moves,
            List<IsolationJson> isolation,
            List<PredictionJson> predictions,
            List<EvidenceJson> evidence,
            List<TriggerJson> triggeredBy,
            String notes) {

        static PlanJson of(PlanDetails p, List<String> moveStates) {
            return new PlanJson(
                    p.id(),
                    p.status().name(),
                    p.region(),
                    p.sourceStamps(),
                    p.createdBy(),
                    p.submittedBy(),
                    p.decidedBy(),
                    p.decisionReason(),
                    p.stale(),
                    java.util.stream.IntStream.range(0, p.moves().size())
                            .mapToObj(i -> MoveJson.of(p.moves().get(i), moveStates.get(i)))
                            .toList(),
                    p.isolations().stream()
                            .map(i -> new IsolationJson(
                                    i.registry(),
                                    i.fromStamp(),
                                    i.reason(),
                                    new SizingJson(
                                            i.registryNodes(),
                                            i.dataproxyNodes(),
                                            i.storageAccounts(),
                                            i.arithmetic())))
                            .toList(),
                    p.predictions().stream()
                            .map(x -> new PredictionJson(x.stamp(), x.pool(), x.beforeP95(), x.afterP95()))
                            .toList(),
                    p.evidence().stream()
                            .map(e -> new EvidenceJson(e.stamp(), e.pool(), e.p95(), e.state()))
                            .toList(),
                    p.triggeredBy().stream()
                            .map(t -> new TriggerJson(
                                    t.stamp(),
                                    t.kind().name(),
                                    t.detail(),
                                    java.time.Instant.ofEpochSecond(t.sinceMinute() * 60),
                                    t.signalValue(),
                                    t.threshold()))
                            .toList(),
                    p.notes());
        }

        record MoveJson(
                String registry,
                String region,
                String from,
                String to,
                int phase,
                int batch,
                int observationHours,
                String state,
                String explanation,
                List<String> rejectedAlternatives) {
            static MoveJson of(PlanMove m, String state) {
                return new MoveJson(
                        m.registry(),
                        m.region(),
                        m.fromStamp(),
                        m.toStamp(),
                        m.phase(),
                        m.batch(),
                        m.observationHours(),
                        state,
                        m.whyRegistry() + " " + m.whyDestination(),
                        m.rejected().isBlank()
                                ? List.of()
                                : List.of(m.rejected().split("\n")));
            }
        }

        record IsolationJson(String registry, String from, String reason, SizingJson sizing) {}

        record SizingJson(int registryNodes, int dataproxyNodes, int storageAccounts, String arithmetic) {}

        record PredictionJson(String stamp, String pool, double before, double after) {}

        /** Which signal triggered a source stamp: P95, REACTIVE or SCORE, its value and its rule's threshold. */
        record TriggerJson(
                String stamp,
                String signal,
                String detail,
                java.time.Instant since,
                @Nullable Double value,
                @Nullable Double threshold) {}

        record EvidenceJson(
                String stamp, String pool, @Nullable Double p95, String state) {}
    }
}
