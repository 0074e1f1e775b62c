package dev.stampboard.capacity.change.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import dev.stampboard.base.InputLimits;
import dev.stampboard.base.ui.Actions;
import dev.stampboard.capacity.change.CapacityChangeDetails;
import dev.stampboard.capacity.change.CapacityChangeService;
import dev.stampboard.capacity.change.NewCapacityChange;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolInfo;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An engineer proposes a pool's new size. Prefilled by query parameters, which is how a recommendation row's
 * "Propose change" opens it: {@code ?stamp=eus-s01&pool=DATAPROXY&to=14&min=14&predicted=31.5&recommendation=…
 * &reason=…}. The proposal then waits for another engineer's approval.
 */
@Route("capacity/changes/new")
@PageTitle("Propose a capacity change · Stampboard")
@RolesAllowed(Role.ENGINEER_NAME)
public class ProposeCapacityChangeView extends VerticalLayout implements BeforeEnterObserver {

    final ComboBox<String> stamp = new ComboBox<>("Stamp");
    final Select<PoolKind> pool = new Select<>();
    final IntegerField toInstances = new IntegerField("New instance count");
    final IntegerField toMinimum = new IntegerField("New minimum");
    final TextArea reason = new TextArea("Reason");
    final Paragraph current = new Paragraph();
    final Button submit = new Button("Propose for approval");
    private final FleetService fleet;
    private final CapacityChangeService changes;
    private @Nullable String recommendation;
    private @Nullable Double predicted;

    public ProposeCapacityChangeView(FleetService fleet, CapacityChangeService changes) {
        this.fleet = fleet;
        this.changes = changes;
        stamp.setItems(fleet.stamps().stream().map(StampInfo::name).sorted().toList());
        stamp.setRequired(true);
        stamp.setId("stamp");
        pool.setLabel("Pool");
        pool.setItems(PoolKind.values());
        pool.setValue(PoolKind.DATAPROXY);
        pool.setId("pool");
        toInstances.setMin(1);
        toInstances.setMax(1000);
        toInstances.setStepButtonsVisible(true);
        toInstances.setRequired(true);
        toInstances.setId("to-instances");
        toMinimum.setMin(1);
        toMinimum.setMax(1000);
        toMinimum.setHelperText("Empty: the same as the instance count");
        toMinimum.setId("to-minimum");
        reason.setMaxLength(InputLimits.TEXT);
        reason.setRequired(true);
        reason.setPlaceholder("Why this size: the relief, the recommendation, the growth it must carry");
        reason.setId("reason");
        current.setId("current");
        stamp.addValueChangeListener(e -> showCurrent());
        pool.addValueChangeListener(e -> showCurrent());

        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("submit");
        submit.addClickListener(e -> submit());

        var form = new FormLayout(stamp, pool, toInstances, toMinimum, reason);
        form.setColspan(reason, 2);
        form.setMaxWidth("48em");
        var title = new H1("Propose a capacity change");
        title.getStyle().set("margin", "0");
        add(
                title,
                new Paragraph("Another engineer approves it (four eyes); then an engineer starts it. It is watched for"
                        + " 24 h after the pool is resized and reverted automatically when a scale-in makes the pool"
                        + " hotter than target or a reactive signal fires."),
                form,
                current,
                submit);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> q = event.getLocation().getQueryParameters().getParameters();
        first(q, "stamp").ifPresent(stamp::setValue);
        first(q, "pool").flatMap(ProposeCapacityChangeView::poolOf).ifPresent(pool::setValue);
        first(q, "to").flatMap(ProposeCapacityChangeView::integer).ifPresent(toInstances::setValue);
        first(q, "min").flatMap(ProposeCapacityChangeView::integer).ifPresent(toMinimum::setValue);
        first(q, "reason").ifPresent(reason::setValue);
        recommendation = first(q, "recommendation").orElse(null);
        predicted = first(q, "predicted")
                .flatMap(ProposeCapacityChangeView::decimal)
                .orElse(null);
        showCurrent();
    }

    private void showCurrent() {
        Optional<PoolInfo> info = Optional.ofNullable(stamp.getValue())
                .flatMap(fleet::stamp)
                .flatMap(s -> Optional.ofNullable(pool.getValue()).flatMap(s::pool));
        current.setText(info.map(p -> "Now: " + p.currentInstances() + " instances, minimum " + p.minInstances()
                        + (predicted == null
                                ? ""
                                : String.format(
                                        java.util.Locale.ROOT,
                                        " · the recommendation predicts %.1f %% hot-node P95 at its size",
                                        predicted)))
                .orElse(""));
    }

    void submit() {
        boolean ok = true;
        ok &= check(stamp.getValue() != null, stamp, "Choose a stamp");
        ok &= check(toInstances.getValue() != null && toInstances.getValue() >= 1, toInstances, "1 or more");
        ok &= check(!reason.getValue().isBlank(), reason, "Say why");
        if (!ok) {
            return;
        }
        CapacityChangeDetails proposed = Actions.call(
                () -> changes.propose(new NewCapacityChange(
                        stamp.getValue(),
                        pool.getValue(),
                        toInstances.getValue(),
                        toMinimum.getValue(),
                        reason.getValue(),
                        recommendation,
                        predicted)),
                "Proposed; another engineer approves it");
        if (proposed != null) {
            getUI().ifPresent(ui -> ui.navigate(CapacityChangeView.class, new RouteParameters("id", proposed.id())));
        }
    }

    private static boolean check(boolean valid, com.vaadin.flow.component.HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(!valid);
        return valid;
    }

    private static Optional<String> first(Map<String, List<String>> q, String key) {
        return Optional.ofNullable(q.get(key))
                .flatMap(l -> l.stream().findFirst())
                .filter(s -> !s.isBlank());
    }

    private static Optional<PoolKind> poolOf(String s) {
        try {
            return Optional.of(PoolKind.valueOf(s.toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> integer(String s) {
        try {
            return Optional.of(Integer.parseInt(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Double> decimal(String s) {
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? Optional.of(d) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
