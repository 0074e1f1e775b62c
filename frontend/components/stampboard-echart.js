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

function installFormatter(key, target) {
  const suffix = target.valueSuffix;
  const decimals = target.valueDecimals;
  FORMAT_KEYS.forEach((k) => delete target[k]);
  if (suffix === undefined && decimals === undefined) return;
  const fmt = (v) => formatValue(v, suffix, decimals);
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
function applyFormatters(node, key) {
  if (Array.isArray(node)) {
    // `visualMap`/`tooltip` may also be arrays of objects: keep the parent key
    node.forEach((child) => applyFormatters(child, key));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  if (FORMAT_KEYS.some((k) => k in node)) installFormatter(key, node);
  for (const [childKey, child] of Object.entries(node)) {
    if (childKey !== 'data' && child !== null && typeof child === 'object') {
      applyFormatters(child, childKey);
    }
  }
}

const template = document.createElement('template');
template.innerHTML = `
  <style>
    :host { display: block; position: relative; width: 100%; height: 320px; min-height: 80px; }
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
    this._render();
  }

  connectedCallback() {
    // Flow may set `option` before this class is defined: move the instance property onto
    // the accessor so the setter runs.
    if (Object.prototype.hasOwnProperty.call(this, 'option')) {
      const value = this.option;
      delete this.option;
      this.option = value;
    }
    if (!this._chart) {
      this._chart = echarts.init(this._container, null, { renderer: 'canvas' });
      this._chart.on('click', (p) => this._onClick(p));
      this._resizeObserver = new ResizeObserver(() => this._chart && this._chart.resize());
      this._resizeObserver.observe(this);
    }
    this._render();
  }

  disconnectedCallback() {
    if (this._resizeObserver) this._resizeObserver.disconnect();
    this._resizeObserver = null;
    if (this._chart) this._chart.dispose();
    this._chart = null;
  }

  _render() {
    if (!this._chart || this._option === null || this._option === undefined) return;
    const parsed = typeof this._option === 'string' ? JSON.parse(this._option) : structuredClone(this._option);
    applyFormatters(parsed, null);
    const font = getComputedStyle(this).fontFamily;
    parsed.textStyle = { fontFamily: font, ...(parsed.textStyle || {}) };
    this._chart.setOption(parsed, true);
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
