package dev.stampboard.isolation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import dev.stampboard.base.ui.Actions;
import dev.stampboard.base.ui.TextPrompt;
import dev.stampboard.isolation.IsolationRequestDetails;
import dev.stampboard.isolation.IsolationReview;
import dev.stampboard.isolation.IsolationRules;
import dev.stampboard.isolation.IsolationState;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;
import java.util.function.Supplier;

/**
 * The decisions on a request: start review, ask for information, approve, reject (support and admin,
 * never on their own request; approve and reject after a confirmation), and the requester's answer.
 */
class RequestActions extends VerticalLayout {

    final Button startReview = new Button("Start review");
    final Button askForInfo = new Button("Ask for information…");
    final Button approve = new Button("Approve…");
    final Button reject = new Button("Reject…");
    /** The open question / reason dialog, if any. */
    @org.jspecify.annotations.Nullable
    TextPrompt dialog;

    final TextArea answer = new TextArea("Your answer");
    final Button sendAnswer = new Button("Send answer");
    private final IsolationReview review;
    private final String id;
    private final Runnable rerender;

    RequestActions(
            IsolationReview review,
            CurrentUser user,
            IsolationRequestDetails request,
            boolean mayAnswer,
            Runnable rerender) {
        this.review = review;
        this.id = request.id();
        this.rerender = rerender;
        setPadding(false);
        boolean decider = review.mayDecide(request);
        boolean supportOrAdmin = user.has(Role.SUPPORT) || user.has(Role.ADMIN);
        IsolationState state = request.state();
        startReview.setVisible(state == IsolationState.SUBMITTED);
        askForInfo.setVisible(state == IsolationState.IN_REVIEW);
        approve.setVisible(state == IsolationState.IN_REVIEW);
        reject.setVisible(state == IsolationState.IN_REVIEW);
        for (Button b : new Button[] {startReview, askForInfo, approve, reject}) {
            b.setEnabled(decider);
            if (!decider) {
                b.setTooltipText("You filed this request; another support engineer decides on it");
            }
        }
        startReview.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        startReview.addClickListener(e -> act(() -> review.startReview(id), "Review started"));
        askForInfo.addClickListener(e -> prompt(
                "Ask the requester",
                "Question",
                "What do you need to know to decide?",
                "Send question",
                false,
                "Write the question the requester should answer",
                text -> review.askForInformation(id, text),
                "Question sent"));
        reject.addClickListener(e -> prompt(
                "Reject this request?",
                "Reason",
                "What should the requester know or change?",
                "Reject",
                true,
                "Say why, so the requester knows what to change",
                text -> review.reject(id, text),
                "Request rejected"));
        approve.addClickListener(e -> confirmApprove(request));
        var decisions = new HorizontalLayout(startReview, askForInfo, approve, reject);
        decisions.setVisible(state.awaitsDecision() && supportOrAdmin);
        add(decisions);

        if (state == IsolationState.NEEDS_INFO && mayAnswer) {
            answer.setWidthFull();
            answer.setMaxLength(IsolationRules.MAX_TEXT);
            answer.setPlaceholder("Answer the reviewer's question");
            sendAnswer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            sendAnswer.addClickListener(
                    e -> act(() -> review.answer(id, answer.getValue()), "Answer sent; the review goes on"));
            add(answer, sendAnswer);
        }
    }

    private void confirmApprove(IsolationRequestDetails r) {
        var dialog = new ConfirmDialog(
                "Approve this request?",
                "Approving provisions a dedicated stamp in " + r.region()
                        + " (" + r.sizing().registryNodes() + " registry nodes, "
                        + r.sizing().dataproxyNodes()
                        + " dataproxy nodes, " + r.sizing().storageAccounts() + " storage accounts) for " + r.customer()
                        + "; once it is active a migration plan is opened for an engineer's approval. Your name is recorded.",
                "Approve",
                e -> act(() -> review.approve(id), "Approved: provisioning the dedicated stamp"));
        dialog.setCancelable(true);
        dialog.open();
    }

    private void prompt(
            String header,
            String label,
            String placeholder,
            String confirm,
            boolean danger,
            String required,
            java.util.function.Function<String, ?> action,
            String done) {
        dialog =
                new TextPrompt(header, label, placeholder, confirm, danger, IsolationRules.MAX_TEXT, required, text -> {
                    boolean went = Actions.run(
                            () -> {
                                var unused = action.apply(text); // the notification tells the outcome
                            },
                            done);
                    if (went) {
                        rerender.run();
                    }
                    return went;
                });
        dialog.open();
    }

    private void act(Supplier<?> action, String done) {
        Actions.run(
                () -> {
                    var unused = action.get(); // the notification tells the outcome
                },
                done);
        rerender.run();
    }
}
