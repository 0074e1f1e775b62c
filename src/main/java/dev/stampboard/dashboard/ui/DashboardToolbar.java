package dev.stampboard.dashboard.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.stampboard.fleet.RegionInfo;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Region picker, a stamp-name filter and the "hot only" filter. */
class DashboardToolbar extends HorizontalLayout {

    final Select<String> region = new Select<>();
    final Checkbox hotOnly = new Checkbox("Hot only (WARN/HOT)");
    final TextField filter = new TextField();

    DashboardToolbar(
            List<RegionInfo> regions,
            Consumer<String> onRegion,
            Consumer<Boolean> onHotOnly,
            Consumer<String> onFilter) {
        region.setId("region");
        region.setAriaLabel("Region");
        region.setItems(regions.stream().map(RegionInfo::name).toList());
        region.setPlaceholder("Region");
        region.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                onRegion.accept(e.getValue());
            }
        });
        hotOnly.setId("hot-only");
        hotOnly.addValueChangeListener(e -> onHotOnly.accept(e.getValue()));
        filter.setId("stamp-filter");
        filter.setPlaceholder("Filter stamps");
        filter.setAriaLabel("Filter stamps by name");
        filter.setClearButtonVisible(true);
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> onFilter.accept(e.getValue()));
        setAlignItems(FlexComponent.Alignment.BASELINE);
        getStyle().set("flex-wrap", "wrap");
        add(region, filter, hotOnly);
    }

    void select(@Nullable String name) {
        region.setValue(name);
    }

    @Nullable
    String region() {
        return region.getValue();
    }

    boolean hotOnly() {
        return hotOnly.getValue();
    }

    /** The typed part of a stamp name, trimmed and lower-cased ("" = every stamp). */
    String filter() {
        return filter.getValue() == null ? "" : filter.getValue().strip().toLowerCase(java.util.Locale.ROOT);
    }
}
