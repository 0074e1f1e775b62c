/**
 * A thin Flow wrapper around Apache ECharts ({@code npm echarts}) and a typed, JSON-serialisable
 * option model for it.
 *
 * <p>Build a {@link dev.stampboard.base.ui.chart.ChartOption} from records (usually via its
 * factories such as {@code ChartOption.line(...)}), then hand it to
 * {@link dev.stampboard.base.ui.chart.EChart#setOption}. The option is serialised with Jackson
 * ({@code NON_NULL}: unset fields are left to ECharts' defaults) and sent to the browser as one
 * element property, {@code option}.
 *
 * <h2>Value formatter convention</h2>
 * JSON cannot carry JavaScript functions, so the client element ({@code stampboard-echart})
 * understands two extra keys and turns them into formatter functions before calling
 * {@code chart.setOption}:
 * <ul>
 *   <li>{@code valueSuffix} (string, e.g. {@code " %"} or {@code " ms"}) is appended to the value;</li>
 *   <li>{@code valueDecimals} (integer) rounds numeric values with {@code toFixed(n)}.</li>
 * </ul>
 * They are honoured on {@link dev.stampboard.base.ui.chart.Tooltip} (installs
 * {@code tooltip.valueFormatter}), {@link dev.stampboard.base.ui.chart.AxisLabel} (installs
 * {@code axisLabel.formatter}; non-numeric category labels are left alone),
 * {@link dev.stampboard.base.ui.chart.Label} on series (installs {@code label.formatter} over the
 * item's value) and {@link dev.stampboard.base.ui.chart.VisualMap} (installs
 * {@code visualMap.formatter}). If an explicit {@code formatter} template is also set, the
 * template wins. Both keys are removed before the option reaches ECharts.
 *
 * <p>Named tooltip formatters: a {@code tooltip.formatter} starting with {@code @} selects a
 * built-in client function. {@code @heatmapCell} ({@link dev.stampboard.base.ui.chart.Tooltip#heatmapCell()},
 * the default of {@code ChartOption.heatmap}) renders "row · column  value" from the category
 * axes' labels (HTML-escaped) and honours the suffix/decimals keys. Unknown names are dropped.
 */
@NullMarked
package dev.stampboard.base.ui.chart;

import org.jspecify.annotations.NullMarked;
