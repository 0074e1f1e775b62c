package dev.stampboard.isolation.api;

import dev.stampboard.base.InputLimits;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.base.ReasonRequest;
import dev.stampboard.isolation.DedicatedSizing;
import dev.stampboard.isolation.IsolationIntake;
import dev.stampboard.isolation.IsolationRequestDetails;
import dev.stampboard.isolation.IsolationReview;
import dev.stampboard.isolation.IsolationState;
import dev.stampboard.isolation.IsolationStateChange;
import dev.stampboard.isolation.NewIsolationRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * DESIGN §11: isolation tickets — file, list, read, and the review workflow — through the same
 * service, role checks and audit entries as the console.
 */
@RestController
@RequestMapping("/api/v1/isolation-requests")
class IsolationRequestsApi {

    private final IsolationIntake intake;
    private final IsolationReview review;

    IsolationRequestsApi(IsolationIntake intake, IsolationReview review) {
        this.intake = intake;
        this.review = review;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    RequestJson file(@RequestBody @Valid @Nullable NewIsolationRequest body) {
        if (body == null) {
            throw new InvalidInputException("The body must describe the request: {\"customer\":\"contoso-ai\","
                    + "\"registries\":[…],\"expectedPeakQps\":20000,\"peakThroughputGbps\":40,\"dataVolumeTb\":300,"
                    + "\"justification\":\"…\",\"wantedBy\":\"2026-12-15\"}");
        }
        return RequestJson.of(intake.file(body));
    }

    @GetMapping
    List<RequestJson> list(@RequestParam(required = false) @Nullable IsolationState state) {
        return review.list(state).stream().map(RequestJson::of).toList();
    }

    @GetMapping("/{id}")
    RequestJson get(@PathVariable String id) {
        return RequestJson.of(review.get(id));
    }

    @GetMapping("/{id}/history")
    List<IsolationStateChange> history(@PathVariable String id) {
        return review.history(id);
    }

    @PostMapping("/{id}/review")
    RequestJson review(@PathVariable String id) {
        return RequestJson.of(review.startReview(id));
    }

    @PostMapping("/{id}/needs-info")
    RequestJson needsInfo(@PathVariable String id, @RequestBody(required = false) @Valid @Nullable QuestionJson body) {
        return RequestJson.of(review.askForInformation(id, body == null ? null : body.question()));
    }

    @PostMapping("/{id}/answer")
    RequestJson answer(@PathVariable String id, @RequestBody(required = false) @Valid @Nullable AnswerJson body) {
        return RequestJson.of(review.answer(id, body == null ? null : body.answer()));
    }

    @PostMapping("/{id}/approve")
    RequestJson approve(@PathVariable String id) {
        return RequestJson.of(review.approve(id));
    }

    @PostMapping("/{id}/reject")
    RequestJson reject(@PathVariable String id, @RequestBody(required = false) @Valid @Nullable ReasonRequest body) {
        return RequestJson.of(review.reject(id, ReasonRequest.of(body)));
    }

    record QuestionJson(
            @Size(max = InputLimits.TEXT, message = "at most {max} characters") @Nullable
            String question) {}

    record AnswerJson(
            @Size(max = InputLimits.TEXT, message = "at most {max} characters") @Nullable
            String answer) {}

    record RequestJson(
            String id,
            String state,
            String customer,
            String region,
            List<String> registries,
            long expectedPeakQps,
            double peakThroughputGbps,
            double dataVolumeTb,
            String justification,
            LocalDate wantedBy,
            String requestedBy,
            Instant requestedAt,
            SizingJson sizing,
            @Nullable String question,
            @Nullable String answer,
            @Nullable String decidedBy,
            @Nullable String decisionReason,
            @Nullable String dedicatedStamp,
            @Nullable String planId) {

        static RequestJson of(IsolationRequestDetails r) {
            DedicatedSizing s = r.sizing();
            return new RequestJson(
                    r.id(),
                    r.state().name(),
                    r.customer(),
                    r.region(),
                    r.registries(),
                    r.expectedPeakQps(),
                    r.peakThroughputGbps(),
                    r.dataVolumeTb(),
                    r.justification(),
                    r.wantedBy(),
                    r.requestedBy(),
                    r.requestedAt(),
                    new SizingJson(s.registryNodes(), s.dataproxyNodes(), s.storageAccounts(), s.arithmetic()),
                    r.question(),
                    r.answer(),
                    r.decidedBy(),
                    r.decisionReason(),
                    r.dedicatedStamp(),
                    r.planId());
        }
    }

    record SizingJson(int registryNodes, int dataproxyNodes, int storageAccounts, String arithmetic) {}
}
