// ionstream monitor: small SVG line charts (no libraries). A chart keeps every point it is given
// and draws at most two points per pixel column (the column's min and max), so long runs stay
// cheap to draw; the number of points it holds is in its data-points attribute.
(function () {
  'use strict';

  const SVG_NS = 'http://www.w3.org/2000/svg';
  const PALETTE = ['#2563eb', '#ea580c', '#16a34a', '#9333ea', '#dc2626', '#0d9488', '#ca8a04', '#db2777'];
  const W = 600, H = 260, M = {left: 64, right: 14, top: 12, bottom: 38};

  function svg(tag, attrs, parent) {
    const e = document.createElementNS(SVG_NS, tag);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }

  /** A number for an axis or a readout: 4 (or digits) significant digits, exponent form when very large or small. */
  function formatNumber(v, digits) {
    const d = digits || 4;
    if (!Number.isFinite(v)) return String(v);
    const a = Math.abs(v);
    if (a !== 0 && (a >= 1e6 || a < 1e-3)) return v.toExponential(d - 2).replace('e+', 'e');
    return String(Number(v.toPrecision(d)));
  }

  /** About n round-numbered ticks covering [lo, hi]. */
  function linearTicks(lo, hi, n) {
    if (!(hi > lo)) return [lo];
    const raw = (hi - lo) / n, mag = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = [1, 2, 2.5, 5, 10].map(f => f * mag).find(s => s >= raw) || 10 * mag;
    const out = [];
    for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) out.push(Math.abs(t) < step * 1e-9 ? 0 : t);
    return out;
  }

  /** Ticks of a log axis over [lo, hi] (positive): decades, with 2 and 5 when there are few. */
  function logTicks(lo, hi) {
    const out = [], d0 = Math.floor(Math.log10(lo)), d1 = Math.ceil(Math.log10(hi));
    const mult = d1 - d0 <= 2 ? [1, 2, 5] : [1];
    for (let d = d0; d <= d1; d++) for (const m of mult) {
      const t = m * Math.pow(10, d);
      if (t >= lo * 0.999 && t <= hi * 1.001) out.push(t);
    }
    return out.length ? out : [lo, hi];
  }

  class LineChart {
    /**
     * options: title, unit, xLabel, series: [{label}], logToggle (offer a log-log switch),
     * logLog (start in log-log), id (a stable name for tests and styling).
     */
    constructor(parent, options) {
      this.o = options;
      this.series = options.series.map((s, i) => ({label: s.label, color: PALETTE[i % PALETTE.length], xs: [], ys: []}));
      this.markers = [];
      this.logLog = !!options.logLog;
      this.points = 0;
      this.pending = false;

      const card = this.card = document.createElement('figure');
      card.className = 'chart';
      card.dataset.chart = options.id;
      card.dataset.points = '0';
      const head = document.createElement('figcaption');
      const title = document.createElement('span');
      title.className = 'chart-title';
      title.textContent = options.title + (options.unit ? ' (' + options.unit + ')' : '');
      head.appendChild(title);
      this.readout = document.createElement('span');
      this.readout.className = 'chart-readout';
      head.appendChild(this.readout);
      if (options.logToggle) {
        const label = document.createElement('label');
        label.className = 'chart-toggle';
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.checked = this.logLog;
        box.addEventListener('change', () => { this.logLog = box.checked; this.render(); });
        label.append(box, ' log-log');
        head.appendChild(label);
      }
      card.appendChild(head);

      this.svg = svg('svg', {viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': options.title});
      this.grid = svg('g', {class: 'grid'}, this.svg);
      this.markerLayer = svg('g', {class: 'markers'}, this.svg);
      this.paths = this.series.map(s => svg('path', {class: 'line', stroke: s.color, fill: 'none'}, this.svg));
      this.hover = svg('g', {class: 'hover', visibility: 'hidden'}, this.svg);
      this.hoverLine = svg('line', {y1: M.top, y2: H - M.bottom}, this.hover);
      this.hoverDots = this.series.map(s => svg('circle', {r: 3, fill: s.color}, this.hover));
      this.empty = svg('text', {x: W / 2, y: H / 2, class: 'empty', 'text-anchor': 'middle'}, this.svg);
      this.empty.textContent = 'waiting for samples…';
      card.appendChild(this.svg);

      if (this.series.length > 1) {
        const legend = document.createElement('div');
        legend.className = 'legend';
        for (const s of this.series) {
          const item = document.createElement('span');
          const sw = document.createElement('i');
          sw.style.background = s.color;
          item.append(sw, s.label);
          legend.appendChild(item);
        }
        card.appendChild(legend);
      }
      this.tip = document.createElement('div');
      this.tip.className = 'chart-tip';
      this.tip.hidden = true;
      card.appendChild(this.tip);
      this.svg.addEventListener('mousemove', e => this.showHover(e));
      this.svg.addEventListener('mouseleave', () => { this.hover.setAttribute('visibility', 'hidden'); this.tip.hidden = true; });
      parent.appendChild(card);
    }

    /** Adds one point to series i (drawn at the next render). */
    add(i, x, y) {
      if (!Number.isFinite(x) || !Number.isFinite(y)) return;
      const s = this.series[i];
      s.xs.push(x);
      s.ys.push(y);
      this.points++;
      this.schedule();
    }

    /** Replaces series i with these points (a profile that is redrawn as a whole). */
    replace(i, xs, ys) {
      const s = this.series[i];
      this.points += xs.length - s.xs.length;
      s.xs = xs;
      s.ys = ys;
      this.schedule();
    }

    /** A labelled vertical line (a stage boundary). */
    mark(x, label) {
      this.markers.push({x, label});
      this.schedule();
    }

    schedule() {
      if (this.pending) return;
      this.pending = true;
      setTimeout(() => { this.pending = false; this.render(); }, 120);
    }

    bounds() {
      let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
      for (const s of this.series) {
        for (let k = 0; k < s.xs.length; k++) {
          const x = s.xs[k], y = s.ys[k];
          if (this.logLog && (x <= 0 || y <= 0)) continue;
          if (x < x0) x0 = x;
          if (x > x1) x1 = x;
          if (y < y0) y0 = y;
          if (y > y1) y1 = y;
        }
      }
      if (!(x1 >= x0)) return null;
      if (this.logLog) {
        if (x1 === x0) { x0 /= 2; x1 *= 2; }
        if (y1 === y0) { y0 /= 2; y1 *= 2; }
      } else {
        if (x1 === x0) { x0 -= 1; x1 += 1; }
        const pad = y1 === y0 ? (y0 !== 0 ? Math.abs(y0) * 0.05 : 1) : (y1 - y0) * 0.06;
        y0 -= pad;
        y1 += pad;
      }
      return {x0, x1, y0, y1};
    }

    scales(b) {
      const pw = W - M.left - M.right, ph = H - M.top - M.bottom;
      if (this.logLog) {
        const lx0 = Math.log10(b.x0), lx1 = Math.log10(b.x1), ly0 = Math.log10(b.y0), ly1 = Math.log10(b.y1);
        return {
          x: v => M.left + (Math.log10(v) - lx0) / (lx1 - lx0) * pw,
          y: v => M.top + ph - (Math.log10(v) - ly0) / (ly1 - ly0) * ph,
          invX: px => Math.pow(10, lx0 + (px - M.left) / pw * (lx1 - lx0))
        };
      }
      return {
        x: v => M.left + (v - b.x0) / (b.x1 - b.x0) * pw,
        y: v => M.top + ph - (v - b.y0) / (b.y1 - b.y0) * ph,
        invX: px => b.x0 + (px - M.left) / pw * (b.x1 - b.x0)
      };
    }

    render() {
      this.card.dataset.points = String(this.points);
      const b = this.bounds();
      this.empty.setAttribute('visibility', b ? 'hidden' : 'visible');
      if (!b) return;
      const sc = this.scales(b);
      this.sc = sc;
      this.drawAxes(b, sc);
      this.series.forEach((s, i) => this.paths[i].setAttribute('d', this.pathOf(s, sc)));
      this.markerLayer.replaceChildren();
      for (const m of this.markers) {
        if (this.logLog && m.x <= 0) continue;
        const px = sc.x(m.x);
        if (px < M.left - 0.5 || px > W - M.right + 0.5) continue;
        svg('line', {x1: px, x2: px, y1: M.top, y2: H - M.bottom}, this.markerLayer);
        const t = svg('text', {x: px + 3, y: M.top + 10}, this.markerLayer);
        t.textContent = m.label;
      }
      // the newest values in the caption, for charts of a few series (hovering shows any point)
      this.readout.textContent = this.series.length > 3 ? '' : this.series.filter(s => s.ys.length)
        .map(s => (this.series.length > 1 ? s.label + ' ' : '') + formatNumber(s.ys[s.ys.length - 1], 6)).join(' · ');
    }

    /** The series as a path, at most a min and a max per pixel column. */
    pathOf(s, sc) {
      const parts = [];
      let col = null, lo = null, hi = null, first = true;
      const flush = () => {
        if (col === null) return;
        const pts = lo.i <= hi.i ? [lo, hi] : [hi, lo];
        for (const p of pts) {
          parts.push((first ? 'M' : 'L') + p.x.toFixed(1) + ',' + p.y.toFixed(1));
          first = false;
        }
      };
      for (let k = 0; k < s.xs.length; k++) {
        const x = s.xs[k], y = s.ys[k];
        if (this.logLog && (x <= 0 || y <= 0)) continue;
        const px = sc.x(x), py = sc.y(y), c = Math.round(px);
        if (c !== col) {
          flush();
          col = c;
          lo = hi = {x: px, y: py, i: k};
        } else {
          if (py < lo.y) lo = {x: px, y: py, i: k};
          if (py > hi.y) hi = {x: px, y: py, i: k};
        }
      }
      flush();
      return parts.join('');
    }

    drawAxes(b, sc) {
      const g = this.grid;
      g.replaceChildren();
      const xt = this.logLog ? logTicks(b.x0, b.x1) : linearTicks(b.x0, b.x1, 6);
      const yt = this.logLog ? logTicks(b.y0, b.y1) : linearTicks(b.y0, b.y1, 5);
      for (const t of yt) {
        const y = sc.y(t);
        if (y < M.top - 0.5 || y > H - M.bottom + 0.5) continue;
        svg('line', {x1: M.left, x2: W - M.right, y1: y, y2: y}, g);
        const l = svg('text', {x: M.left - 6, y: y + 4, 'text-anchor': 'end'}, g);
        l.textContent = formatNumber(t);
      }
      for (const t of xt) {
        const x = sc.x(t);
        if (x < M.left - 0.5 || x > W - M.right + 0.5) continue;
        svg('line', {x1: x, x2: x, y1: M.top, y2: H - M.bottom, class: 'vgrid'}, g);
        const l = svg('text', {x, y: H - M.bottom + 16, 'text-anchor': 'middle'}, g);
        l.textContent = formatNumber(t);
      }
      svg('rect', {x: M.left, y: M.top, width: W - M.left - M.right, height: H - M.top - M.bottom, class: 'frame'}, g);
      const xl = svg('text', {x: M.left + (W - M.left - M.right) / 2, y: H - 6, 'text-anchor': 'middle', class: 'axis-label'}, g);
      xl.textContent = this.o.xLabel || '';
    }

    showHover(e) {
      if (!this.sc || !this.series[0].xs.length) return;
      const r = this.svg.getBoundingClientRect();
      const px = (e.clientX - r.left) / r.width * W;
      if (px < M.left || px > W - M.right) return;
      const x = this.sc.invX(px);
      const lines = [];
      let shown = false;
      this.series.forEach((s, i) => {
        const k = nearest(s.xs, x);
        if (k < 0 || (this.logLog && (s.xs[k] <= 0 || s.ys[k] <= 0))) { this.hoverDots[i].setAttribute('visibility', 'hidden'); return; }
        const hx = this.sc.x(s.xs[k]), hy = this.sc.y(s.ys[k]);
        this.hoverDots[i].setAttribute('cx', hx);
        this.hoverDots[i].setAttribute('cy', hy);
        this.hoverDots[i].setAttribute('visibility', 'visible');
        if (!shown) {
          this.hoverLine.setAttribute('x1', hx);
          this.hoverLine.setAttribute('x2', hx);
          lines.push((this.o.xLabel || 'x') + ' ' + formatNumber(s.xs[k]));
          shown = true;
        }
        lines.push(s.label + ' ' + formatNumber(s.ys[k], 6));
      });
      this.hover.setAttribute('visibility', shown ? 'visible' : 'hidden');
      this.tip.textContent = lines.join('\n');
      this.tip.hidden = !shown;
      this.tip.style.left = Math.min(e.clientX - r.left + 12, r.width - 140) + 'px';
      this.tip.style.top = (e.clientY - r.top + 8) + 'px';
    }
  }

  /** Index of the x in the ascending xs nearest to x (-1 when empty). */
  function nearest(xs, x) {
    if (!xs.length) return -1;
    let lo = 0, hi = xs.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (xs[mid] < x) lo = mid; else hi = mid;
    }
    return Math.abs(xs[lo] - x) <= Math.abs(xs[hi] - x) ? lo : hi;
  }

  window.IonCharts = {LineChart, formatNumber};
})();
