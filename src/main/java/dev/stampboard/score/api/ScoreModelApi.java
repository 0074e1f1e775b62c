package dev.stampboard.score.api;

import dev.stampboard.base.InvalidInputException;
import dev.stampboard.base.NotFoundException;
import dev.stampboard.score.Labelling;
import dev.stampboard.score.ModelCard;
import dev.stampboard.score.ScoreLabellingService;
import dev.stampboard.score.ScoreModelService;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issue 16: the active score model's card, every version, training a new (inactive) version, activating one and
 * pinning weights by hand. Reading takes a viewer; changing takes an admin (checked again in {@link ScoreModelService} and {@link ScoreLabellingService}).
 */
@RestController
@RequestMapping("/api/v1/score-model")
class ScoreModelApi {

    private final ScoreModelService scores;
    private final ScoreLabellingService labelling;
    private final CurrentUser currentUser;

    ScoreModelApi(ScoreModelService scores, ScoreLabellingService labelling, CurrentUser currentUser) {
        this.scores = scores;
        this.labelling = labelling;
        this.currentUser = currentUser;
    }

    @GetMapping
    @Secured(Role.Authority.VIEWER)
    CardJson active() {
        return scores.activeCard().map(CardJson::of).orElseThrow(() -> new NotFoundException(scores.noActiveModel()));
    }

    @GetMapping("/versions")
    @Secured(Role.Authority.VIEWER)
    List<CardJson> versions() {
        return scores.versions().stream().map(CardJson::of).toList();
    }

    @GetMapping("/{version}")
    @Secured(Role.Authority.VIEWER)
    CardJson version(@PathVariable int version) {
        return CardJson.of(scores.card(version));
    }

    @PostMapping("/train")
    @Secured(Role.Authority.ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    CardJson train() {
        return CardJson.of(scores.train(currentUser.actor()));
    }

    @PostMapping("/{version}/activate")
    @Secured(Role.Authority.ADMIN)
    CardJson activate(@PathVariable int version) {
        return CardJson.of(scores.activate(version, currentUser.actor()));
    }

    /** {@code {"weights":{"p95_dataproxy":1.5}}}: the named features take these weights. */
    @PutMapping("/{version}/weights")
    @Secured(Role.Authority.ADMIN)
    CardJson pin(@PathVariable int version, @RequestBody @Nullable PinJson body) {
        if (body == null || body.weights() == null) {
            throw new InvalidInputException("weights: required, e.g. {\"weights\":{\"p95_dataproxy\":1.5}}");
        }
        return CardJson.of(scores.pinWeights(version, body.weights(), currentUser.actor()));
    }

    @DeleteMapping("/{version}/weights")
    @Secured(Role.Authority.ADMIN)
    CardJson unpin(@PathVariable int version) {
        return CardJson.of(scores.unpinWeights(version, currentUser.actor()));
    }

    /** What counts as an incident for the next training (staff read it; admins change it, audited). */
    @GetMapping("/labelling")
    @Secured(Role.Authority.VIEWER)
    Labelling labelling() {
        return labelling.labelling();
    }

    /** {@code {"p99SloMs":1500,"throttlingPercent":1.0,"horizonHours":6}}: used by the next training. */
    @PutMapping("/labelling")
    @Secured(Role.Authority.ADMIN)
    Labelling changeLabelling(@RequestBody @Nullable LabellingJson body) {
        if (body == null) {
            throw new InvalidInputException(
                    "The body must be {\"p99SloMs\":1500,\"throttlingPercent\":1.0,\"horizonHours\":6}");
        }
        return labelling.changeLabelling(
                Labelling.of(body.p99SloMs(), body.throttlingPercent(), body.horizonHours()), currentUser.actor());
    }

    @DeleteMapping("/labelling")
    @Secured(Role.Authority.ADMIN)
    Labelling resetLabelling() {
        return labelling.resetLabelling(currentUser.actor());
    }

    record LabellingJson(
            @Nullable Double p99SloMs,
            @Nullable Double throttlingPercent,
            @Nullable Integer horizonHours) {}

    record PinJson(@Nullable Map<String, Double> weights) {}

    record FeatureJson(
            String name, String label, String unit, double weight, double fittedWeight, double mean, double scale) {}

    record SideJson(
            @Nullable Double auc,
            @Nullable Double precision,
            @Nullable Double recall,
            @Nullable Double leadTimeMinutes,
            int incidents,
            int detected) {
        static SideJson of(ModelCard.Side s) {
            return new SideJson(s.auc(), s.precision(), s.recall(), s.leadTimeMinutes(), s.incidents(), s.detected());
        }
    }

    record EvaluationJson(
            @Nullable Double auc,
            @Nullable Double precision,
            @Nullable Double recall,
            @Nullable Double leadTimeMinutes,
            int incidents,
            int detected,
            double operatingScore,
            String heldOut,
            long rows,
            long positives,
            @Nullable Double recallAtBaselinePrecision,
            @Nullable Double precisionAtBaselineRecall,
            @Nullable String operatingScoreChoice,
            SideJson baseline) {}

    record CardJson(
            int version,
            Instant trainedAt,
            String trainedBy,
            String status,
            @Nullable Instant activatedAt,
            @Nullable String activatedBy,
            boolean pinned,
            double intercept,
            List<FeatureJson> features,
            ModelCard.Training training,
            EvaluationJson evaluation) {
        static CardJson of(ModelCard c) {
            ModelCard.Evaluated e = c.evaluation();
            ModelCard.Side m = e.model();
            return new CardJson(
                    c.version(),
                    c.trainedAt(),
                    c.trainedBy(),
                    c.status().name(),
                    c.activatedAt(),
                    c.activatedBy(),
                    c.pinned(),
                    c.intercept(),
                    c.features().stream()
                            .map(f -> new FeatureJson(
                                    f.name(), f.label(), f.unit(), f.weight(), f.fittedWeight(), f.mean(), f.scale()))
                            .toList(),
                    c.training(),
                    new EvaluationJson(
                            m.auc(),
                            m.precision(),
                            m.recall(),
                            m.leadTimeMinutes(),
                            m.incidents(),
                            m.detected(),
                            e.operatingScore(),
                            e.heldOut(),
                            e.rows(),
                            e.positives(),
                            e.modelRecallAtBaselinePrecision(),
                            e.modelPrecisionAtBaselineRecall(),
                            e.operatingScoreChoice(),
                            SideJson.of(e.baseline())));
        }
    }
}
