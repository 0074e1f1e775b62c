package dev.stampboard.audit.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.stampboard.audit.AuditEntry;
import dev.stampboard.audit.AuditLog;
import dev.stampboard.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The append-only audit log with filters by actor, action, text and date. Read-only by design. */
@Route("audit")
@PageTitle("Audit log · Stampboard")
@Menu(order = 80, icon = "vaadin:clipboard-text", title = "Audit log")
@RolesAllowed(Role.VIEWER_NAME)
public class AuditView extends VerticalLayout {

    static final int LIMIT = 500;
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    final TextField actor = new TextField("Actor");
    final ComboBox<String> action = new ComboBox<>("Action");
    final TextField text = new TextField("Subject or detail contains");
    final DatePicker since = new DatePicker("Since (UTC)");
    final Grid<AuditEntry> grid = new Grid<>();
    final Span count = new Span();
    private final AuditLog audit;
    private java.util.List<AuditEntry> shown = java.util.List.of();

    public AuditView(AuditLog audit) {
        this.audit = audit;
        action.setItems(audit.actions());
        action.setClearButtonVisible(true);
        for (TextField f : new TextField[] {actor, text}) {
            f.setClearButtonVisible(true);
            f.setValueChangeMode(ValueChangeMode.LAZY);
            f.addValueChangeListener(e -> refresh());
        }
        action.addValueChangeListener(e -> refresh());
        since.setClearButtonVisible(true);
        since.addValueChangeListener(e -> refresh());
        var filters = new HorizontalLayout(
                actor,
                action,
                text,
                since,
                count,
                dev.stampboard.base.ui.CsvExport.link(
                        "audit-log.csv",
                        java.util.List.of("at", "actor", "action", "subject", "detail"),
                        () -> shown,
                        e -> java.util.List.of(e.at(), e.actor(), e.action(), e.subject(), e.detail())));
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("audit");
        grid.addThemeVariants(
                GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(e -> WHEN.format(e.at()))
                .setHeader("When (UTC)")
                .setKey("at")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AuditEntry::actor)
                .setHeader("Actor")
                .setKey("actor")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AuditEntry::action)
                .setHeader("Action")
                .setKey("action")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AuditEntry::subject)
                .setHeader("Subject")
                .setKey("subject")
                .setWidth("16em")
                .setFlexGrow(0);
        grid.addColumn(AuditEntry::detail).setHeader("Detail").setKey("detail").setFlexGrow(1);
        grid.setEmptyStateText("No audit entries match these filters.");

        var title = new H1("Audit log");
        title.getStyle().set("margin", "0");
        add(title, filters, grid);
        setSizeFull();
        expand(grid);
        refresh();
    }

    void refresh() {
        LocalDate day = since.getValue();
        Instant from = day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
        var entries = audit.search(actor.getValue(), action.getValue(), text.getValue(), from, LIMIT);
        grid.setItems(entries);
        shown = entries;
        count.setText(entries.size() >= LIMIT ? "newest " + LIMIT + " shown" : entries.size() + " entries");
    }
}
