package dev.stampboard.planning.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.RegionInfo;
import dev.stampboard.planning.PlanComputation;
import dev.stampboard.planning.PlanDetails;
import dev.stampboard.planning.PlanDraft;
import dev.stampboard.planning.PlanningService;
import dev.stampboard.planning.engine.Candidate;
import dev.stampboard.planning.engine.Plan;
import dev.stampboard.planning.engine.PlanChoices;
import dev.stampboard.planning.engine.PlanningSettings;
import dev.stampboard.security.Role;
import dev.stampboard.signals.SignalsService;
import dev.stampboard.signals.TriggerService;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The migration wizard: stamps → candidate registries → destinations → phases → predicted effect
 * → submit for approval. Every step shows what the planner makes of the choices so far, and a
 * choice that cannot work is explained where it is made.
 */
@Route("plans/new")
@PageTitle("New plan · Stampboard")
@Menu(order = 11, icon = "vaadin:plus-circle-o", title = "New plan")
@RolesAllowed(Role.ENGINEER_NAME)
public class MigrationWizardView extends VerticalLayout {

    static final String[] STEPS = {"1 Stamps", "2 Candidates", "3 Destinations", "4 Phases", "5 Prediction", "6 Submit"
    };

    private final PlanningService planning;
    private final PlanComputation computation;
    final Select<String> region = new Select<>();
    final MultiSelectComboBox<String> stamps = new MultiSelectComboBox<>("Stamps to relieve");
    final IntegerField batchSize = new IntegerField("Medium-traffic batch size");
    final IntegerField mediumHours = new IntegerField("Observe each medium batch (h)");
    final IntegerField highHours = new IntegerField("Observe each high-traffic move (h)");
    final Button back = new Button("Back");
    final Button next = new Button("Next");
    final Paragraph stepTitle = new Paragraph();
    final Paragraph problem = new Paragraph();
    final TriggeredStampsNote triggeredNote = new TriggeredStampsNote();
    private final VerticalLayout body = new VerticalLayout();
    final Set<String> included = new LinkedHashSet<>();
    final Map<String, String> destinations = new LinkedHashMap<>();
    private List<Candidate> candidates = List.of();
    /** What the planner makes of the choices so far, exactly as it would be submitted; none on the first step. */
    @Nullable
    PlanDraft draft;

    int step;

    public MigrationWizardView(
            PlanningService planning,
            PlanComputation computation,
            FleetService fleet,
            SignalsService signals,
            TriggerService triggers) {
        this.planning = planning;
        this.computation = computation;
        region.setLabel("Region");
        region.setItems(fleet.regions().stream().map(RegionInfo::name).toList());
        region.addValueChangeListener(e -> {
            stamps.setItems(
                    fleet.stamps(e.getValue()).stream().map(s -> s.name()).toList());
            // every triggered stamp, by whichever signal (P95, reactive, score), and the note says which
            var triggered = triggers.triggeredIn(e.getValue());
            stamps.setValue(List.copyOf(triggered.keySet()));
            triggeredNote.show(triggered);
        });
        // opens where the heat is, as the dashboard does (the first region by name may be an idle one)
        signals.regionToOpen().ifPresent(region::setValue);
        PlanningSettings d = computation.defaultSettings();
        batchSize.setValue(d.mediumBatchSize());
        batchSize.setMin(1);
        batchSize.setMax(20);
        mediumHours.setValue(d.mediumObservationHours());
        mediumHours.setMin(24);
        highHours.setValue(d.highObservationHours());
        highHours.setMin(48);
        for (IntegerField f : new IntegerField[] {batchSize, mediumHours, highHours}) {
            f.setStepButtonsVisible(true);
            f.addValueChangeListener(e -> show());
        }
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        back.addClickListener(e -> go(step - 1));
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.addClickListener(e -> go(step + 1));
        var title = new H1("New rebalancing plan");
        title.getStyle().set("margin", "0");
        stamps.setWidth("28em");
        add(title, stepTitle, body, problem, new HorizontalLayout(back, next));
        show();
    }

    void go(int target) {
        problem.setText("");
        if (target > step && !validStep()) {
            return;
        }
        if (step == 0 && target == 1) {
            candidates = computation.candidates(region.getValue(), List.copyOf(stamps.getValue()));
            Plan automatic = computation
                    .draft(region.getValue(), List.copyOf(stamps.getValue()), null, settings())
                    .engine();
            included.clear();
            destinations.clear();
            automatic.moves().forEach(m -> included.add(m.registry()));
            automatic.isolation().forEach(i -> included.add(i.registry()));
        }
        if (target == STEPS.length) {
            PlanDetails plan = planning.proposeAndSubmit(current());
            getUI().ifPresent(ui -> ui.navigate(PlanReviewView.class, new RouteParameters("id", plan.id())));
            return;
        }
        step = Math.max(0, target);
        show();
    }

    private boolean validStep() {
        if (step == 0 && (region.getValue() == null || stamps.getValue().isEmpty())) {
            stamps.setInvalid(true);
            stamps.setErrorMessage("Choose at least one stamp to relieve");
            return false;
        }
        if (step == 1 && included.isEmpty()) {
            problem.setText("Include at least one registry: a plan without moves has nothing to approve.");
            return false;
        }
        return true;
    }

    PlanningSettings settings() {
        PlanningSettings d = computation.defaultSettings();
        return new PlanningSettings(
                d.threshold(),
                d.margin(),
                d.lowShareMax(),
                d.highShareMin(),
                value(batchSize, d.mediumBatchSize()),
                Math.max(24, value(mediumHours, 24)),
                Math.max(48, value(highHours, 48)),
                d.maxShareOfSharedStamp(),
                d.sizing());
    }

    private static int value(IntegerField f, int fallback) {
        return f.getValue() == null || f.getValue() < 1 ? fallback : f.getValue();
    }

    PlanChoices choices() {
        return new PlanChoices(included, destinations);
    }

    private void show() {
        body.removeAll();
        body.setPadding(false);
        stamps.setInvalid(false);
        back.setEnabled(step > 0);
        next.setText(step == STEPS.length - 1 ? "Submit for approval" : "Next");
        stepTitle.removeAll();
        for (int i = 0; i < STEPS.length; i++) {
            var label = new com.vaadin.flow.component.html.Span(STEPS[i]);
            label.getStyle()
                    .set("margin-right", "var(--lumo-space-l)")
                    .set("font-weight", i == step ? "700" : "400")
                    .set("color", i == step ? "var(--lumo-primary-text-color)" : "var(--lumo-secondary-text-color)");
            stepTitle.add(label);
        }
        body.add(new H2(STEPS[step]));
        if (step > 0) {
            draft = computation.draft(region.getValue(), List.copyOf(stamps.getValue()), choices(), settings());
        }
        switch (step) {
            case 0 ->
                body.add(
                        new HorizontalLayout(region, stamps),
                        triggeredNote,
                        new Paragraph("Moves never leave the region."));
            case 1 -> body.add(candidateGrid(), effect());
            case 2 -> body.add(WizardDestinations.grid(current().engine(), destinations, this::show), effect());
            case 3 -> {
                body.add(
                        new HorizontalLayout(batchSize, mediumHours, highHours),
                        summary(),
                        // as on the last step and the plan review: a dedicated stamp's sizing once, below
                        new MovesGrid(
                                current().moves(),
                                m -> "PLANNED",
                                java.util.Set.copyOf(current().dedicatedStamps())),
                        new Paragraph(
                                "Low-traffic registries move together in phase 1, medium ones in batches (phase 2),"
                                        + " high-traffic ones one at a time (phase 3). A customer isolated on a dedicated stamp"
                                        + " takes its low- and medium-traffic registries on the same stamps with it."));
                PhasedMoves.dedicatedSizing(current().moves(), current().dedicatedStamps())
                        .ifPresent(body::add);
            }
            case 4 ->
                body.add(
                        new PredictionChart(current().predictions()),
                        new PredictionGrid(current().predictions()),
                        effect());
            default -> {
                // the sizing of a dedicated stamp once, not on every move onto it (as the plan review shows it)
                body.add(
                        summary(),
                        new MovesGrid(
                                current().moves(),
                                m -> "PLANNED",
                                java.util.Set.copyOf(current().dedicatedStamps())),
                        effect());
                PhasedMoves.dedicatedSizing(current().moves(), current().dedicatedStamps())
                        .ifPresent(body::add);
            }
        }
    }

    private Component candidateGrid() {
        var grid = new Grid<Candidate>();
        grid.setId("candidates");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(c -> {
                    var box = new Checkbox(included.contains(c.registry()));
                    box.setAriaLabel("Include " + c.registry());
                    box.addValueChangeListener(e -> {
                        if (e.getValue()) {
                            included.add(c.registry());
                        } else {
                            included.remove(c.registry());
                            destinations.remove(c.registry());
                        }
                        show();
                    });
                    return box;
                })
                .setHeader("Move")
                .setKey("include")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Candidate::registry)
                .setHeader("Registry")
                .setKey("registry")
                .setAutoWidth(true);
        grid.addColumn(Candidate::stamp).setHeader("On").setKey("stamp").setAutoWidth(true);
        grid.addColumn(c -> String.format(Locale.ROOT, "%.2f %% of %s", c.contribution() * 100, c.pool()))
                .setHeader("Contribution in peak minutes")
                .setKey("contribution")
                .setAutoWidth(true);
        grid.addColumn(c -> String.format(Locale.ROOT, "%.2f", c.volatility()))
                .setHeader("p99 volatility")
                .setKey("volatility")
                .setAutoWidth(true);
        grid.setItems(candidates);
        grid.setHeight("420px");
        return grid;
    }

    /** The draft of the choices so far: there is one from the second step on (the first picks region and stamps). */
    private PlanDraft current() {
        PlanDraft d = draft;
        if (d == null) {
            throw new IllegalStateException("no plan draft before the region and stamps are chosen");
        }
        return d;
    }

    /** How many moves, phases and batches, and which dedicated stamps: counted from the draft that is submitted. */
    private Component summary() {
        List<String> dedicated = current().dedicatedStamps();
        long batches = current().moves().stream()
                .map(m -> m.phase() + "/" + m.batch())
                .distinct()
                .count();
        long phases =
                current().moves().stream().mapToInt(m -> m.phase()).distinct().count();
        var text = new Paragraph(String.format(
                Locale.ROOT,
                "%d move(s) in %d phase(s) and %d batch(es)%s%s.",
                current().moves().size(),
                phases,
                batches,
                dedicated.isEmpty()
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                ", onto %d dedicated stamp(s): %s",
                                dedicated.size(),
                                String.join(", ", dedicated)),
                step == STEPS.length - 1 ? " They go to another engineer for approval" : ""));
        text.setId("summary");
        return text;
    }

    /** The predicted effect of the choices so far on the stamps being relieved, said where the choice is made. */
    private Component effect() {
        var text = new Paragraph(current().notes().replace('\n', ' '));
        text.setId("effect");
        boolean above = current().reliefs().stream().anyMatch(r -> !r.reachedTarget());
        text.getStyle().set("color", above ? "var(--lumo-error-text-color)" : "var(--lumo-success-text-color)");
        return text;
    }
}
