// <stampboard-echart>: a thin custom element around Apache ECharts, driven from the server by
// dev.stampboard.base.ui.chart.EChart. The server sets ONE property, `option` (a JSON string
// or an already-parsed object); the element renders it with setOption(option, true).
//
// Formatter convention (JSON can't carry functions): an object under `tooltip`, `axisLabel`,
// `label` or `visualMap` may carry `valueSuffix` (string) and/or `valueDecimals` (integer).
// The element removes those keys and installs the matching formatter function, unless an
// explicit `formatter` template is already set:
//   tooltip.valueFormatter(value), axisLabel.formatter(value), label.formatter(params),
//   visualMap.formatter(value).
// Named tooltip formatters: `tooltip.formatter` starting with '@' picks a built-in function:
//   '@heatmapCell'  "<row label> · <column label>  <value>" for heatmaps on category axes
//                   (honours valueSuffix/valueDecimals; labels are HTML-escaped). A cell
//                   [x, y, value, n] adds a second line: the series' cellNames[y][n].
// Named axis labels: `axisLabel.formatter` '@hourTicks' on a category axis of "MM-dd HH:mm"
//   minute labels shows a tick every two hours on the hour, with the date beneath.
// `patchHeatmap(delta)` moves a heatmap on in time without resending it (see the method).
import * as echarts from 'echarts';

const FORMAT_KEYS = ['valueSuffix', 'valueDecimals'];

function formatValue(value, suffix, decimals) {
  if (value === null || value === undefined || value === '-') return '-';
  let v = Array.isArray(value) ? value[value.length - 1] : value;
  if (typeof v === 'number' && decimals !== undefined && decimals !== null) {
    v = v.toFixed(decimals);
  }
  return `${v}${suffix ?? ''}`;
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function axisLabels(axis) {
  const first = Array.isArray(axis) ? axis[0] : axis;
  return (first && first.data) || [];
}

const NAMED_TOOLTIPS = {
  heatmapCell: (root, fmt) => (p) => {
    const [x, y, v, n] = p.value;
    const column = axisLabels(root.xAxis)[x] ?? x;
    const row = axisLabels(root.yAxis)[y] ?? y;
    const series = Array.isArray(root.series) ? root.series[p.seriesIndex] : root.series;
    const name = n === undefined || n === null ? undefined : series?.cellNames?.[y]?.[n];
    const cell = `${p.marker}${escapeHtml(row)} · ${escapeHtml(column)}&nbsp;&nbsp;<b>${escapeHtml(fmt(v))}</b>`;
    return name === undefined ? cell : `${cell}<br/>${escapeHtml(name)}`;
  },
};

const NAMED_AXIS_LABELS = {
  // category labels "MM-dd HH:mm" (one per minute): a tick every two hours on the hour, date beneath
  hourTicks: (target) => {
    target.interval = (index, value) => /\d\d:00$/.test(String(value)) && Number(String(value).slice(-5, -3)) % 2 === 0;
    target.formatter = (value) => {
      const [day, time] = String(value).split(' ');
      return time ? `${time}\n${day}` : value;
    };
  },
};

function installFormatter(key, target, root) {
  if (key === 'axisLabel' && typeof target.formatter === 'string' && target.formatter.startsWith('@')) {
    const named = NAMED_AXIS_LABELS[target.formatter.substring(1)];
    delete target.formatter;
    if (named) named(target);
    return;
  }
  const suffix = target.valueSuffix;
  const decimals = target.valueDecimals;
  FORMAT_KEYS.forEach((k) => delete target[k]);
  const fmt = (v) => formatValue(v, suffix, decimals);
  if (key === 'tooltip' && typeof target.formatter === 'string' && target.formatter.startsWith('@')) {
    const named = NAMED_TOOLTIPS[target.formatter.substring(1)];
    if (named) target.formatter = named(root, fmt);
    else delete target.formatter;
    return;
  }
  if (suffix === undefined && decimals === undefined) return;
  switch (key) {
    case 'tooltip':
      if (!target.formatter && !target.valueFormatter) target.valueFormatter = fmt;
      break;
    case 'axisLabel':
      // category labels are strings: leave them as they are
      if (!target.formatter) target.formatter = (v) => (typeof v === 'number' ? fmt(v) : v);
      break;
    case 'label':
      if (!target.formatter) target.formatter = (params) => fmt(params.value);
      break;
    case 'visualMap':
      if (!target.formatter) target.formatter = fmt;
      break;
    default:
      break;
  }
}

/** Walks the parsed option and turns the suffix/decimals convention into functions. */
function applyFormatters(node, key, root) {
  if (Array.isArray(node)) {
    // `visualMap`/`tooltip` may also be arrays of objects: keep the parent key
    node.forEach((child) => applyFormatters(child, key, root));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const named = (key === 'tooltip' || key === 'axisLabel') && typeof node.formatter === 'string'
    && node.formatter.startsWith('@');
  if (named || FORMAT_KEYS.some((k) => k in node)) installFormatter(key, node, root);
  for (const [childKey, child] of Object.entries(node)) {
    if (childKey !== 'data' && child !== null && typeof child === 'object') {
      applyFormatters(child, childKey, root);
    }
  }
}

const template = document.createElement('template');
template.innerHTML = `
  <style>
    :host { display: block; position: relative; width: 100%; height: 320px; min-height: 80px; }
    /* keep the given height in flex layouts (VerticalLayout would squeeze the plot) */
    :host { flex-shrink: 0; }
    :host([hidden]) { display: none; }
    #chart { position: absolute; inset: 0; }
  </style>
  <div id="chart"></div>`;

class StampboardEChart extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).appendChild(template.content.cloneNode(true));
    this._container = this.shadowRoot.getElementById('chart');
    this._chart = null;
    this._option = null;
    this._resizeObserver = null;
  }

  get option() {
    return this._option;
  }

  set option(value) {
    this._option = value;
    this._model = null;
    this._render();
  }

  /**
   * A heatmap moved on in time: drop `drop` columns on the left, keep the next `keep`, append
   * `labels` with their `cells` ([x, y, value] or [x, y, value, n], x counted in the new columns), and
   * `cellNames` when the rows' names changed. Merged into the chart (no notMerge), so rows stay drawn
   * while only the new minutes travel over the wire.
   */
  patchHeatmap(delta) {
    const d = typeof delta === 'string' ? JSON.parse(delta) : delta;
    const m = this._parsedModel();
    if (!m) return;
    const x = Array.isArray(m.xAxis) ? m.xAxis[0] : m.xAxis;
    const s = Array.isArray(m.series) ? m.series[0] : m.series;
    const from = d.drop;
    const to = d.drop + d.keep;
    x.data = x.data.slice(from, to).concat(d.labels);
    s.data = s.data.filter((c) => c[0] >= from && c[0] < to).map((c) => [c[0] - from, ...c.slice(1)]).concat(d.cells);
    if (d.cellNames) s.cellNames = d.cellNames;
    if (this._chart) this._chart.setOption({ xAxis: m.xAxis, series: m.series });
  }

  /** The option as ECharts takes it (formatters installed), parsed once per `option`. */
  _parsedModel() {
    if (this._option === null || this._option === undefined) return null;
    if (!this._model) {
      const parsed = typeof this._option === 'string' ? JSON.parse(this._option) : structuredClone(this._option);
      applyFormatters(parsed, null, parsed);
      const font = getComputedStyle(this).fontFamily;
      parsed.textStyle = { fontFamily: font, ...(parsed.textStyle || {}) };
      this._model = parsed;
    }
    return this._model;
  }

  connectedCallback() {
    // Flow may set `option` before this class is defined: move the instance property onto
    // the accessor so the setter runs.
    if (Object.prototype.hasOwnProperty.call(this, 'option')) {
      const value = this.option;
      delete this.option;
      this.option = value;
    }
    // Init lazily, once the box has a size: right away if it is laid out already, otherwise
    // on the first resize (e.g. not yet laid out, or inside a hidden tab).
    this._resizeObserver = new ResizeObserver(() => this._initOrResize());
    this._resizeObserver.observe(this);
    this._initOrResize();
  }

  disconnectedCallback() {
    if (this._resizeObserver) this._resizeObserver.disconnect();
    this._resizeObserver = null;
    if (this._chart) this._chart.dispose();
    this._chart = null;
  }

  _initOrResize() {
    if (this._chart) {
      this._chart.resize();
      return;
    }
    if (!this.isConnected || this._container.clientWidth === 0 || this._container.clientHeight === 0) {
      return;
    }
    this._chart = echarts.init(this._container, null, { renderer: 'canvas' });
    this._chart.on('click', (p) => this._onClick(p));
    this._render();
  }

  _render() {
    if (!this._chart) return;
    const parsed = this._parsedModel();
    if (parsed) this._chart.setOption(parsed, true);
  }

  _onClick(p) {
    if (p.componentType !== 'series') return;
    this.dispatchEvent(new CustomEvent('stampboard-item-click', {
      detail: {
        name: p.name ?? '',
        seriesName: p.seriesName ?? '',
        dataIndex: p.dataIndex ?? -1,
        valueJson: JSON.stringify(p.value ?? null),
      },
    }));
  }
}

if (!customElements.get('stampboard-echart')) {
  customElements.define('stampboard-echart', StampboardEChart);
}
