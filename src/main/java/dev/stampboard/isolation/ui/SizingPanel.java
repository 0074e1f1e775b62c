package dev.stampboard.isolation.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.theme.lumo.LumoUtility;
import dev.stampboard.isolation.DedicatedSizing;
import dev.stampboard.planning.engine.SizingSettings;
import java.util.Locale;

/** The dedicated stamp's size and the arithmetic behind it (DESIGN §6), with the per-node figures used. */
class SizingPanel extends Div {

    final Paragraph summary = new Paragraph();
    private final UnorderedList lines = new UnorderedList();
    private final Paragraph figures = new Paragraph();

    SizingPanel(SizingSettings settings) {
        setId("sizing");
        var title = new H2("Dedicated stamp sizing"); // right under the page's h1 on the form
        title.getStyle().set("margin", "0");
        summary.addClassNames(LumoUtility.FontWeight.SEMIBOLD, LumoUtility.Margin.Vertical.XSMALL);
        lines.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.Margin.Vertical.XSMALL);
        lines.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
        figures.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.NONE);
        figures.setText(String.format(
                Locale.ROOT,
                "Per node at 100 %% CPU: %.0f QPS (registry), %.1f Gbit/s (dataproxy);"
                        + " %.0f TB per storage account; sized for %.0f %% utilisation plus %.0f %% headroom; at least two nodes per pool.",
                settings.registryNodeQps(),
                settings.dataproxyNodeGbps(),
                settings.storageAccountTb(),
                settings.targetUtilisation() * 100,
                settings.headroom() * 100));
        add(title, summary, lines, figures);
        addClassNames(
                LumoUtility.Padding.MEDIUM,
                LumoUtility.Border.ALL,
                LumoUtility.BorderColor.CONTRAST_10,
                LumoUtility.BorderRadius.MEDIUM);
        show(null);
    }

    void show(@org.jspecify.annotations.Nullable DedicatedSizing sizing) {
        lines.removeAll();
        if (sizing == null) {
            summary.setText("Enter peak QPS, throughput and data volume to see the size.");
            return;
        }
        summary.setText(String.format(
                Locale.ROOT,
                "%d registry nodes · %d dataproxy nodes · %d storage account%s",
                sizing.registryNodes(),
                sizing.dataproxyNodes(),
                sizing.storageAccounts(),
                sizing.storageAccounts() == 1 ? "" : "s"));
        sizing.arithmeticLines().forEach(line -> lines.add(new ListItem(line)));
    }
}
