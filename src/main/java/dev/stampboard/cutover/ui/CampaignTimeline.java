package dev.stampboard.cutover.ui;

import dev.stampboard.base.ui.chart.BarSeries;
import dev.stampboard.base.ui.chart.ChartOption;
import dev.stampboard.base.ui.chart.EChart;
import dev.stampboard.cutover.MoveRunDetails;
import dev.stampboard.cutover.MoveState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The campaign as a Gantt chart: one bar per batch over simulated hours since the start — validated,
 * under way, still ahead. Batches not started yet are placed after the one before them, so the chart
 * also says roughly when the campaign ends.
 */
final class CampaignTimeline extends EChart {

    CampaignTimeline() {
        setWidthFull();
        setHeight("260px");
    }

    void show(List<MoveRunDetails> moves, Instant startedAt, Instant now) {
        Map<String, List<MoveRunDetails>> batches = new LinkedHashMap<>();
        moves.stream()
                .sorted(java.util.Comparator.comparingInt(MoveRunDetails::phase)
                        .thenComparingInt(MoveRunDetails::batch))
                .forEach(m -> batches.computeIfAbsent(
                                String.format(Locale.ROOT, "P%d · B%d", m.phase(), m.batch()), k -> new ArrayList<>())
                        .add(m));
        List<String> labels = new ArrayList<>();
        List<Double> offset = new ArrayList<>();
        List<Double> done = new ArrayList<>();
        List<Double> running = new ArrayList<>();
        List<Double> ahead = new ArrayList<>();
        List<String> said = new ArrayList<>();
        double cursor = 0;
        for (var e : batches.entrySet()) {
            List<MoveRunDetails> batch = e.getValue();
            double length = batch.stream()
                    .mapToInt(MoveRunDetails::observationHours)
                    .max()
                    .orElse(0);
            Instant cut = batch.stream()
                    .map(MoveRunDetails::cutoverAt)
                    .filter(c -> c != null)
                    .min(Instant::compareTo)
                    .orElse(null);
            double start = cut == null ? Math.max(cursor, hours(startedAt, now)) : hours(startedAt, cut);
            boolean finished = batch.stream()
                    .allMatch(m -> m.state() == MoveState.COMPLETED || m.state() == MoveState.ROLLED_BACK);
            double elapsed = cut == null ? 0 : finished ? length : Math.min(length, hours(cut, now));
            labels.add(e.getKey() + " (" + batch.size() + (batch.size() == 1 ? " move)" : " moves)"));
            offset.add(round(start));
            done.add(finished ? round(length) : null);
            running.add(!finished && cut != null ? round(elapsed) : null);
            ahead.add(round(length - elapsed) == 0 ? null : round(length - elapsed));
            said.add(String.format(
                    Locale.ROOT,
                    "%s %s, from hour %.1f for %.0f h",
                    e.getKey(),
                    finished ? "validated" : cut != null ? "under way" : "ahead",
                    start,
                    length));
            cursor = start + length;
        }
        setSummary("Campaign timeline in simulated hours since the start: " + String.join("; ", said));
        setOption(ChartOption.horizontalBar(
                        labels,
                        BarSeries.of("hours before", offset).stacked("t").withColor("rgba(0,0,0,0)"),
                        BarSeries.of("validated", done).stacked("t").withColor("#2e7d32"),
                        BarSeries.of("under way", running).stacked("t").withColor("#1676f3"),
                        BarSeries.of("ahead", ahead).stacked("t").withColor("#c5cbd3"))
                // the transparent spacer places each bar at its start; it is no entry of the legend
                .withLegend(dev.stampboard.base.ui.chart.Legend.atTop()
                        .withData(List.of("validated", "under way", "ahead"))));
    }

    private static double hours(Instant from, Instant to) {
        return Duration.between(from, to).toMinutes() / 60.0;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
