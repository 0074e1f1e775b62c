package dev.stampboard.capacity.change.api;

import dev.stampboard.base.InputLimits;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.base.ReasonRequest;
import dev.stampboard.capacity.change.CapacityChangeDetails;
import dev.stampboard.capacity.change.CapacityChangeService;
import dev.stampboard.capacity.change.ChangeStep;
import dev.stampboard.capacity.change.NewCapacityChange;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.security.Role;
import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issue 17 item 6: capacity changes over HTTP — propose, read, approve, reject, start, roll back — through the
 * same service, role checks and audit entries as the screens. A refused step answers 409.
 */
@RestController
@RequestMapping("/api/v1/capacity/changes")
class CapacityChangesApi {

    private final CapacityChangeService changes;

    CapacityChangesApi(CapacityChangeService changes) {
        this.changes = changes;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ChangeJson propose(@RequestBody @Valid @Nullable ProposeRequest body) {
        if (body == null) {
            throw new InvalidInputException(
                    "The body must name the pool and its new size: {\"stamp\":\"eus-s01\",\"pool\":\"DATAPROXY\","
                            + "\"toInstances\":30,\"toMinimum\":30,\"reason\":\"…\"}");
        }
        String stamp = required(body.stamp(), "stamp");
        String reason = required(body.reason(), "reason");
        if (body.pool() == null) {
            throw new InvalidInputException("pool: REGISTRY or DATAPROXY is required");
        }
        if (body.toInstances() == null) {
            throw new InvalidInputException("toInstances: the pool's new instance count is required");
        }
        return json(changes.propose(new NewCapacityChange(
                stamp,
                body.pool(),
                body.toInstances(),
                body.toMinimum(),
                reason,
                body.recommendation(),
                body.predictedP95())));
    }

    @GetMapping
    @Secured(Role.Authority.VIEWER)
    List<CapacityChangeDetails> list() {
        return changes.list();
    }

    @GetMapping("/{id}")
    @Secured(Role.Authority.VIEWER)
    ChangeJson get(@PathVariable String id) {
        return json(changes.get(id));
    }

    @PostMapping("/{id}/approve")
    ChangeJson approve(@PathVariable String id) {
        return json(changes.approve(id));
    }

    @PostMapping("/{id}/reject")
    ChangeJson reject(@PathVariable String id, @RequestBody(required = false) @Valid @Nullable ReasonRequest body) {
        return json(changes.reject(id, ReasonRequest.of(body)));
    }

    @PostMapping("/{id}/start")
    ChangeJson start(@PathVariable String id) {
        return json(changes.start(id));
    }

    @PostMapping("/{id}/rollback")
    ChangeJson rollback(@PathVariable String id, @RequestBody(required = false) @Valid @Nullable ReasonRequest body) {
        return json(changes.rollback(id, ReasonRequest.of(body)));
    }

    private ChangeJson json(CapacityChangeDetails change) {
        return new ChangeJson(change, change.predictionErrorPp(), changes.steps(change.id()));
    }

    private static String required(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field + " is required");
        }
        return value;
    }

    record ProposeRequest(
            @Size(max = InputLimits.NAME, message = "at most {max} characters") @Nullable
            String stamp,

            @Nullable PoolKind pool,
            @Nullable Integer toInstances,
            @Nullable Integer toMinimum,

            @Size(max = InputLimits.TEXT, message = "at most {max} characters") @Nullable
            String reason,

            @Size(max = 256, message = "at most {max} characters") @Nullable
            String recommendation,

            @Nullable Double predictedP95) {}

    /** The change, its prediction error once judged, and its step journal. */
    record ChangeJson(
            @com.fasterxml.jackson.annotation.JsonUnwrapped CapacityChangeDetails change,
            @Nullable Double predictionErrorPp,
            List<ChangeStep> steps) {}
}
