package dev.stampboard.planning;

import dev.stampboard.planning.engine.Plan;
import dev.stampboard.planning.engine.PlanningSettings;
import dev.stampboard.planning.engine.Relief;
import java.util.List;

/**
 * What the wizard shows and submits: the plan exactly as it would be stored (every move, the dedicated
 * stamps' followers included, phases, batches, predictions and notes), plus the planner's raw answer
 * for the choices still open (destinations and their rejected alternatives). Only
 * {@link PlanComputation} makes one, so a submitted draft is one the planning module computed.
 */
public final class PlanDraft {

    private final String region;
    private final List<String> sourceStamps;
    private final PlanningSettings settings;
    private final Plan engine;
    private final RebalancePlan.Computation computation;
    private final List<String> dedicatedStamps;

    PlanDraft(
            String region,
            List<String> sourceStamps,
            PlanningSettings settings,
            Plan engine,
            RebalancePlan.Computation computation,
            List<String> dedicatedStamps) {
        this.dedicatedStamps = List.copyOf(dedicatedStamps);
        this.region = region;
        this.sourceStamps = List.copyOf(sourceStamps);
        this.settings = settings;
        this.engine = engine;
        this.computation = computation;
    }

    public String region() {
        return region;
    }

    public List<String> sourceStamps() {
        return sourceStamps;
    }

    public PlanningSettings settings() {
        return settings;
    }

    /** The planner's own answer: destinations with the alternatives it rejected, and its isolation advice. */
    public Plan engine() {
        return engine;
    }

    /** Every move the plan makes, in phase and batch order, as it will be stored. */
    public List<PlanMove> moves() {
        return computation.moves();
    }

    public List<PlanIsolation> isolations() {
        return computation.isolations();
    }

    public List<PlanPrediction> predictions() {
        return computation.predictions();
    }

    /** The planner's notes, agreeing with {@link #predictions()}. */
    public String notes() {
        return computation.notes();
    }

    /** The relief per source stamp, as the notes say it (worst pool before and after). */
    public List<Relief> reliefs() {
        return Reliefs.of(
                computation.predictions(),
                sourceStampsOf(computation.moves(), computation.isolations()),
                settings.target());
    }

    /** The distinct dedicated stamps the moves go to (one per isolated customer and region). */
    public List<String> dedicatedStamps() {
        return dedicatedStamps;
    }

    RebalancePlan.Computation computation() {
        return computation;
    }

    static List<String> sourceStampsOf(List<PlanMove> moves, List<PlanIsolation> isolations) {
        java.util.Set<String> sources = new java.util.LinkedHashSet<>();
        moves.forEach(m -> sources.add(m.fromStamp()));
        isolations.forEach(i -> sources.add(i.fromStamp()));
        return List.copyOf(sources);
    }
}
