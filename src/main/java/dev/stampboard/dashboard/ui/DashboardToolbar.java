package dev.stampboard.dashboard.ui;

import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;

import dev.stampboard.fleet.RegionInfo;

/** Region picker and the "hot only" filter. */
class DashboardToolbar extends HorizontalLayout {

    final Select<String> region = new Select<>();
    final Checkbox hotOnly = new Checkbox("Hot only (WARN/HOT)");

    DashboardToolbar(List<RegionInfo> regions, Consumer<String> onRegion, Consumer<Boolean> onHotOnly) {
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
        setAlignItems(FlexComponent.Alignment.BASELINE);
        add(region, hotOnly);
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
}
