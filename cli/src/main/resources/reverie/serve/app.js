// Reverie's run viewer: the pages of `reverie serve` and `reverie report`, drawn in the browser
// from the JSON views. No library and nothing from the network: the curve and the library graph are
// hand-written SVG. Every text that comes from a run (task names, values, programs) is put into the
// page with textContent or setAttribute, never parsed as HTML.
'use strict';
(function () {
  const REPORT = readReport();
  const POLL_MS = 2000;
  const app = document.getElementById('app');
  // The iteration chosen with the slider, by run; absent means "follow the latest".
  const chosen = new Map();
  let version = null;
  let taskFilter = 'all';
  let renderCount = 0;

  function readReport() {
    const data = document.getElementById('reverie-report');
    return data ? JSON.parse(data.textContent) : null;
  }

  // ---- DOM helpers -------------------------------------------------------------------------

  function h(tag, attrs, ...children) {
    const e = document.createElement(tag);
    setAttrs(e, attrs);
    append(e, children);
    return e;
  }

  function s(tag, attrs, ...children) {
    const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    setAttrs(e, attrs);
    append(e, children);
    return e;
  }

  function setAttrs(e, attrs) {
    if (!attrs) return;
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'text') e.textContent = String(v);
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, String(v));
    }
  }

  function append(e, children) {
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      e.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
  }

  function table(id, headers, rows) {
    return h('table', {id: id},
      h('thead', null, h('tr', null, headers.map(col =>
        h('th', {class: col.num ? 'num' : null}, col.label || col)))),
      h('tbody', null, rows));
  }

  function num(x, digits) {
    if (x === null || x === undefined || Number.isNaN(x)) return '–';
    return Number(x).toFixed(digits === undefined ? 2 : digits);
  }

  function fraction(solved, total) {
    if (solved === undefined || total === undefined) return '–';
    return solved + '/' + total;
  }

  // ---- data: the server's JSON, or the report's embedded copy --------------------------------

  class NotFound extends Error {}

  async function api(...segments) {
    if (REPORT) {
      const doc = REPORT.docs[JSON.stringify(segments.map(String))];
      if (doc === undefined) throw new NotFound();
      return doc;
    }
    const url = '/api/' + segments.map(x => encodeURIComponent(String(x))).join('/');
    const r = await fetch(url, {cache: 'no-store'});
    if (r.status === 404) throw new NotFound();
    const body = await r.json();
    if (!r.ok) throw new Error(body.error || r.statusText);
    return body;
  }

  function fileUrl(run, path) {
    if (REPORT) return REPORT.files[JSON.stringify([run, path])] || '';
    return '/files/' + [run].concat(path.split('/')).map(encodeURIComponent).join('/');
  }

  // ---- routes: #/, #/run/ID, #/run/ID/invention/N/NAME, #/run/ID/task/NAME, #/run/ID/compare --

  function link(...segments) {
    return '#/' + segments.map(x => encodeURIComponent(String(x))).join('/');
  }

  function route() {
    const raw = location.hash.replace(/^#\/?/, '');
    if (raw === '') return [];
    try {
      return raw.split('/').map(decodeURIComponent);
    } catch (e) {
      return ['?'];
    }
  }

  async function render() {
    const mine = ++renderCount;
    const r = route();
    let page;
    try {
      if (r.length === 0) {
        page = REPORT ? await runPage(REPORT.run) : await runsPage();
      } else if (r[0] === 'run' && r.length === 2) {
        page = await runPage(r[1]);
      } else if (r[0] === 'run' && r.length === 5 && r[2] === 'invention') {
        page = await inventionPage(r[1], r[3], r[4]);
      } else if (r[0] === 'run' && r.length === 4 && r[2] === 'task') {
        page = await taskPage(r[1], r[3]);
      } else if (r[0] === 'run' && r.length === 3 && r[2] === 'compare') {
        page = await comparePage(r[1]);
      } else {
        throw new NotFound();
      }
    } catch (e) {
      page = [h('h1', {text: e instanceof NotFound ? 'Not found' : 'Cannot show this page'}),
        h('p', {class: 'error', text: e instanceof NotFound
          ? 'Nothing here: the run, invention or task does not exist (any more).'
          : String(e.message || e)}),
        h('p', null, h('a', {href: '#/', text: 'Back to the runs'}))];
    }
    if (mine !== renderCount) return;  // a newer render has started
    const y = window.scrollY;
    app.replaceChildren(topBar(), h('main', null, page));
    window.scrollTo(0, y);
    app.setAttribute('data-rendered', String(mine));
  }

  function topBar() {
    return h('header', {class: 'top'},
      h('a', {class: 'brand', href: '#/', text: 'Reverie'}),
      REPORT ? h('span', {class: 'muted', text: 'static report'})
        : h('span', {class: 'live', text: 'live: updates within seconds of a new checkpoint'}));
  }

  function crumbs(...parts) {
    const out = [];
    parts.forEach((p, i) => {
      if (i > 0) out.push(' › ');
      out.push(p[1] ? h('a', {href: p[1], text: p[0]}) : p[0]);
    });
    return h('div', {class: 'crumbs'}, REPORT ? out.slice(2) : out);
  }

  // ---- the runs page -------------------------------------------------------------------------

  async function runsPage() {
    const doc = await api('runs');
    const rows = doc.runs.map(run => h('tr', {class: 'run-row', 'data-run': run.id},
      h('td', null, h('a', {href: link('run', run.id), text: run.id}),
        h('div', {class: 'muted code', text: run.path})),
      h('td', {text: run.source || ''}),
      h('td', {class: 'num iterations', text: run.iterations_done < 0 ? 'none yet'
        : run.iterations_done + ' of ' + run.iterations_planned}),
      h('td', {class: 'num', text: fraction(run.train_solved, run.train_total)}),
      h('td', {class: 'num', text: fraction(run.test_solved, run.test_total)}),
      h('td', {class: 'num', text: run.library_size === undefined ? '–'
        : run.library_size + ' (depth ' + run.library_depth + ')'}),
      h('td', {class: 'muted', text: run.error ? '' : settingsLine(run.settings)}),
      h('td', null, run.error ? h('span', {class: 'error', text: run.error})
        : run.has_compare ? h('a', {href: link('run', run.id, 'compare'), text: 'SAE comparison'})
          : '')));
    return [h('h1', {text: 'Runs'}),
      h('p', {class: 'muted', text: doc.runs.length + (doc.runs.length === 1 ? ' run' : ' runs')
        + '; iterations done counts checkpoints after iteration 0, the base grammar.'}),
      table('runs-table', ['run', 'tasks', {label: 'iterations', num: true},
        {label: 'train solved', num: true}, {label: 'test solved', num: true},
        {label: 'library', num: true}, 'settings', ''], rows)];
  }

  function settingsLine(c) {
    if (!c) return '';
    const parts = [c.timeout_seconds + ' s/task', 'top-' + c.top_k, 'arity ≤ ' + c.max_arity,
      c.recognition ? c.recognition_steps + ' recognition steps' : 'no recognition',
      c.compression ? null : 'no compression', 'seed ' + c.seed];
    return parts.filter(Boolean).join(', ');
  }

  // ---- the run page --------------------------------------------------------------------------

  async function runPage(id) {
    const run = await api('runs', id);
    const out = [crumbs(['Runs', '#/'], [run.id]), h('h1', {text: run.id}),
      h('p', {class: 'muted'}, run.source || '', ' · ', h('span', {class: 'code', text: run.path})),
      h('p', null, 'Iterations done: ', h('strong', {id: 'iterations-done',
        text: String(run.iterations_done)}), ' of ' + (run.iterations_planned === undefined
        ? '?' : run.iterations_planned),
      run.has_compare ? [' · ', h('a', {href: link('run', run.id, 'compare'),
        text: 'SAE comparison'})] : '')];
    if (run.error) {
      out.push(h('p', {class: 'error', text: run.error}));
    }
    out.push(h('h2', {text: 'Learning curve'}), curves(run.metrics));
    out.push(h('h2', {text: 'Per iteration'}), metricsTable(run.metrics));
    if (run.libraries) {
      out.push(h('h2', {text: 'Library'}), library(run));
    }
    if (run.tasks) {
      out.push(h('h2', {text: 'Tasks'}), tasks(run));
    }
    if (run.settings) {
      out.push(h('h2', {text: 'Settings'}), h('dl', {class: 'facts'},
        Object.entries(run.settings).map(([k, v]) => [h('dt', {text: k}), h('dd', {text: String(v)})])));
    }
    return out;
  }

  function curves(metrics) {
    if (!metrics.length) return h('p', {class: 'muted', text: 'No iteration has finished yet.'});
    const pct = (a, b) => (b ? 100 * a / b : 0);
    return h('div', {class: 'charts', id: 'curves'},
      chart('Tasks solved (%)', [
        {name: 'train', cls: 'train', points: metrics.map(m => [m.iteration, pct(m.train_solved, m.train_total)])},
        {name: 'test', cls: 'test', points: metrics.map(m => [m.iteration, pct(m.test_solved, m.test_total)])}],
        100),
      chart('Library size (inventions)', [
        {name: 'library', cls: 'library', points: metrics.map(m => [m.iteration, m.library_size])}]),
      chart('Mean description length (nats)', [
        {name: 'solutions', cls: 'mdl', points: metrics
          .filter(m => m.mean_solution_description_length !== null)
          .map(m => [m.iteration, m.mean_solution_description_length])}]));
  }

  function niceMax(v) {
    if (v <= 0) return 1;
    const p = Math.pow(10, Math.floor(Math.log10(v)));
    for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
    return 10 * p;
  }

  function chart(title, series, fixedMax) {
    const W = 340, H = 210, L = 44, R = 12, T = 28, B = 34;
    const xs = series.flatMap(x => x.points.map(p => p[0]));
    const ys = series.flatMap(x => x.points.map(p => p[1]));
    const xMax = Math.max(1, ...xs);
    const yMax = fixedMax || niceMax(Math.max(0, ...ys));
    // Four ticks for a maximum of 2, 20 or the fixed 100 (steps of 0.5, 5, 25), five otherwise.
    const lead = yMax / Math.pow(10, Math.floor(Math.log10(yMax)));
    const ticks = lead === 2 || lead === 1 && fixedMax ? 4 : 5;
    const X = x => L + (W - L - R) * x / xMax;
    const Y = y => H - B - (H - T - B) * y / yMax;
    const g = s('svg', {class: 'chart', width: W, height: H, viewBox: '0 0 ' + W + ' ' + H,
      role: 'img', 'aria-label': title});
    g.appendChild(s('text', {x: 8, y: 16, class: 'title', text: title}));
    for (let k = 0; k <= ticks; k++) {
      const y = yMax * k / ticks;
      g.appendChild(s('line', {x1: L, x2: W - R, y1: Y(y), y2: Y(y), class: 'grid'}));
      g.appendChild(s('text', {x: L - 6, y: Y(y) + 4, 'text-anchor': 'end',
        text: Number.isInteger(y) ? y : y.toFixed(1)}));
    }
    const step = Math.max(1, Math.ceil(xMax / 10));
    for (let x = 0; x <= xMax; x += step) {
      g.appendChild(s('text', {x: X(x), y: H - B + 14, 'text-anchor': 'middle', text: x}));
    }
    g.appendChild(s('text', {x: (L + W - R) / 2, y: H - 4, 'text-anchor': 'middle', text: 'iteration'}));
    g.appendChild(s('line', {x1: L, x2: L, y1: T, y2: H - B, class: 'axis'}));
    g.appendChild(s('line', {x1: L, x2: W - R, y1: H - B, y2: H - B, class: 'axis'}));
    series.forEach((ser, i) => {
      g.appendChild(s('polyline', {class: ser.cls,
        points: ser.points.map(p => X(p[0]) + ',' + Y(p[1])).join(' ')}));
      for (const p of ser.points) {
        g.appendChild(s('circle', {cx: X(p[0]), cy: Y(p[1]), r: 3, class: ser.cls},
          s('title', {text: ser.name + ', iteration ' + p[0] + ': ' + num(p[1], 1)})));
      }
      if (series.length > 1) {
        g.appendChild(s('rect', {x: W - R - 70, y: T + 2 + 14 * i, width: 10, height: 3, class: ser.cls}));
        g.appendChild(s('text', {x: W - R - 56, y: T + 7 + 14 * i, text: ser.name}));
      }
    });
    return g;
  }

  function metricsTable(metrics) {
    return table('metrics-table', [{label: 'iteration', num: true}, {label: 'train', num: true},
      {label: 'test', num: true}, {label: 'library', num: true}, {label: 'depth', num: true},
      {label: 'mean description length', num: true}, {label: 'wake s', num: true},
      {label: 'abstraction s', num: true}, {label: 'dream s', num: true}, {label: 'test s', num: true},
      {label: 'programs enumerated', num: true}],
    metrics.map(m => h('tr', {'data-iteration': m.iteration},
      h('td', {class: 'num', text: m.iteration}),
      h('td', {class: 'num', text: fraction(m.train_solved, m.train_total)}),
      h('td', {class: 'num', text: fraction(m.test_solved, m.test_total)}),
      h('td', {class: 'num', text: m.library_size}),
      h('td', {class: 'num', text: m.library_depth}),
      h('td', {class: 'num', text: num(m.mean_solution_description_length)}),
      h('td', {class: 'num', text: num(m.wake_seconds, 1)}),
      h('td', {class: 'num', text: num(m.abstraction_seconds, 1)}),
      h('td', {class: 'num', text: num(m.dream_seconds, 1)}),
      h('td', {class: 'num', text: num(m.test_seconds, 1)}),
      h('td', {class: 'num', text: Number(m.programs_enumerated).toLocaleString('en')}))));
  }

  function library(run) {
    const libs = run.libraries;
    if (!libs.length) return h('p', {class: 'muted', text: 'No checkpoint yet.'});
    const latest = libs.length - 1;
    let index = chosen.has(run.id) ? Math.min(chosen.get(run.id), latest) : latest;
    const holder = h('div', {id: 'library'});
    const label = h('span', {id: 'iteration-label'});
    const slider = h('input', {type: 'range', id: 'iteration-slider', min: 0, max: latest,
      value: index, step: 1, 'aria-label': 'iteration'});
    const show = () => {
      const lib = libs[index];
      label.textContent = 'Iteration ' + lib.iteration + ': ' + lib.inventions.length
        + ' inventions, depth ' + lib.depth + (index === latest ? ' (latest)' : '');
      holder.replaceChildren(changes(run, lib), graph(run, lib), inventionTable(run, lib));
    };
    slider.addEventListener('input', () => {
      index = Number(slider.value);
      if (index === latest) chosen.delete(run.id); else chosen.set(run.id, index);
      show();
    });
    show();
    return h('div', null, h('div', {class: 'slider'}, slider, label), holder);
  }

  function changes(run, lib) {
    const added = lib.added.map(n => h('a', {href: link('run', run.id, 'invention', lib.iteration, n), text: n}));
    return h('p', {class: 'muted', id: 'library-changes'},
      lib.iteration === 0 ? 'Iteration 0 is the base grammar: primitives only.'
        : ['Added at iteration ' + lib.iteration + ': ',
          added.length ? added.flatMap((a, i) => (i ? [', ', a] : [a])) : 'none',
          lib.removed.length ? ['; removed: ', lib.removed.map(r => h('code', {text: r + ' '}))]
            : '; none removed', '.']);
  }

  // The library as a layered graph: depth 1 (inventions of primitives) at the bottom, each
  // invention above the ones its body uses, an edge for each use.
  function graph(run, lib) {
    const inv = lib.inventions;
    if (!inv.length) return h('p', {class: 'muted', id: 'library-graph', text: 'No inventions.'});
    const NW = 210, NH = 46, GX = 24, GY = 54, PAD = 30;
    const depth = Math.max(...inv.map(i => i.depth));
    const layers = [];
    for (let d = 1; d <= depth; d++) layers.push(inv.filter(i => i.depth === d));
    const pos = new Map();
    layers.forEach((layer, li) => {
      if (li > 0) {
        // Order by the mean position of what each uses, so that edges cross less.
        const centre = i => {
          const xs = i.depends_on.filter(n => pos.has(n)).map(n => pos.get(n).x);
          return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
        };
        layer.sort((a, b) => centre(a) - centre(b));
      }
      layer.forEach((i, k) => pos.set(i.name, {x: k, layer: li}));
    });
    const widest = Math.max(...layers.map(l => l.length));
    const W = PAD * 2 + widest * NW + (widest - 1) * GX;
    const H = PAD * 2 + depth * NH + (depth - 1) * GY;
    const at = name => {
      const p = pos.get(name);
      const n = layers[p.layer].length;
      const offset = (W - (n * NW + (n - 1) * GX)) / 2;
      return {x: offset + p.x * (NW + GX), y: H - PAD - NH - p.layer * (NH + GY)};
    };
    const g = s('svg', {class: 'graph', id: 'library-graph', width: W, height: H,
      viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': 'library graph'});
    g.appendChild(s('defs', null, s('marker', {id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5,
      markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse'},
    s('path', {d: 'M 0 0 L 10 5 L 0 10 z', fill: '#9aa5b1'}))));
    for (const i of inv) {
      for (const d of i.depends_on) {
        if (!pos.has(d)) continue;
        const a = at(i.name), b = at(d);
        const x1 = a.x + NW / 2, y1 = a.y + NH, x2 = b.x + NW / 2, y2 = b.y;
        g.appendChild(s('path', {class: 'edge', 'marker-end': 'url(#arrow)',
          d: 'M' + x1 + ',' + y1 + ' C' + x1 + ',' + (y1 + y2) / 2 + ' ' + x2 + ',' + (y1 + y2) / 2 + ' ' + x2 + ',' + y2}));
      }
    }
    const added = new Set(lib.added);
    for (const i of inv) {
      const p = at(i.name);
      const body = i.body.length > 34 ? i.body.slice(0, 33) + '…' : i.body;
      const node = s('a', {href: link('run', run.id, 'invention', lib.iteration, i.name),
        class: 'node' + (added.has(i.name) ? ' added' : ''), 'data-name': i.name},
      s('title', {text: i.name + ' = ' + i.body + '\n' + i.type + '\nused by ' + i.uses
        + ' programs in ' + i.task_count + ' tasks'}),
      s('rect', {x: p.x, y: p.y, width: NW, height: NH, rx: 4}),
      s('text', {x: p.x + 8, y: p.y + 17, class: 'name', text: i.name + '   uses ' + i.uses}),
      s('text', {x: p.x + 8, y: p.y + 35, class: 'body', text: body}));
      g.appendChild(node);
    }
    for (let d = 1; d <= depth; d++) {
      g.appendChild(s('text', {x: 6, y: H - PAD - (d - 1) * (NH + GY) - NH - 6, class: 'layer',
        text: 'depth ' + d}));
    }
    return g;
  }

  function inventionTable(run, lib) {
    if (!lib.inventions.length) return h('div');
    return table('invention-table', ['invention', 'body', 'type', {label: 'uses', num: true},
      {label: 'tasks', num: true}, {label: 'appeared', num: true}],
    lib.inventions.map(i => h('tr', null,
      h('td', null, h('a', {href: link('run', run.id, 'invention', lib.iteration, i.name), text: i.name})),
      h('td', {class: 'code', text: i.body}),
      h('td', {class: 'code', text: i.type}),
      h('td', {class: 'num', text: i.uses}),
      h('td', {class: 'num', text: i.task_count}),
      h('td', {class: 'num', text: i.appeared}))));
  }

  function tasks(run) {
    const unsolved = run.tasks.filter(t => !t.solved).length;
    const select = h('select', {id: 'task-filter', 'aria-label': 'which tasks'},
      h('option', {value: 'all', text: 'all ' + run.tasks.length}),
      h('option', {value: 'unsolved', text: unsolved + ' unsolved'}),
      h('option', {value: 'solved', text: (run.tasks.length - unsolved) + ' solved'}));
    const body = h('tbody');
    const fill = () => {
      const which = select.value;
      body.replaceChildren(...run.tasks
        .filter(t => which === 'all' || (which === 'solved') === t.solved)
        .map(t => h('tr', {class: 'task-row'},
          h('td', null, h('a', {href: link('run', run.id, 'task', t.name), text: t.name})),
          h('td', {text: t.split}),
          h('td', null, h('span', {class: 'tag ' + (t.solved ? 'yes' : 'no'),
            text: t.solved ? 'solved' : 'unsolved'})),
          h('td', {class: 'num', text: t.first_solved === null ? '–' : t.first_solved}))));
    };
    select.value = taskFilter;
    select.addEventListener('change', () => { taskFilter = select.value; fill(); });
    fill();
    return h('div', null, h('div', {class: 'filters'}, 'Show ', select),
      h('table', {id: 'tasks-table'}, h('thead', null, h('tr', null,
        h('th', {text: 'task'}), h('th', {text: 'split'}), h('th', {text: 'now'}),
        h('th', {class: 'num', text: 'first solved at iteration'}))), body));
  }

  // ---- the invention page --------------------------------------------------------------------

  async function inventionPage(id, iteration, name) {
    const i = await api('runs', id, 'inventions', iteration, name);
    const invLink = n => h('a', {href: link('run', id, 'invention', iteration, n), text: n});
    const list = names => (names.length ? names.map(invLink).flatMap((a, k) => (k ? [', ', a] : [a])) : '–');
    return [crumbs(['Runs', '#/'], [id, link('run', id)], ['iteration ' + iteration], [i.name]),
      h('h1', {id: 'invention-name', text: i.name}),
      i.latest ? null : h('p', {class: 'muted', text: 'As in the library of iteration ' + iteration
        + '; the run has gone further since.'}),
      h('pre', {id: 'invention-body', text: i.name + ' = ' + i.body}),
      h('dl', {class: 'facts'},
        h('dt', {text: 'DreamCoder form'}), h('dd', {class: 'code', text: i.dreamcoder}),
        h('dt', {text: 'type'}), h('dd', {class: 'code', text: i.type}),
        h('dt', {text: 'arity'}), h('dd', {text: i.arity}),
        h('dt', {text: 'log-weight'}), h('dd', {text: num(i.log_weight, 3)}),
        h('dt', {text: 'depth'}), h('dd', {text: i.depth}),
        h('dt', {text: 'appeared'}), h('dd', {text: 'iteration ' + i.appeared}),
        h('dt', {text: 'uses'}), h('dd', {text: i.uses + ' frontier programs in ' + i.task_count + ' training tasks'}),
        h('dt', {text: 'builds on'}), h('dd', null, list(i.depends_on)),
        h('dt', {text: 'used inside'}), h('dd', null, list(i.used_in))),
      h('h2', {text: 'Applied to real task inputs'}),
      i.examples.length ? table('invention-examples', ['task', 'application', 'inputs', 'output'],
        i.examples.map(e => h('tr', null,
          h('td', null, h('a', {href: link('run', id, 'task', e.task), text: e.task})),
          h('td', {class: 'code', text: e.application}),
          h('td', {class: 'code', text: e.inputs.join(', ')}),
          h('td', {class: 'code'}, e.output, picture(e.picture)))))
        : h('p', {class: 'muted', text: 'No application of it could be run on a task\'s inputs'
          + ' (it may appear only under a lambda of its own, or only inside other inventions).'}),
      h('h2', {text: 'Tasks that use it'}),
      h('p', {class: 'muted', text: i.tasks.filter(t => t.best).length + ' tasks\' best programs'
        + ' use it directly; below, each task with its best program that does.'}),
      i.tasks.length ? table('invention-tasks', ['task', 'split', 'in the best program',
        'program', {label: 'log-prior', num: true}],
      i.tasks.map(t => h('tr', {class: 'task-row'},
        h('td', null, h('a', {href: link('run', id, 'task', t.name), text: t.name})),
        h('td', {text: t.split}),
        h('td', null, h('span', {class: 'tag ' + (t.best ? 'yes' : 'no'),
          text: t.best ? 'yes' : 'no (rank ' + (t.rank + 1) + ')'})),
        h('td', {class: 'code', text: t.program}),
        h('td', {class: 'num', text: num(t.log_prior)}))))
        : h('p', {class: 'muted', id: 'invention-tasks', text: 'No task\'s program uses it directly.'})];
  }

  function picture(uri) {
    if (!uri || !/^data:image\/(png|svg\+xml);base64,/.test(uri)) return null;
    return h('img', {class: 'picture', src: uri, alt: 'picture of the value'});
  }

  // ---- the task page -------------------------------------------------------------------------

  async function taskPage(id, name) {
    const t = await api('runs', id, 'tasks', name);
    const out = [crumbs(['Runs', '#/'], [id, link('run', id)], [t.name]),
      h('h1', {id: 'task-name', text: t.name}),
      h('dl', {class: 'facts'},
        h('dt', {text: 'type'}), h('dd', {class: 'code', text: t.request}),
        h('dt', {text: 'split'}), h('dd', {text: t.split}),
        h('dt', {text: 'first solved'}), h('dd', {id: 'first-solved',
          text: t.first_solved === null ? 'not solved yet' : 'at iteration ' + t.first_solved})),
      h('h2', {text: 'Examples'}),
      table('task-examples', ['inputs', 'output'], t.examples.map(e => h('tr', null,
        h('td', {class: 'code', text: e.inputs.join(', ')}),
        h('td', {class: 'code'}, e.output, picture(e.picture))))),
      h('h2', {text: 'Best programs by iteration'})];
    const programs = h('div', {id: 'task-programs'});
    for (const it of t.iterations) {
      programs.appendChild(h('h3', {text: 'Iteration ' + it.iteration}));
      programs.appendChild(it.programs.length
        ? table(null, ['program', {label: 'log-prior', num: true}, {label: 'log-likelihood', num: true}],
          it.programs.map(p => h('tr', {class: 'program-row'},
            h('td', {class: 'code', text: p.program}),
            h('td', {class: 'num', text: num(p.log_prior)}),
            h('td', {class: 'num', text: num(p.log_likelihood)}))))
        : h('p', {class: 'muted', text: 'not solved'}));
    }
    out.push(programs, h('h2', {text: 'Recognition'}));
    const rec = t.recognition;
    if (!rec) {
      out.push(h('p', {class: 'muted', text: 'This run has no recognition model for this task.'}));
    } else {
      out.push(rec.program === undefined
        ? h('p', {text: 'The task is not solved, so there is no program to measure; the model of'
          + ' iteration ' + rec.iteration + ' predicts these productions at the root:'})
        : h('p', {id: 'recognition-verdict'}, 'Under the grammar the model of iteration '
          + rec.iteration + ' predicts for this task, the best program has log-prior '
          + num(rec.predicted_log_prior) + ' nats, against ' + num(rec.library_log_prior)
          + ' under the library\'s own weights: ',
        h('span', {class: 'tag ' + (rec.helped ? 'yes' : 'no'), text: rec.helped
          ? 'recognition helped (+' + num(rec.predicted_log_prior - rec.library_log_prior) + ' nats)'
          : 'recognition did not help'}), '.'));
      out.push(table('recognition-top', ['production', {label: 'predicted log-weight', num: true},
        {label: 'library log-weight', num: true}], rec.top.map(p => h('tr', null,
        h('td', {class: 'code', text: p.production}),
        h('td', {class: 'num', text: num(p.predicted, 3)}),
        h('td', {class: 'num', text: p.library === undefined ? '–' : num(p.library, 3)})))));
    }
    return out;
  }

  // ---- the SAE comparison page ---------------------------------------------------------------

  async function comparePage(id) {
    const c = await api('runs', id, 'compare');
    const lib = c.library || {}, sae = c.sae || {}, sum = c.alignment_summary || {};
    const row = (label, a, b) => h('tr', null, h('td', {text: label}), h('td', {class: 'num', text: a}),
      h('td', {class: 'num', text: b}));
    return [crumbs(['Runs', '#/'], [id, link('run', id)], ['SAE comparison']),
      h('h1', {text: 'Library versus SAE'}),
      h('p', {class: 'muted'}, 'From ', h('code', {text: c.folder + '/compare.json'}),
        ' (reverie compare). SAE: ', sae.source || '?', '.'),
      table('compare-summary', ['', {label: 'library', num: true}, {label: 'SAE', num: true}], [
        row('dictionary', lib.inventions + ' inventions', sae.features + ' features'),
        row('alive / dead', lib.alive + ' / ' + lib.dead, sae.alive + ' / ' + sae.dead),
        row('mean active atoms (L0)', num(lib.mean_active_inventions), num(sae.l0)),
        row('total bits', num(lib.total_bits, 0), num(sae.total_bits, 0)),
        row('quality', lib.tasks_solved + ' tasks solved', 'FVU ' + num(sae.fvu, 3))]),
      h('p', null, 'Hungarian mean Pearson ' + num(sum.hungarian_mean_pearson, 3) + ', linear CKA '
        + num(sum.linear_cka, 3) + '; ' + (sum.significant === undefined ? '?' : sum.significant)
        + ' of ' + (sum.aligned_inventions === undefined ? '?' : sum.aligned_inventions)
        + ' aligned inventions have a significant feature (corrected p < ' + sum.alpha + ').'),
      c.heatmap ? [h('h2', {text: 'Heatmap'}), h('img', {class: 'heatmap', id: 'heatmap',
        src: fileUrl(id, c.heatmap), alt: 'Pearson r of inventions by SAE features'})] : null,
      h('h2', {text: 'Alignment'}),
      table('alignment-table', ['invention', {label: 'support', num: true}, {label: 'best feature', num: true},
        {label: 'Pearson', num: true}, {label: 'Jaccard', num: true}, {label: 'NMI', num: true},
        {label: 'matched feature', num: true}, {label: 'p corrected', num: true}, 'significant', 'body'],
      (c.alignment || []).map(m => h('tr', null,
        h('td', {text: m.invention}), h('td', {class: 'num', text: m.support}),
        h('td', {class: 'num', text: m.best_feature}), h('td', {class: 'num', text: num(m.pearson, 3)}),
        h('td', {class: 'num', text: num(m.jaccard, 3)}), h('td', {class: 'num', text: num(m.nmi, 3)}),
        h('td', {class: 'num', text: m.matched_feature}), h('td', {class: 'num', text: num(m.p_corrected, 4)}),
        h('td', null, h('span', {class: 'tag ' + (m.significant ? 'yes' : 'no'), text: m.significant ? 'yes' : 'no'})),
        h('td', {class: 'code', text: m.invention_dreamcoder})))),
      (c.footing || []).length ? [h('h2', {text: 'Not on the same footing'}),
        h('ul', null, c.footing.map(f => h('li', {text: f})))] : null];
  }

  // ---- live updates --------------------------------------------------------------------------

  async function poll() {
    try {
      const r = await fetch('/api/version', {cache: 'no-store'});
      if (!r.ok) return;
      const v = (await r.json()).version;
      if (version !== null && v !== version) {
        version = v;
        await render();
      }
      version = v;
    } catch (e) {
      // The server has stopped or the machine sleeps; the next poll tries again.
    }
  }

  window.addEventListener('hashchange', () => { render(); });
  if (REPORT) {
    render();
  } else {
    // The version is read before the first render, so a change after it is never missed.
    poll().then(render);
    setInterval(poll, POLL_MS);
  }
})();
