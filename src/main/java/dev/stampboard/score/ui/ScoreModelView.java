package dev.stampboard.score.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.stampboard.base.ui.Actions;
import dev.stampboard.base.ui.Polling;
import dev.stampboard.base.ui.chart.EChart;
import dev.stampboard.score.Cards;
import dev.stampboard.score.ModelCard;
import dev.stampboard.score.ModelStatus;
import dev.stampboard.score.ScoreLabellingService;
import dev.stampboard.score.ScoreModelService;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * The score model (issue 16): the active version's evaluation against the baseline rule (ROC curves, lead times),
 * its weights, and every version with activation for admins. Training runs in the background; the page polls.
 */
@Route("score-model")
@PageTitle("Score model · Stampboard")
@Menu(order = 41, icon = "vaadin:chart-line", title = "Score model")
@RolesAllowed(Role.VIEWER_NAME)
public class ScoreModelView extends VerticalLayout {

    static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final ScoreModelService scores;
    private final CurrentUser user;
    final Paragraph summary = new Paragraph();
    final Paragraph method = new Paragraph();
    final Grid<ModelCard.FeatureWeight> weights = new Grid<>();
    final Grid<ModelCard> versions = new Grid<>();
    final EChart roc = new EChart();
    final EChart leadTimes = new EChart();
    final Button train = new Button("Train a new version");
    final Button pin = new Button("Pin weights…");
    private Optional<ModelCard> shownCard = Optional.empty();
    /** The versions' mark ({@link ScoreModelService#versionsMark}) when they were last loaded. */
    private String shownMark = "";

    private boolean shownTraining;

    public ScoreModelView(ScoreModelService scores, ScoreLabellingService labelling, CurrentUser user) {
        this.scores = scores;
        this.user = user;
        summary.setId("model-summary");
        method.setId("evaluation-method");
        roc.setId("roc");
        leadTimes.setId("lead-times");
        for (EChart chart : new EChart[] {roc, leadTimes}) {
            chart.setHeight("360px");
            chart.setWidth("100%");
        }
        weights.setId("weights");
        weights.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        weights.addColumn(ModelCard.FeatureWeight::label)
                .setHeader("Feature")
                .setKey("feature")
                .setAutoWidth(true);
        weights.addColumn(f -> f.unit()).setHeader("Unit").setKey("unit").setAutoWidth(true);
        weights.addColumn(f -> number(f.weight(), 3)).setHeader("Weight").setKey("weight");
        weights.addColumn(f -> number(f.fittedWeight(), 3)).setHeader("Fitted").setKey("fitted");
        weights.addColumn(f -> number(f.mean(), 2)).setHeader("Mean").setKey("mean");
        weights.addColumn(f -> number(f.scale(), 2)).setHeader("Std dev").setKey("scale");
        weights.setAllRowsVisible(true);

        versions.setId("versions");
        versions.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        versions.addColumn(ModelCard::version)
                .setHeader("Version")
                .setKey("version")
                .setAutoWidth(true);
        versions.addColumn(c -> c.status().name().toLowerCase(Locale.ROOT) + (c.pinned() ? " · pinned" : ""))
                .setHeader("Status")
                .setKey("status")
                .setAutoWidth(true);
        versions.addColumn(c -> WHEN.format(c.trainedAt()) + " by " + c.trainedBy())
                .setHeader("Trained")
                .setKey("trained")
                .setAutoWidth(true);
        versions.addColumn(c -> Cards.figure(c.evaluation().model().auc()) + " / "
                        + Cards.figure(c.evaluation().baseline().auc()))
                .setHeader("AUC model / baseline")
                .setKey("auc");
        versions.addColumn(c -> Cards.figure(c.evaluation().model().recall()) + " / "
                        + Cards.figure(c.evaluation().baseline().recall()))
                .setHeader("Recall model / baseline")
                .setKey("recall");
        versions.addComponentColumn(this::activateButton)
                .setHeader("")
                .setKey("activate")
                .setAutoWidth(true);
        versions.setAllRowsVisible(true);

        train.setId("train");
        train.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        train.setVisible(user.has(Role.ADMIN));
        train.addClickListener(e -> startTraining());

        pin.setId("pin-weights");
        pin.setVisible(user.has(Role.ADMIN));
        pin.addClickListener(e -> shownCard.ifPresent(card -> new PinWeightsDialog(
                        card,
                        w -> scores.pinWeights(card.version(), w, user.actor()),
                        () -> scores.unpinWeights(card.version(), user.actor()),
                        this::refresh)
                .open()));
        FlexLayout charts = new FlexLayout(
                captioned("ROC on held-out worlds", roc), captioned("Lead time of detected incidents", leadTimes));
        charts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        charts.setWidthFull();
        charts.getStyle().set("gap", "var(--lumo-space-l)");
        HorizontalLayout versionsHeader = new HorizontalLayout(new H3("Versions"), train);
        versionsHeader.setAlignItems(Alignment.BASELINE);
        HorizontalLayout weightsHeader = new HorizontalLayout(new H3("Weights of the version shown"), pin);
        weightsHeader.setAlignItems(Alignment.BASELINE);
        add(
                new H2("Score model"),
                summary,
                method,
                charts,
                weightsHeader,
                weights,
                versionsHeader,
                versions,
                new LabellingForm(labelling, user));
        Polling.whileAttached(this, 5_000, this::refreshIfChanged);
        refresh();
    }

    private static VerticalLayout captioned(String caption, EChart chart) {
        VerticalLayout box = new VerticalLayout(new com.vaadin.flow.component.html.H4(caption), chart);
        box.setPadding(false);
        box.setSpacing(false);
        // side by side while each gets 380 px, stacked below that; each card as wide as its share
        box.getStyle().set("flex", "1 1 380px").set("min-width", "0");
        box.addClassNames("model-chart-card");
        return box;
    }

    /** The poll: loads the versions again only when one of them changed or training started or ended. */
    private void refreshIfChanged() {
        if (!scores.versionsMark().equals(shownMark) || scores.isTraining() != shownTraining) {
            refresh();
        }
    }

    void refresh() {
        shownMark = scores.versionsMark(); // before the load: a change between the two is loaded at the next poll
        List<ModelCard> all = scores.versions();
        shownTraining = scores.isTraining();
        versions.setItems(all);
        train.setEnabled(!shownTraining);
        train.setText(shownTraining ? "Training…" : "Train a new version");
        Optional<ModelCard> active =
                all.stream().filter(c -> c.status() == ModelStatus.ACTIVE).findFirst();
        Optional<ModelCard> shown = active.or(() -> all.stream().findFirst());
        if (shown.isEmpty()) {
            summary.setText(
                    shownTraining
                            ? "No version yet: the first one is being trained on the simulated world."
                            : "No version yet."
                                    + scores.initialTrainingProblem()
                                            .map(p -> " The first training failed: " + p)
                                            .orElse("")
                                    + (user.has(Role.ADMIN) ? " Train one below." : " An admin can train one."));
            method.setText("");
            weights.setItems(List.of());
            shownCard = Optional.empty();
            pin.setEnabled(false);
            roc.setVisible(false);
            leadTimes.setVisible(false);
            return;
        }
        ModelCard card = shown.get();
        shownCard = shown;
        pin.setEnabled(true);
        summary.setText(summary(card, active.isPresent()));
        method.setText(method(card));
        weights.setItems(card.features());
        roc.setVisible(true);
        leadTimes.setVisible(true);
        roc.setOption(ModelCharts.roc(card.evaluation()));
        leadTimes.setOption(
                ModelCharts.leadTimes(card.evaluation(), card.training().horizonHours() * 60));
    }

    static String summary(ModelCard c, boolean active) {
        ModelCard.Evaluated e = c.evaluation();
        ModelCard.Training t = c.training();
        return String.format(
                Locale.ROOT,
                "Version %d (%s%s), trained %s by %s on %,d rows (%,d with an incident ahead; %s). Incident: p99 above"
                        + " %.0f ms or throttling above %.1f %% in most minutes of %d; the score is its probability within"
                        + " %d h. Held out %s, %,d rows: model AUC %s, at score %s precision %s recall %s, median lead"
                        + " %s min (%d of %d incidents); baseline rule AUC %s, precision %s recall %s, median lead %s"
                        + " min (%d of %d). At the rule's precision the model's recall is %s; at its recall the"
                        + " model's precision is %s.",
                c.version(),
                active ? "active" : "not active",
                c.pinned() ? ", weights pinned by hand" : "",
                WHEN.format(c.trainedAt()),
                c.trainedBy(),
                t.rows(),
                t.positives(),
                t.worlds(),
                t.p99SloMs(),
                t.throttlingPercent(),
                t.sustainMinutes(),
                t.horizonHours(),
                e.heldOut(),
                e.rows(),
                Cards.figure(e.model().auc()),
                String.format(Locale.ROOT, "%.3g", e.operatingScore()),
                Cards.figure(e.model().precision()),
                Cards.figure(e.model().recall()),
                Cards.minutes(e.model().leadTimeMinutes()),
                e.model().detected(),
                e.model().incidents(),
                Cards.figure(e.baseline().auc()),
                Cards.figure(e.baseline().precision()),
                Cards.figure(e.baseline().recall()),
                Cards.minutes(e.baseline().leadTimeMinutes()),
                e.baseline().detected(),
                e.baseline().incidents(),
                Cards.figure(e.modelRecallAtBaselinePrecision()),
                Cards.figure(e.modelPrecisionAtBaselineRecall()));
    }

    /** What the evaluation does: which rows, how the operating score was chosen, what lead time means. */
    static String method(ModelCard c) {
        ModelCard.Evaluated e = c.evaluation();
        int horizon = c.training().horizonHours() * 60;
        StringBuilder b = new StringBuilder(
                "How it is evaluated: on held-out worlds never trained on, at every minute a stamp is not already inside"
                        + " an incident (onset prediction; the same rows for the model and the rule, so a reactive rule"
                        + " firing inside an incident counts for neither). A row is positive when an incident starts or"
                        + " runs within the next "
                        + c.training().horizonHours()
                        + " h. The model alarms at a score of at least ");
        b.append(
                e.operatingScoreChoice() == null
                        ? String.format(Locale.ROOT, "%.2f (configured)", e.operatingScore())
                        : e.operatingScoreChoice());
        b.append(". Lead time: minutes from the first alarm within the ")
                .append(horizon)
                .append(" min before an incident starts to its start, so it is at most ")
                .append(horizon)
                .append(" min; a rule that fires most of the time gets nearly that maximum.");
        if (e.configuredScore() != null && e.modelAtConfiguredScore() != null) {
            ModelCard.Side at = e.modelAtConfiguredScore();
            b.append(String.format(
                    Locale.ROOT,
                    " At the configured score %.0f the model's held-out precision is %s, recall %s, median lead %s"
                            + " min (%d of %d incidents).",
                    e.configuredScore(),
                    Cards.figure(at.precision()),
                    Cards.figure(at.recall()),
                    Cards.minutes(at.leadTimeMinutes()),
                    at.detected(),
                    at.incidents()));
        }
        return b.toString();
    }

    private com.vaadin.flow.component.Component activateButton(ModelCard c) {
        Button b = new Button("Activate", e -> {
            Actions.run(() -> scores.activate(c.version(), user.actor()), "Version " + c.version() + " is active");
            refresh();
        });
        b.setId("activate-" + c.version());
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        b.setVisible(user.has(Role.ADMIN) && c.status() != ModelStatus.ACTIVE);
        return b;
    }

    private void startTraining() {
        UI ui = UI.getCurrent();
        var actor = user.actor();
        train.setEnabled(false);
        train.setText("Training…");
        CompletableFuture.runAsync(new DelegatingSecurityContextRunnable(() -> {
            String message;
            boolean ok;
            try {
                ModelCard card = scores.train(actor);
                message = "Version " + card.version() + " trained; compare it with the active one and activate it";
                ok = true;
            } catch (RuntimeException ex) {
                message = ex.getMessage();
                ok = false;
            }
            String text = message;
            boolean success = ok;
            ui.access(() -> {
                Notification.show(text)
                        .addThemeVariants(success ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
                refresh();
            });
        }));
    }

    private static String number(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
