package dev.stampboard.cutover.api;

import dev.stampboard.base.NotFoundException;
import dev.stampboard.base.ReasonRequest;
import dev.stampboard.cutover.CutoverService;
import dev.stampboard.cutover.MoveRunDetails;
import dev.stampboard.cutover.MoveStep;
import dev.stampboard.cutover.PlanRunDetails;
import dev.stampboard.planning.PlanId;
import dev.stampboard.security.Role;
import jakarta.validation.Valid;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * DESIGN §11: a plan's execution — start, pause, resume, roll back — and the migration monitor's
 * data (moves with state, progress, verdict and evidence; the step journal), through the same
 * service and role checks as the monitor screen.
 */
@RestController
class ExecutionApi {

    private final CutoverService cutover;

    ExecutionApi(CutoverService cutover) {
        this.cutover = cutover;
    }

    @PostMapping("/api/v1/plans/{id}/start")
    PlanRunDetails start(@PathVariable String id, @RequestBody(required = false) @Nullable StartRequest body) {
        return cutover.start(PlanId.of(id), body != null && Boolean.TRUE.equals(body.autoRollback()));
    }

    @PostMapping("/api/v1/plans/{id}/pause")
    PlanRunDetails pause(@PathVariable String id, @RequestBody(required = false) @Valid @Nullable ReasonRequest body) {
        return cutover.pause(PlanId.of(id), ReasonRequest.of(body));
    }

    @PostMapping("/api/v1/plans/{id}/resume")
    PlanRunDetails resume(@PathVariable String id) {
        return cutover.resume(PlanId.of(id));
    }

    @PostMapping("/api/v1/plans/{id}/rollback")
    PlanRunDetails rollback(
            @PathVariable String id, @RequestBody(required = false) @Valid @Nullable ReasonRequest body) {
        return cutover.rollback(PlanId.of(id), ReasonRequest.of(body));
    }

    @GetMapping("/api/v1/plans/{id}/execution")
    @Secured(Role.Authority.VIEWER)
    ExecutionJson execution(@PathVariable String id) {
        PlanRunDetails run = cutover.run(PlanId.of(id))
                .orElseThrow(() -> new NotFoundException("Plan " + id + " has not been started"));
        return new ExecutionJson(run, cutover.moves(PlanId.of(id)), cutover.steps(PlanId.of(id)));
    }

    @GetMapping("/api/v1/migrations")
    @Secured(Role.Authority.VIEWER)
    List<PlanRunDetails> migrations() {
        return cutover.runs();
    }

    record StartRequest(@Nullable Boolean autoRollback) {}

    record ExecutionJson(PlanRunDetails plan, List<MoveRunDetails> moves, List<MoveStep> steps) {}
}
