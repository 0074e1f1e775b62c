package dev.stampboard.dashboard.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import dev.stampboard.dashboard.NodeCpu;
import java.util.List;
import java.util.Locale;

/** Every node of the stamp with its newest CPU %, hottest first, coloured like the P95 badges. */
class NodesGrid extends Grid<NodeCpu> {

    NodesGrid(List<NodeCpu> nodes, double warnThreshold, double hotThreshold) {
        setId("nodes");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        addColumn(NodeCpu::node)
                .setHeader("Node")
                .setKey("node")
                .setAutoWidth(true)
                .setFlexGrow(1);
        addColumn(n -> StampHeader.label(n.pool()))
                .setHeader("Pool")
                .setKey("pool")
                .setAutoWidth(true);
        addComponentColumn(n -> cpuBadge(n, warnThreshold, hotThreshold))
                .setHeader("CPU")
                .setKey("cpu")
                .setAutoWidth(true);
        setItems(nodes);
        setHeight("420px");
    }

    private static Span cpuBadge(NodeCpu node, double warn, double hot) {
        // the word beside the colour, as on the P95 badges: state never by colour alone
        String word = node.cpu() == null ? "" : node.cpu() > hot ? "HOT" : node.cpu() >= warn ? "WARN" : "OK";
        var badge =
                new Span(node.cpu() == null ? "no data" : String.format(Locale.ROOT, "%.1f %% %s", node.cpu(), word));
        String theme = node.cpu() == null
                ? "contrast"
                : node.cpu() > hot ? "error" : node.cpu() >= warn ? "warning" : "success";
        badge.getElement().getThemeList().add("badge " + theme);
        badge.getStyle()
                .set("min-width", "7.5em")
                .set("justify-content", "flex-end")
                .set("font-variant-numeric", "tabular-nums");
        return badge;
    }
}
