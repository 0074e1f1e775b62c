package dev.stampboard.isolation.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import dev.stampboard.isolation.IsolationRules;
import dev.stampboard.isolation.NewIsolationRequest;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The intake fields with their rules (the service's own, {@link IsolationRules}), bound to a draft.
 * It knows no service: the view gives it the customers, each customer's registries and their common
 * regions, and asks it for a validated request.
 */
class IsolationRequestForm extends FormLayout {

    /** The editable copy behind the binder. */
    static final class Draft {
        @Nullable
        String customer;

        Set<String> registries = new LinkedHashSet<>();

        @Nullable
        Integer expectedPeakQps;

        @Nullable
        Double peakThroughputGbps;

        @Nullable
        Double dataVolumeTb;

        @Nullable
        String justification;

        @Nullable
        LocalDate wantedBy;

        @Nullable
        String region;

        NewIsolationRequest toRequest() {
            return new NewIsolationRequest(
                    customer,
                    List.copyOf(registries),
                    expectedPeakQps == null ? null : expectedPeakQps.longValue(),
                    peakThroughputGbps,
                    dataVolumeTb,
                    justification,
                    wantedBy,
                    region);
        }
    }

    final ComboBox<String> customer = new ComboBox<>("Customer");
    final MultiSelectComboBox<String> registries = new MultiSelectComboBox<>("Registries");
    final Select<String> region = new Select<>();
    final IntegerField expectedPeakQps = new IntegerField("Expected peak QPS");
    final NumberField peakThroughputGbps = new NumberField("Peak throughput (Gbit/s)");
    final NumberField dataVolumeTb = new NumberField("Data volume (TB)");
    final TextArea justification = new TextArea("Justification");
    final DatePicker wantedBy = new DatePicker("Wanted by");
    final Binder<Draft> binder = new Binder<>();
    private final Draft draft = new Draft();

    /** What the service says about registries that already run on the customer's dedicated stamp (null: none). */
    interface IsolationCheck {
        @Nullable
        String alreadyIsolated(String customer, String region, List<String> registries);
    }

    private final Binder.Binding<Draft, Set<String>> registriesBinding;

    IsolationRequestForm(
            List<String> customers,
            Function<String, List<String>> registriesOf,
            Function<List<String>, List<String>> commonRegions,
            IsolationCheck isolated,
            LocalDate today) {
        customer.setItems(customers);
        customer.setHelperText("Whose registries move onto the dedicated stamp");
        customer.addValueChangeListener(e -> {
            registries.clear();
            registries.setItems(e.getValue() == null ? List.of() : registriesOf.apply(e.getValue()));
        });
        registries.setHelperText("Only the customer's own; their replicas in one region move");
        registries.addValueChangeListener(e -> {
            List<String> regions = commonRegions.apply(List.copyOf(e.getValue()));
            region.setItems(regions);
            region.setValue(regions.size() == 1 ? regions.get(0) : null);
            region.setEnabled(regions.size() > 1);
        });
        region.setLabel("Region");
        region.setHelperText("Where the dedicated stamp is built: a region every chosen registry is in");
        region.setEnabled(false);
        expectedPeakQps.setHelperText("Requests per second at the busiest minute");
        expectedPeakQps.setStepButtonsVisible(false);
        peakThroughputGbps.setHelperText("Blob bytes served at the busiest minute");
        dataVolumeTb.setHelperText("Stored image and artifact data");
        justification.setHelperText("Workload, compliance, noisy neighbours… (" + IsolationRules.MIN_JUSTIFICATION + "–"
                + IsolationRules.MAX_TEXT + " characters)");
        justification.setMaxLength(IsolationRules.MAX_TEXT);
        wantedBy.setI18n(WantedByFormats.i18n(wantedBy.getLocale()));
        wantedBy.setHelperText("When the customer needs it running: " + WantedByFormats.hint(wantedBy.getLocale()));
        wantedBy.setPlaceholder("yyyy-mm-dd");

        binder.forField(customer)
                .withValidator(rule(c -> c == null || c.isBlank() ? "Choose the customer" : null))
                .bind(d -> d.customer, (d, v) -> d.customer = v);
        registriesBinding = binder.forField(registries)
                .withValidator(rule(v -> IsolationRules.registries(v == null ? null : List.copyOf(v))))
                .withValidator(
                        rule(v -> v == null || v.isEmpty() || customer.getValue() == null || region.getValue() == null
                                ? null
                                : isolated.alreadyIsolated(customer.getValue(), region.getValue(), List.copyOf(v))))
                .bind(d -> d.registries, (d, v) -> d.registries = new LinkedHashSet<>(v));
        // said as soon as the registries and region are known, not only on submit
        region.addValueChangeListener(e -> {
            if (!registries.isEmpty()) {
                registriesBinding.validate();
            }
        });
        binder.forField(region)
                .withValidator(rule(v ->
                        v == null && !registries.isEmpty() ? "Choose the region the dedicated stamp is for" : null))
                .bind(d -> d.region, (d, v) -> d.region = v);
        binder.forField(expectedPeakQps)
                .withValidator(rule(v -> IsolationRules.expectedPeakQps(v == null ? null : v.longValue())))
                .bind(d -> d.expectedPeakQps, (d, v) -> d.expectedPeakQps = v);
        binder.forField(peakThroughputGbps)
                .withValidator(rule(IsolationRules::peakThroughputGbps))
                .bind(d -> d.peakThroughputGbps, (d, v) -> d.peakThroughputGbps = v);
        binder.forField(dataVolumeTb)
                .withValidator(rule(IsolationRules::dataVolumeTb))
                .bind(d -> d.dataVolumeTb, (d, v) -> d.dataVolumeTb = v);
        binder.forField(justification)
                .withValidator(rule(IsolationRules::justification))
                .bind(d -> d.justification, (d, v) -> d.justification = v);
        // text the browser could not read arrives as no value: say so rather than "enter the date"
        binder.forField(wantedBy)
                .withValidator(rule(v -> v == null && wantedBy.getElement().getProperty("_hasInputValue", false)
                        ? wantedBy.getI18n().getBadInputErrorMessage()
                        : IsolationRules.wantedBy(v, today)))
                .bind(d -> d.wantedBy, (d, v) -> d.wantedBy = v);
        binder.setBean(draft);

        add(customer, registries, region, expectedPeakQps, peakThroughputGbps, dataVolumeTb, wantedBy, justification);
        setColspan(registries, 2);
        setColspan(justification, 3);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 3));
    }

    /** A binder validator from one of the rules (null = fine, otherwise the message). */
    private static <T> Validator<T> rule(Function<@Nullable T, @Nullable String> problem) {
        return (value, context) -> {
            String message = problem.apply(value);
            return message == null ? ValidationResult.ok() : ValidationResult.error(message);
        };
    }

    /** The request if every field is valid (each invalid field shows its message), otherwise null. */
    @Nullable
    NewIsolationRequest validRequest() {
        return binder.validate().isOk() ? draft.toRequest() : null;
    }

    /** Each invalid field's label and message, after {@link #validRequest()} found some. */
    List<String> problems() {
        return binder.validate().getFieldValidationErrors().stream()
                .map(e -> ((com.vaadin.flow.component.HasLabel) e.getField()).getLabel() + ": "
                        + e.getMessage().orElse("invalid"))
                .toList();
    }

    /** The three figures sizing needs, as entered. */
    record Figures(long qps, double gbps, double tb) {}

    /** The figures as entered, for the live sizing (null until all three are valid). */
    @Nullable
    Figures figures() {
        Long qps = expectedPeakQps.getValue() == null
                ? null
                : expectedPeakQps.getValue().longValue();
        Double gbps = peakThroughputGbps.getValue();
        Double tb = dataVolumeTb.getValue();
        return IsolationRules.expectedPeakQps(qps) == null
                        && IsolationRules.peakThroughputGbps(gbps) == null
                        && IsolationRules.dataVolumeTb(tb) == null
                ? new Figures(java.util.Objects.requireNonNull(qps), gbps, tb)
                : null;
    }
}
