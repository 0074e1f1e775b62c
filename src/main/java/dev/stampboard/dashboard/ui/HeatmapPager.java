package dev.stampboard.dashboard.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.List;

/**
 * Pages the heatmap rows: a 500-stamp region stays readable as pages of {@value #PAGE_SIZE}
 * stamps, in the table's hottest-first order.
 */
class HeatmapPager extends HorizontalLayout {

    static final int PAGE_SIZE = 20;

    final Button previous = new Button(VaadinIcon.ANGLE_LEFT.create());
    final Button next = new Button(VaadinIcon.ANGLE_RIGHT.create());
    final Span label = new Span();
    private int page;
    private int total;

    HeatmapPager(Runnable onPageChanged) {
        previous.setAriaLabel("Previous stamps");
        next.setAriaLabel("Next stamps");
        previous.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        next.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        previous.addClickListener(e -> {
            page--;
            update();
            onPageChanged.run();
        });
        next.addClickListener(e -> {
            page++;
            update();
            onPageChanged.run();
        });
        label.setId("heatmap-page");
        setAlignItems(FlexComponent.Alignment.CENTER);
        add(new Span("Heatmap rows:"), previous, label, next);
    }

    int page() {
        return page;
    }

    /** Opens page {@code page} (0-based) once the total is known, e.g. from a deep link; out of range opens the first. */
    void open(int page, int total) {
        this.total = total;
        this.page = page < 0 || page * PAGE_SIZE >= Math.max(total, 1) ? 0 : page;
        update();
    }

    void total(int total, boolean reset) {
        this.total = total;
        if (reset || page * PAGE_SIZE >= Math.max(total, 1)) {
            page = 0;
        }
        update();
    }

    <T> List<T> page(List<T> all) {
        int from = Math.min(page * PAGE_SIZE, all.size());
        return all.subList(from, Math.min(from + PAGE_SIZE, all.size()));
    }

    private void update() {
        int from = total == 0 ? 0 : page * PAGE_SIZE + 1;
        int to = Math.min((page + 1) * PAGE_SIZE, total);
        label.setText("stamps " + from + "–" + to + " of " + total + " (hottest first, re-sorted every "
                + HeatmapOrder.RESORT_MINUTES + " min)");
        previous.setEnabled(page > 0);
        next.setEnabled(to < total);
        setVisible(total > PAGE_SIZE);
    }
}
