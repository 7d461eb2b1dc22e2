// ionstream monitor: the job list and, per job, live charts of its observables, fed by the
// server's Server-Sent Events (read with fetch so that a bearer token can go with them; a lost
// connection resumes with Last-Event-ID, so no sample is missed or repeated).
(function () {
  'use strict';

  const {LineChart, formatNumber} = window.IonCharts;
  const ENDED = new Set(['COMPLETED', 'FAILED', 'CANCELLED']);
  const TOKEN_KEY = 'ionstream.token';

  // Charts for the observables the monitor knows (by name), in this order; anything else a job samples follows
  // (time series of the remaining values, one chart per observable, and the newest profile of
  // array-valued ones such as an RDF). A rule takes the values it names that the job has.
  const KNOWN = [
    {obs: ['msd'], title: 'Mean squared displacement', values: ['msd_total_A2', 'msd_x_A2', 'msd_y_A2', 'msd_z_A2'], logToggle: true},
    {obs: ['reduction'], title: 'Reduction fraction', values: ['alpha']},
    {obs: ['crystallinity'], title: 'Crystallinity', values: ['crystallinity', 'hcp_fraction']},
    {obs: ['thermo'], title: 'Temperature', values: ['temperature_K']},
    {obs: ['thermo'], title: 'Pressure', values: ['pressure_bar']},
    {obs: ['thermo'], title: 'Total energy', values: ['etotal_eV', 'conserved_eV']},
    {obs: ['thermo'], title: 'Potential energy', values: ['pe_eV']},
    {obs: ['cell', 'thermo'], title: 'Volume', values: ['volume_A3']},
    {obs: ['cell', 'thermo'], title: 'Cell lengths', values: ['lx_A', 'ly_A', 'lz_A']}
  ];
  // values shown elsewhere already or bookkeeping (kinetic energy is the temperature times a constant)
  const HIDDEN = /^(thermo\.ke_eV|msd\.atoms|crystallinity\.(anions|fcc|hcp))$/;
  const ARRAY_VALUE = /^(.*)\[(\d+)\]$/;
  const UNITS = {K: 'K', bar: 'bar', eV: 'eV', A: 'Å', A2: 'Å²', A3: 'Å³', ps: 'ps', fs: 'fs', GPa: 'GPa'};

  const $ = id => document.getElementById(id);
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const num = v => (v === undefined || v === null || v === '') ? 0 : Number(v);

  // ---------------------------------------------------------------- API

  class ApiError extends Error {
    constructor(status, detail) {
      super(detail);
      this.status = status;
    }
  }

  function authHeaders(extra) {
    const h = Object.assign({}, extra || {});
    const t = sessionStorage.getItem(TOKEN_KEY);
    if (t) h.Authorization = 'Bearer ' + t;
    return h;
  }

  async function failure(r) {
    let detail = r.status + ' ' + r.statusText;
    try {
      const p = await r.json();
      if (p.detail) detail = p.detail;
    } catch (ignored) { /* not a problem document */ }
    if (r.status === 401) showAuth(detail);
    return new ApiError(r.status, detail);
  }

  async function api(path, raw) {
    const r = await fetch('api/v1/' + path, {headers: authHeaders({Accept: 'application/json'}), cache: 'no-store'});
    if (!r.ok) throw await failure(r);
    return raw ? r : r.json();
  }

  function showAuth(detail) {
    $('auth').hidden = false;
    $('auth-detail').textContent = detail;
    $('token').focus();
  }

  $('auth-form').addEventListener('submit', e => {
    e.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, $('token').value.trim());
    $('auth').hidden = true;
    route();
  });

  // ---------------------------------------------------------------- formatting

  function duration(s) {
    if (!Number.isFinite(s) || s < 0) return '–';
    if (s < 60) return Math.round(s) + ' s';
    if (s < 3600) return Math.floor(s / 60) + ' min ' + Math.round(s % 60) + ' s';
    return Math.floor(s / 3600) + ' h ' + Math.round((s % 3600) / 60) + ' min';
  }

  function when(ts) {
    if (!ts) return '–';
    const d = new Date(ts);
    return isNaN(d) ? '–' : d.toLocaleString();
  }

  function badge(state) {
    const b = el('span', 'badge state-' + (state || 'UNKNOWN').toLowerCase(), (state || '?').toLowerCase());
    return b;
  }

  function progressBar(fraction) {
    const bar = el('div', 'progress');
    const fill = el('div', 'progress-fill');
    fill.style.width = (100 * Math.max(0, Math.min(1, fraction))).toFixed(1) + '%';
    bar.appendChild(fill);
    return bar;
  }

  function stepsPerSecond(job) {
    const atoms = num(job.atoms);
    return atoms > 0 ? num(job.atomStepsPerSecond) / atoms : 0;
  }

  /** "temperature_K" → ["temperature", "K"]. */
  function splitUnit(valueName) {
    const i = valueName.lastIndexOf('_');
    if (i > 0 && UNITS[valueName.slice(i + 1)]) return [valueName.slice(0, i), UNITS[valueName.slice(i + 1)]];
    return [valueName, ''];
  }

  // ---------------------------------------------------------------- job list

  let current = null;

  async function showJobs() {
    stopCurrent();
    $('jobs-view').hidden = false;
    $('job-view').hidden = true;
    document.title = 'ionstream monitor';
    const list = {stopped: false, timer: null};
    current = {stop: () => { list.stopped = true; clearTimeout(list.timer); }};
    const refresh = async () => {
      try {
        const r = await api('jobs');
        if (list.stopped) return;
        renderJobs(r.jobs || []);
        setConnection('ok', 'connected');
      } catch (e) {
        if (!list.stopped) setConnection('bad', e.status === 401 ? 'token needed' : 'server unreachable');
      }
      if (!list.stopped) list.timer = setTimeout(refresh, 2000);
    };
    refresh();
  }

  function renderJobs(jobs) {
    const body = $('jobs-body');
    body.replaceChildren();
    $('jobs-empty').hidden = jobs.length > 0;
    for (const j of jobs.slice().reverse()) {
      const tr = el('tr');
      tr.dataset.job = j.jobId;
      const name = el('td');
      const a = el('a', '', j.name || j.jobId);
      a.href = '#/jobs/' + encodeURIComponent(j.jobId);
      name.append(a, el('div', 'muted mono', j.jobId));
      const st = el('td');
      st.appendChild(badge(j.state));
      const total = num(j.totalSteps), step = num(j.step);
      const prog = el('td');
      prog.append(progressBar(total ? step / total : 0), el('div', 'muted', step + ' / ' + total + ' steps'));
      tr.append(name, st, prog, el('td', 'num', String(num(j.atoms))), el('td', 'num', j.state === 'RUNNING' ? formatNumber(stepsPerSecond(j)) : '–'),
        el('td', 'muted', j.stage || '–'), el('td', 'muted', when(j.submitted)));
      tr.addEventListener('click', e => { if (e.target.tagName !== 'A') location.hash = '#/jobs/' + encodeURIComponent(j.jobId); });
      body.appendChild(tr);
    }
  }

  function setConnection(kind, text) {
    const c = $('conn');
    c.className = 'conn conn-' + kind;
    c.textContent = text;
  }

  // ---------------------------------------------------------------- one job

  class JobView {
    constructor(id) {
      this.id = id;
      this.stopped = false;
      this.abort = null;
      this.lastSeq = null;
      this.route = new Map(); // observable name → [[chart, series] per value index]
      this.schemaValues = new Map(); // observable name → its value names
      this.profiles = []; // {obs, chart, indices}: array-valued observables, drawn as their newest profile
      this.charts = [];
      this.lastStage = null;
      this.rate = []; // [wall ms, step] of recent samples, for the ETA
      this.step = 0;
      this.dropped = 0;
      this.ended = false;
    }

    async start() {
      $('jobs-view').hidden = true;
      $('job-view').hidden = false;
      $('results').hidden = true;
      $('charts').replaceChildren();
      $('job-error').hidden = true;
      let job;
      try {
        job = await api('jobs/' + encodeURIComponent(this.id));
      } catch (e) {
        $('job-title').textContent = this.id;
        $('job-error').hidden = false;
        $('job-error').textContent = e.message;
        return;
      }
      if (this.stopped) return;
      this.job = job;
      this.buildCharts(job.observables || []);
      this.renderHead();
      this.poll();
      this.stream();
    }

    stop() {
      this.stopped = true;
      if (this.abort) this.abort.abort();
      clearTimeout(this.pollTimer);
    }

    buildCharts(schemas) {
      const parent = $('charts');
      const taken = new Set();
      const series = (obs, name) => {
        const label = splitUnit(name)[0];
        return {label: label.startsWith(obs + '_') ? label.slice(obs.length + 1) : label};
      };
      const add = (title, obs, names, options) => {
        const s = this.schemaValues.get(obs);
        const chart = new LineChart(parent, Object.assign({
          id: obs + ':' + names.join(','), title, unit: splitUnit(names[0])[1], xLabel: 'time (ps)',
          series: names.map(n => series(obs, n))
        }, options || {}));
        this.charts.push(chart);
        names.forEach((n, si) => {
          if (!this.route.has(obs)) this.route.set(obs, []);
          this.route.get(obs)[s.indexOf(n)] = [chart, si];
          taken.add(obs + '.' + n);
        });
      };
      for (const s of schemas) this.schemaValues.set(s.name, s.valueNames || []);
      for (const rule of KNOWN) {
        for (const s of schemas) {
          if (!rule.obs.includes(s.name)) continue;
          const pick = rule.values.filter(v => this.schemaValues.get(s.name).includes(v) && !taken.has(s.name + '.' + v));
          if (pick.length) add(rule.title, s.name, pick, {logToggle: !!rule.logToggle});
        }
      }
      // array-valued observables (rdf g[k], profile density[b], ...): the newest profile against its bin
      for (const s of schemas) {
        const groups = new Map();
        this.schemaValues.get(s.name).forEach((v, i) => {
          const m = ARRAY_VALUE.exec(v);
          if (!m) return;
          if (!groups.has(m[1])) groups.set(m[1], []);
          groups.get(m[1]).push(i);
          taken.add(s.name + '.' + v);
        });
        for (const [base, indices] of groups) {
          const chart = new LineChart(parent, {id: s.name + ':' + base + '[]', title: s.name + ' · ' + base + ' (newest)', xLabel: 'bin',
            series: [{label: base}], profile: true});
          this.charts.push(chart);
          this.profiles.push({obs: s.name, chart, indices});
        }
      }
      for (const s of schemas) {
        const rest = this.schemaValues.get(s.name).filter(v => !taken.has(s.name + '.' + v) && !HIDDEN.test(s.name + '.' + v)).slice(0, 8);
        if (rest.length) add(KNOWN.some(r => r.obs.includes(s.name)) ? s.name + ': ' + rest.map(v => series(s.name, v).label).join(', ') : s.name,
          s.name, rest);
      }
      $('charts-empty').hidden = this.charts.length > 0;
    }

    sample(s) {
      const seq = num(s.sequence);
      this.lastSeq = seq;
      const t = num(s.timePs);
      if (s.stage !== this.lastStage) {
        if (this.lastStage !== null) for (const c of this.charts) if (!c.o.profile) c.mark(t, s.stage);
        this.lastStage = s.stage;
      }
      for (const o of s.observables || []) {
        const values = o.values || [];
        const r = this.route.get(o.name);
        if (r) values.forEach((v, i) => { if (r[i]) r[i][0].add(r[i][1], t, num(v)); });
        for (const p of this.profiles) {
          if (p.obs === o.name) p.chart.replace(0, p.indices.map((_, k) => k), p.indices.map(i => num(values[i])));
        }
      }
      this.step = Math.max(this.step, num(s.step));
      const wall = num(s.producedUnixNanos) / 1e6;
      if (wall > 0) {
        this.rate.push([wall, num(s.step)]);
        while (this.rate.length > 2 && wall - this.rate[0][0] > 15000) this.rate.shift();
      }
      this.scheduleHead();
    }

    scheduleHead() {
      if (this.headPending) return;
      this.headPending = true;
      setTimeout(() => { this.headPending = false; this.renderHead(); }, 200);
    }

    renderHead() {
      const j = this.job;
      document.title = (j.name || j.jobId) + ' – ionstream';
      $('job-title').textContent = j.name || j.jobId;
      $('job-id').textContent = j.jobId;
      $('job-state').replaceChildren(badge(j.state));
      const total = num(j.totalSteps);
      const step = ENDED.has(j.state) ? num(j.step) : Math.max(this.step, num(j.step));
      $('job-progress').replaceChildren(progressBar(total ? step / total : 0));
      $('job-step').textContent = step + ' / ' + total + (total ? ' · ' + (100 * step / total).toFixed(step < total ? 1 : 0) + ' %' : '');
      let eta = '–', sps = stepsPerSecond(j);
      if (this.rate.length >= 2) {
        const [w0, s0] = this.rate[0], [w1, s1] = this.rate[this.rate.length - 1];
        if (w1 > w0 && s1 > s0) sps = (s1 - s0) / ((w1 - w0) / 1000);
      }
      if (j.state === 'RUNNING' && sps > 0) eta = duration((total - step) / sps);
      if (ENDED.has(j.state)) eta = 'done';
      $('job-eta').textContent = eta;
      $('job-rate').textContent = j.state === 'RUNNING' && sps > 0 ? formatNumber(sps) + ' steps/s' : '–';
      // the samples name the stage they were taken in; the job record's stage may lag behind
    const stage = this.lastStage || j.stage;
    $('job-stage').textContent = stage ? stage + (num(j.stageCount) ? ' · ' + num(j.stageCount) + ' stages' : '') : '–';
      $('job-system').textContent = num(j.atoms) + ' atoms' + (j.formula ? ' · ' + j.formula : '');
      $('job-runner').textContent = j.runner || '–';
      $('job-subscribers').textContent = String(num(j.subscribers));
      $('job-samples').textContent = this.lastSeq === null ? '0' : String(this.lastSeq + 1) + (this.dropped ? ' (' + this.dropped + ' skipped)' : '');
      $('job-message').hidden = !j.message;
      $('job-message').textContent = j.message || '';
    }

    /** Keeps the header's state, stage and throughput fresh while the job runs. */
    async poll() {
      if (this.stopped || this.ended) return;
      try {
        const j = await api('jobs/' + encodeURIComponent(this.id));
        if (!this.stopped && !this.ended) {
          this.job = j;
          this.renderHead();
        }
      } catch (ignored) { /* the stream reports connection trouble */ }
      if (!this.stopped && !this.ended) this.pollTimer = setTimeout(() => this.poll(), 2500);
    }

    /** Reads the event stream; reconnects after a failure, resuming after the last sample seen. */
    async stream() {
      let delay = 1000;
      while (!this.stopped && !this.ended) {
        this.abort = new AbortController();
        try {
          const headers = authHeaders({Accept: 'text/event-stream'});
          if (this.lastSeq !== null) headers['Last-Event-ID'] = String(this.lastSeq);
          const r = await fetch('api/v1/jobs/' + encodeURIComponent(this.id) + '/events?from=0', {headers, cache: 'no-store', signal: this.abort.signal});
          if (r.status === 204) { await this.finish(); break; }
          if (!r.ok) throw await failure(r);
          setConnection('ok', 'live');
          delay = 1000;
          await readEvents(r.body, (type, data) => this.event(type, data));
        } catch (e) {
          if (this.stopped) return;
          if (e.status === 404 || e.status === 401) { setConnection('bad', e.message); return; }
        }
        if (this.stopped || this.ended) break;
        setConnection('warn', 'reconnecting…');
        await new Promise(res => setTimeout(res, delay));
        delay = Math.min(delay * 2, 15000);
      }
    }

    async event(type, data) {
      if (type === 'sample') this.sample(JSON.parse(data));
      else if (type === 'job') { this.job = JSON.parse(data); this.renderHead(); }
      else if (type === 'dropped') { this.dropped += num(JSON.parse(data).dropped); }
      else if (type === 'end') { this.job = JSON.parse(data); await this.finish(); }
    }

    async finish() {
      if (this.ended) return;
      this.ended = true;
      if (this.abort) this.abort.abort();
      clearTimeout(this.pollTimer);
      setConnection('done', 'job ' + (this.job.state || 'ended').toLowerCase());
      this.renderHead();
      try {
        const r = await api('jobs/' + encodeURIComponent(this.id) + '/results');
        if (!this.stopped) renderResults(this.id, r);
      } catch (e) {
        if (!this.stopped) renderResultsError(e.message);
      }
    }
  }

  /** Calls onEvent(type, data) for every event of a text/event-stream body until it ends. */
  async function readEvents(body, onEvent) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buf = '';
    for (;;) {
      const {value, done} = await reader.read();
      if (done) return;
      buf += value;
      let cut;
      while ((cut = buf.search(/\r?\n\r?\n/)) >= 0) {
        const block = buf.slice(0, cut);
        buf = buf.slice(buf.slice(cut).match(/^\r?\n\r?\n/)[0].length + cut);
        let type = 'message';
        const data = [];
        for (const line of block.split(/\r?\n/)) {
          if (!line || line.startsWith(':')) continue;
          const i = line.indexOf(':');
          const field = i < 0 ? line : line.slice(0, i);
          const v = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
          if (field === 'event') type = v;
          else if (field === 'data') data.push(v);
        }
        if (data.length) await onEvent(type, data.join('\n'));
      }
    }
  }

  // ---------------------------------------------------------------- results

  function table(headers, rows, numericFrom, numericTo) {
    const numeric = i => i >= numericFrom && (numericTo === undefined || i < numericTo);
    const t = el('table', 'data');
    const head = el('tr');
    headers.forEach((h, i) => head.appendChild(el('th', numeric(i) ? 'num' : '', h)));
    t.appendChild(el('thead')).appendChild(head);
    const body = t.appendChild(el('tbody'));
    for (const r of rows) {
      const tr = el('tr');
      r.forEach((c, i) => tr.appendChild(el('td', numeric(i) ? 'num' : '', c)));
      body.appendChild(tr);
    }
    return t;
  }

  function renderResults(id, r) {
    const panel = $('results');
    const box = $('results-body');
    box.replaceChildren();
    const j = r.job || {};
    const facts = el('dl', 'facts');
    const fact = (k, v) => {
      const d = el('div');
      d.append(el('dt', '', k), el('dd', '', v));
      facts.appendChild(d);
    };
    fact('state', (j.state || '').toLowerCase());
    fact('steps', String(num(j.step)));
    fact('wall time', duration(num(r.wallSeconds)));
    fact('throughput', formatNumber(num(r.atomStepsPerSecond)) + ' atom-steps/s');
    fact('finished', when(j.finished));
    if (j.message) fact('message', j.message);
    box.appendChild(facts);

    if ((r.stages || []).length) {
      box.appendChild(el('h4', '', 'Stages'));
      box.appendChild(table(['stage', 'steps', 'T (K)', 'PE (eV)', 'E total (eV)', 'P (bar)', 'V (Å³)', 'stopped by'],
        r.stages.map(s => [s.name, String(num(s.steps)), formatNumber(num(s.temperatureK)), formatNumber(num(s.potentialEnergyEv)),
          formatNumber(num(s.totalEnergyEv)), formatNumber(num(s.pressureBar)), formatNumber(num(s.volumeA3)), s.stopReason || '–']), 1, 7));
    }
    if ((r.observables || []).length) {
      const rows = [], arrays = [];
      for (const o of r.observables) {
        const bins = new Map();
        (o.valueNames || []).forEach((v, i) => {
          const m = ARRAY_VALUE.exec(v);
          if (m) { bins.set(m[1], (bins.get(m[1]) || 0) + 1); return; }
          const [full, unit] = splitUnit(v);
          const label = full.startsWith(o.name + '_') ? full.slice(o.name.length + 1) : full;
          rows.push([o.name + '.' + label + (unit ? ' (' + unit + ')' : ''), formatNumber(num((o.last || [])[i]), 6),
            formatNumber(num((o.mean || [])[i]), 6) + ' ± ' + formatNumber(num((o.stddev || [])[i]), 3), String(num(o.samples)), o.stage || '–']);
        });
        for (const [base, n] of bins) arrays.push(o.name + '.' + base + ' (' + n + ' bins)');
      }
      const details = el('details');
      details.open = rows.length <= 16;
      details.appendChild(el('summary', '', 'Observables · ' + rows.length + ' values' + (arrays.length ? ' and ' + arrays.length + ' profiles' : '')));
      details.appendChild(table(['value', 'last', 'mean ± std', 'samples', 'over stage'], rows, 1, 4));
      if (arrays.length) details.appendChild(el('p', 'muted', 'Profiles, bin by bin, are in observables.csv: ' + arrays.join(', ')));
      box.appendChild(details);
    }
    if ((r.files || []).length) {
      box.appendChild(el('h4', '', 'Files'));
      const files = el('ul', 'files');
      for (const f of r.files) {
        const li = el('li');
        const b = el('button', 'link', f.name);
        b.addEventListener('click', () => download(id, f.name));
        li.append(b, el('span', 'muted', ' ' + formatNumber(num(f.size)) + ' bytes' + (f.description ? ' · ' + f.description : '')));
        files.appendChild(li);
      }
      box.appendChild(files);
    }
    panel.hidden = false;
    panel.dataset.state = j.state || '';
  }

  function renderResultsError(message) {
    $('results-body').replaceChildren(el('p', 'error', 'Results are not available: ' + message));
    $('results').hidden = false;
  }

  async function download(id, name) {
    try {
      const r = await api('jobs/' + encodeURIComponent(id) + '/files/' + encodeURIComponent(name), true);
      const url = URL.createObjectURL(await r.blob());
      const a = el('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    } catch (e) {
      alert('Cannot download ' + name + ': ' + e.message);
    }
  }

  // ---------------------------------------------------------------- routing

  function stopCurrent() {
    if (current) current.stop();
    current = null;
  }

  function route() {
    const m = /^#\/jobs\/([^/?#]+)/.exec(location.hash);
    if (m) {
      stopCurrent();
      current = new JobView(decodeURIComponent(m[1]));
      current.start();
    } else {
      showJobs();
    }
  }

  window.addEventListener('hashchange', route);
  // for tests and the curious: the charts' point counts, and whether the result panel is shown
  window.ionstreamMonitor = {
    pointCounts: () => Array.from(document.querySelectorAll('[data-chart]')).map(c => Number(c.dataset.points)),
    resultsShown: () => !$('results').hidden
  };
  route();
})();
