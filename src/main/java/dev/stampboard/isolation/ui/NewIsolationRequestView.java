package dev.stampboard.isolation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.theme.lumo.LumoUtility;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.isolation.IsolationIntake;
import dev.stampboard.isolation.IsolationRequestDetails;
import dev.stampboard.isolation.NewIsolationRequest;
import dev.stampboard.planning.PlanId;
import dev.stampboard.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Files a request: support for any customer, a customer for itself. The sizing follows the figures
 * as they are typed. Query parameters prefill it: {@code customer}, {@code registry} (repeatable),
 * {@code region}, {@code qps}, {@code gbps}, {@code tb}, {@code justification}; or {@code plan} with
 * {@code registry} to start from a plan's isolation recommendation.
 */
@Route("isolation-requests/new")
@PageTitle("New isolation request · Stampboard")
@RolesAllowed({Role.SUPPORT_NAME, Role.ADMIN_NAME, Role.CUSTOMER_NAME})
public class NewIsolationRequestView extends VerticalLayout implements BeforeEnterObserver {

    final IsolationRequestForm form;
    final SizingPanel sizing;
    final Button submit = new Button("Submit request", VaadinIcon.PAPERPLANE.create());
    final Paragraph error = new Paragraph();
    private final IsolationIntake intake;

    public NewIsolationRequestView(IsolationIntake intake, Clock clock) {
        this.intake = intake;
        List<String> customers = intake.customersForFiling();
        form = new IsolationRequestForm(
                customers,
                intake::registriesOf,
                intake::commonRegions,
                intake::alreadyIsolated,
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        if (customers.size() == 1) {
            form.customer.setValue(customers.get(0));
            form.customer.setReadOnly(true);
        }
        sizing = new SizingPanel(intake.sizingSettings());
        form.expectedPeakQps.addValueChangeListener(e -> resize());
        form.peakThroughputGbps.addValueChangeListener(e -> resize());
        form.dataVolumeTb.addValueChangeListener(e -> resize());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> submit());
        error.addClassNames(LumoUtility.TextColor.ERROR);
        error.setId("form-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        var title = new H1("New isolation request");
        title.getStyle().set("margin", "0");
        var intro =
                new Paragraph("A dedicated stamp gives the customer's registries their own capacity, fault domain and"
                        + " update domain. Support reviews the request; once approved the stamp is provisioned and an engineer"
                        + " approves the migration plan onto it. Endpoints never change.");
        intro.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.NONE);
        var actions = new HorizontalLayout(
                submit,
                new Button(
                        "Cancel",
                        e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(IsolationRequestsView.class))));
        add(title, intro, form, sizing, error, actions);
        setMaxWidth("70em");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> q = event.getLocation().getQueryParameters().getParameters();
        List<String> registries = q.getOrDefault("registry", List.of());
        String plan = first(q, "plan");
        Double qps = number(first(q, "qps"));
        NewIsolationRequest prefill = plan != null && !registries.isEmpty()
                ? intake.prefillFromPlan(PlanId.of(plan), registries)
                : new NewIsolationRequest(
                        first(q, "customer"),
                        registries,
                        qps == null ? null : qps.longValue(),
                        number(first(q, "gbps")),
                        number(first(q, "tb")),
                        first(q, "justification"),
                        null,
                        first(q, "region"));
        apply(prefill);
    }

    private void apply(NewIsolationRequest p) {
        if (p.customer() != null && !form.customer.isReadOnly()) {
            form.customer.setValue(p.customer());
        }
        if (p.registries() != null && !p.registries().isEmpty() && form.customer.getValue() != null) {
            form.registries.setValue(new LinkedHashSet<>(p.registries().stream()
                    .filter(r -> intake.registriesOf(form.customer.getValue()).contains(r))
                    .toList()));
        }
        if (p.region() != null && form.region.getListDataView().contains(p.region())) {
            form.region.setValue(p.region());
        }
        if (p.expectedPeakQps() != null) {
            form.expectedPeakQps.setValue((int) Math.min(Integer.MAX_VALUE, p.expectedPeakQps()));
        }
        if (p.peakThroughputGbps() != null) {
            form.peakThroughputGbps.setValue(p.peakThroughputGbps());
        }
        if (p.dataVolumeTb() != null) {
            form.dataVolumeTb.setValue(p.dataVolumeTb());
        }
        if (p.justification() != null) {
            form.justification.setValue(p.justification());
        }
    }

    private void resize() {
        var f = form.figures();
        sizing.show(f == null ? null : intake.size(f.qps(), f.gbps(), f.tb()));
    }

    private void submit() {
        error.setVisible(false);
        NewIsolationRequest request = form.validRequest();
        if (request == null) {
            // Submit never does nothing: it says which fields stop it
            error.setText("Not submitted: " + String.join("; ", form.problems()));
            error.setVisible(true);
            return;
        }
        try {
            IsolationRequestDetails filed = intake.file(request);
            Notification.show(
                            "Request " + filed.shortId() + " submitted for review",
                            4000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(
                            ui -> ui.navigate(IsolationRequestDetailView.class, new RouteParameters("id", filed.id())));
        } catch (InvalidInputException e) {
            // the service's rules are the form's rules; this is what a field could not know (e.g. a race)
            error.setText(e.getMessage());
            error.setVisible(true);
        }
    }

    private static @Nullable String first(Map<String, List<String>> q, String name) {
        List<String> values = q.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
    }

    private static @Nullable Double number(@Nullable String text) {
        try {
            return text == null ? null : Double.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
