package dev.stampboard.isolation.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import dev.stampboard.base.NotFoundException;
import dev.stampboard.isolation.IsolationIntake;
import dev.stampboard.isolation.IsolationProgress;
import dev.stampboard.isolation.IsolationRequestDetails;
import dev.stampboard.isolation.IsolationReview;
import dev.stampboard.isolation.IsolationState;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One request: what was asked, the sizing and its arithmetic, the open question, the decisions, what
 * provisioning and migration made of it — and, for staff, the signals and the planner's advice beside it.
 * Customers see their own request's state and answer questions; they never see stamps or plans.
 */
@Route("isolation-requests/:id")
@PageTitle("Isolation request · Stampboard")
@RolesAllowed({Role.VIEWER_NAME, Role.CUSTOMER_NAME})
public class IsolationRequestDetailView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final IsolationIntake intake;
    private final IsolationReview review;
    private final IsolationProgress progress;
    private final CurrentUser user;

    @org.jspecify.annotations.Nullable
    RequestActions actions; // none until the request is found and shown

    private String id = "";

    public IsolationRequestDetailView(
            IsolationIntake intake, IsolationReview review, IsolationProgress progress, CurrentUser user) {
        this.intake = intake;
        this.review = review;
        this.progress = progress;
        this.user = user;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = event.getRouteParameters().get("id").orElse("");
        render();
    }

    void render() {
        removeAll();
        IsolationRequestDetails r;
        String stuck = null;
        try {
            r = review.get(id);
        } catch (NotFoundException e) {
            add(new H1("Isolation request not found"), new Paragraph(e.getMessage()));
            return;
        }
        try {
            progress.progress(id); // take a due automatic step (stamp active → ready → plan) before showing it
            r = review.get(id);
        } catch (RuntimeException e) {
            // the page shows the request as it is; the scheduled check retries the step and logs the failure
            stuck = "The next automatic step could not be taken (" + e.getMessage() + "). It is retried every few"
                    + " seconds; an admin finds the details in the log.";
        }
        boolean customer = user.has(Role.CUSTOMER);
        var title = new H1("Isolation request " + r.shortId() + " · " + r.customer());
        title.getStyle().set("margin", "0");
        var header = new HorizontalLayout(title, IsolationBadges.state(r.state()));
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(
                header,
                new Paragraph(String.format(
                        Locale.ROOT,
                        "Filed by %s on %s UTC · wanted by %s · region %s%s",
                        r.requestedBy(),
                        WHEN.format(r.requestedAt()),
                        r.wantedBy(),
                        r.region(),
                        r.decidedBy() == null ? "" : " · decided by " + r.decidedBy())));
        add(progress(r, customer));
        if (stuck != null) {
            var warning = new Paragraph(stuck);
            warning.setId("stuck");
            warning.getElement().getThemeList().add("badge error");
            warning.getStyle().set("white-space", "normal").set("padding", "var(--lumo-space-s)");
            add(warning);
        }
        if (r.question() != null) {
            add(questionBox(r));
        }
        actions = new RequestActions(
                review, user, r, customer || user.has(Role.SUPPORT) || user.has(Role.ADMIN), this::render);
        add(actions);
        var facts = new Div(
                fact("Registries", String.join(", ", r.registries())),
                fact(
                        "Expected peak",
                        String.format(
                                Locale.ROOT, "%,d QPS · %.1f Gbit/s", r.expectedPeakQps(), r.peakThroughputGbps())),
                fact("Data volume", String.format(Locale.ROOT, "%.1f TB", r.dataVolumeTb())),
                fact("Justification", r.justification()));
        var sizing = new SizingPanel(intake.sizingSettings());
        sizing.show(r.sizing());
        var top = new HorizontalLayout(facts, sizing);
        top.setWidthFull();
        top.setFlexGrow(1, facts, sizing);
        add(top);
        if (!customer) {
            add(new ReviewContext(review.context(id)));
        }
        add(new H2("History"), new RequestHistoryGrid(review.history(id), customer));
        setMaxWidth("90em");
    }

    /** Where the request stands after approval: the stamp, the plan, or the decision's reason. */
    private Paragraph progress(IsolationRequestDetails r, boolean customer) {
        var p = new Paragraph();
        p.setId("progress");
        if (r.state() == IsolationState.REJECTED) {
            p.setText("Rejected: " + r.decisionReason());
        } else if (r.dedicatedStamp() != null && !customer) {
            p.add(
                    new Span("Dedicated stamp "),
                    new Anchor("stamps/" + r.dedicatedStamp(), r.dedicatedStamp()),
                    new Span(
                            switch (r.state()) {
                                case APPROVED -> " is about to be provisioned.";
                                case PROVISIONING ->
                                    " is being provisioned; the request is ready once it reports ACTIVE.";
                                case READY -> " is active; the migration plan opens next.";
                                default -> " is active.";
                            }));
            if (r.planId() != null) {
                p.add(
                        new Span(" Migration plan: "),
                        new Anchor("plans/" + r.planId(), r.planId().substring(0, 8)),
                        new Span(
                                r.state() == IsolationState.DONE
                                        ? " (completed)."
                                        : " — an engineer approves and runs it."));
            }
        } else {
            p.setText(
                    switch (r.state()) {
                        case SUBMITTED -> "Waiting for support to start the review.";
                        case IN_REVIEW -> "Support is reviewing the request.";
                        case NEEDS_INFO -> "Support needs more information from the requester (below).";
                        case APPROVED, PROVISIONING, READY -> "Approved: the dedicated capacity is being prepared.";
                        case MIGRATING ->
                            "The registries are moving onto their dedicated capacity; endpoints do not change.";
                        case DONE -> "Done: the registries are served by their dedicated capacity.";
                        case REJECTED -> "";
                    });
        }
        return p;
    }

    private static Div questionBox(IsolationRequestDetails r) {
        var box = new Div(
                fact("Question from support", java.util.Objects.requireNonNullElse(r.question(), "")),
                fact("Answer", r.answer() == null ? "(not answered yet)" : r.answer()));
        box.setId("question");
        box.addClassNames(
                LumoUtility.Padding.SMALL, LumoUtility.Background.CONTRAST_5, LumoUtility.BorderRadius.MEDIUM);
        box.setWidthFull();
        box.getStyle().set("box-sizing", "border-box");
        return box;
    }

    private static Div fact(String label, String value) {
        var l = new Span(label);
        l.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY, LumoUtility.Display.BLOCK);
        var v = new Span(value);
        v.addClassNames(LumoUtility.Display.BLOCK);
        v.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere");
        var d = new Div(l, v);
        d.addClassNames(LumoUtility.Margin.Bottom.SMALL);
        return d;
    }
}
