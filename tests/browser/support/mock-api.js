'use strict';
// A small stand-in for folio-server for the widget's development loop: the docs/http-api.md shapes
// over a few fixed articles, plus the files of server/web/ (i18n/de.json as /folio-i18n/de.json).
// Not used by `npm test` unless FOLIO_TEST_TARGET=mock.  Run it alone: node support/mock-api.js [port]
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const WEB_DIR = path.resolve(__dirname, '../../../server/web');

const ARTICLES = [
  {
    id: 'guides/go-concurrency', url: '/guides/go-concurrency/', date: '2024-10-08',
    title: 'Go Concurrency in Practice: Goroutines and Channels',
    tags: ['Go', 'Concurrency'], categories: ['Guides'],
    sections: [
      {heading: 'Goroutines', anchor: 'goroutines', text: 'Goroutines are cheap functions scheduled by the Go runtime onto a few threads.'},
      {heading: 'Worker pools', anchor: 'worker-pools', text: 'A worker pool bounds how many goroutines run at once and reads jobs from a channel.'},
    ],
  },
  {
    id: 'posts/go-vs-rust', url: '/posts/go-vs-rust/', date: '2026-01-26',
    title: 'Go vs Rust for backend services', tags: ['Go', 'Rust', 'Comparison'], categories: ['Comparisons'],
    sections: [
      {heading: 'Quick verdict', anchor: 'quick-verdict', text: 'Go is simpler to learn; Rust gives more control over memory and has no garbage collector.'},
      {heading: 'Concurrency', anchor: 'concurrency', text: 'Go has goroutines and channels; Rust has async tasks and ownership that prevents data races.'},
    ],
  },
  {
    id: 'guides/rust-ownership', url: '/guides/rust-ownership/', date: '2025-02-11',
    title: 'Rust Ownership and Borrowing', tags: ['Rust', 'Memory'], categories: ['Guides'],
    sections: [{heading: 'Borrowing rules', anchor: 'borrowing-rules', text: 'One mutable borrow or many shared borrows, never both at once.'}],
  },
  {
    id: 'posts/kubernetes-vs-nomad', url: '/posts/kubernetes-vs-nomad/', date: '2025-06-02',
    title: 'Kubernetes vs Nomad: picking an orchestrator', tags: ['Kubernetes', 'Nomad', 'Comparison'], categories: ['Comparisons'],
    sections: [
      {heading: 'Scheduling', anchor: 'scheduling', text: 'Kubernetes schedules pods onto nodes; Nomad schedules jobs and tasks with a single binary.'},
      {heading: 'Operations', anchor: 'operations', text: 'Running Kubernetes needs a control plane; Nomad is lighter to operate.'},
    ],
  },
  {
    id: 'guides/kubernetes-probes', url: '/guides/kubernetes-probes/', date: '2025-09-19',
    title: 'Kubernetes readiness and liveness probes', tags: ['Kubernetes', 'Operations'], categories: ['Guides'],
    sections: [{heading: 'Readiness', anchor: 'readiness', text: 'A readiness probe keeps traffic away from a pod until it can serve requests.'}],
  },
  {
    id: 'posts/postgresql-vs-mysql', url: '/posts/postgresql-vs-mysql/', date: '2024-05-30',
    title: 'PostgreSQL vs MySQL', tags: ['Databases', 'PostgreSQL', 'Comparison'], categories: ['Comparisons'],
    sections: [{heading: 'Indexes', anchor: 'indexes', text: 'PostgreSQL offers GIN and GiST indexes; MySQL relies on B-tree indexes in InnoDB.'}],
  },
  {
    id: 'posts/kafka-vs-rabbitmq', url: '/posts/kafka-vs-rabbitmq/', date: '2025-03-14',
    title: 'Kafka vs RabbitMQ for message queues', tags: ['Queues', 'Kafka', 'Comparison'], categories: ['Comparisons'],
    sections: [{heading: 'Delivery', anchor: 'delivery', text: 'Kafka keeps an ordered log per partition; RabbitMQ routes messages through exchanges to queues.'}],
  },
  {
    id: 'notes/go-context', url: '/notes/go-context/', date: '2025-11-03',
    title: 'Cancelling goroutines with context', tags: ['Go', 'Concurrency'], categories: ['Notes'],
    sections: [{heading: 'Deadlines', anchor: 'deadlines', text: 'context.WithTimeout stops goroutines that wait too long on a channel or a request.'}],
  },
];

const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
const words = (s) => (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) || []);
const VOCABULARY = [...new Set(ARTICLES.flatMap((a) => words([a.title, ...a.tags, ...a.sections.map((s) => s.heading + ' ' + s.text)].join(' '))))];

function distance(a, b) {
  const d = Array.from({length: a.length + 1}, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}

function correct(terms) {
  let changed = false;
  const fixed = terms.map((t) => {
    if (VOCABULARY.some((v) => v.startsWith(t))) return t;
    const best = VOCABULARY.map((v) => [distance(t, v), v]).sort((x, y) => x[0] - y[0])[0];
    if (best && best[0] <= 2 && t.length > 3) {
      changed = true;
      return best[1];
    }
    return t;
  });
  return changed ? fixed.join(' ') : null;
}

const matches = (text, t) => words(text).some((w) => w.startsWith(t));

function highlight(text, terms) {
  return escapeHtml(text).replace(/[\p{L}\p{N}]+/gu, (w) => terms.some((t) => w.toLowerCase().startsWith(t)) ? `<mark>${w}</mark>` : w);
}

function score(article, terms) {
  let total = 0;
  for (const t of terms) {
    const inTitle = matches(article.title, t) ? 5 : 0;
    const inTags = article.tags.some((tag) => matches(tag, t)) ? 3 : 0;
    const inBody = article.sections.filter((s) => matches(s.heading + ' ' + s.text, t)).length;
    if (!inTitle && !inTags && !inBody) return 0;
    total += inTitle + inTags + inBody;
  }
  return total || 1;
}

function valuesOf(params, name) {
  return params.getAll(name).flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase()).filter(Boolean);
}

const FILTERS = {tags: (a) => a.tags, category: (a) => a.categories, year: (a) => [a.date.slice(0, 4)]};
const FACET_FIELD = {tags: 'tags', categories: 'category', year: 'year'};

function passes(article, params, skip) {
  return Object.entries(FILTERS).every(([name, get]) => {
    if (name === skip) return true;
    const wanted = valuesOf(params, name);
    return !wanted.length || get(article).some((v) => wanted.includes(v.toLowerCase()));
  });
}

function countFacet(articles, field, params, limit) {
  const param = FACET_FIELD[field];
  const selected = valuesOf(params, param);
  const counts = new Map();
  for (const a of articles) for (const v of FILTERS[param](a)) counts.set(v, (counts.get(v) || 0) + 1);
  const values = [...counts].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .map(([value, count]) => ({value, key: value.toLowerCase(), count, selected: selected.includes(value.toLowerCase())}));
  return {values: values.slice(0, limit), other: Math.max(0, values.length - limit)};
}

function search(params) {
  const q = (params.get('q') || '').trim();
  let terms = words(q);
  const perPage = Number(params.get('per_page') || 10);
  const page = Number(params.get('page') || 1);
  if (!(perPage >= 1 && perPage <= 100)) return [400, {error: {code: 'bad_parameter', message: 'per_page must be between 1 and 100', param: 'per_page'}}];
  const run = (ts) => ARTICLES.map((a) => ({a, s: ts.length ? score(a, ts) : 1})).filter((x) => x.s > 0);
  let matched = run(terms);
  let corrected = null;
  let auto = false;
  if (terms.length && !matched.length) {
    corrected = correct(terms);
    if (corrected) {
      terms = words(corrected);
      matched = run(terms);
      auto = matched.length > 0;
    }
  }
  if (!auto) terms = words(q);
  const filtered = matched.filter((x) => passes(x.a, params));
  const sort = params.get('sort') || (q ? 'relevance' : 'newest');
  filtered.sort((x, y) => sort === 'newest' || !terms.length ? y.a.date.localeCompare(x.a.date) : y.s - x.s || y.a.date.localeCompare(x.a.date));
  const facetNames = (params.get('facets') || 'tags,categories,year').split(',').filter((f) => FACET_FIELD[f]);
  const facets = {};
  for (const f of facetNames) {
    // tags are disjunctive: counted as if the tag filter were not there
    const base = f === 'tags' ? matched.filter((x) => passes(x.a, params, 'tags')) : filtered;
    facets[f] = countFacet(base.map((x) => x.a), f, params, Number(params.get('facet_limit') || 10));
  }
  const hits = filtered.slice((page - 1) * perPage, page * perPage).map(({a, s}) => {
    const section = a.sections.find((sec) => terms.some((t) => matches(sec.heading + ' ' + sec.text, t)));
    const text = (section || a.sections[0]).text;
    return {
      id: a.id, url: a.url, title: highlight(a.title, terms), title_plain: a.title, date: a.date, lastmod: null,
      tags: a.tags, categories: a.categories, authors: [], description: a.sections[0].text,
      snippet: highlight(text, terms),
      section: section && terms.length ? {heading: section.heading, anchor: section.anchor, url: `${a.url}#${section.anchor}`} : null,
      score: s,
    };
  });
  return [200, {
    query: q, total: filtered.length, total_exact: true, page, per_page: perPage, took_ms: 0.1,
    corrected_query: corrected, auto_corrected: auto, hits, facets,
  }];
}

function allFacets() {
  const params = new URLSearchParams();
  const facets = {};
  for (const f of Object.keys(FACET_FIELD)) facets[f] = countFacet(ARTICLES, f, params, 1000);
  return {facets};
}

const TYPES = {'.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8'};

function handle(req, res) {
  const url = new URL(req.url, 'http://localhost');
  const send = (status, body, type = 'application/json; charset=utf-8') => {
    res.writeHead(status, {'Content-Type': type, 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store'});
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  if (req.method !== 'GET') return send(405, {error: {code: 'method_not_allowed', message: 'GET only'}});
  const file = {'/': 'index.html', '/folio.js': 'folio.js', '/folio.css': 'folio.css'}[url.pathname];
  if (file) return send(200, fs.readFileSync(path.join(WEB_DIR, file), 'utf8'), TYPES[path.extname(file)]);
  const strings = /^\/folio-i18n\/([a-z-]+)\.json$/.exec(url.pathname);
  const stringsFile = strings && path.join(WEB_DIR, 'i18n', `${strings[1]}.json`);
  if (stringsFile && fs.existsSync(stringsFile)) return send(200, fs.readFileSync(stringsFile, 'utf8'), 'application/json');
  if (url.pathname === '/api/search') return send(...search(url.searchParams));
  if (url.pathname === '/api/facets') return send(200, allFacets());
  if (url.pathname === '/readyz') return send(200, {status: 'ready'});
  if (url.pathname === '/healthz') return send(200, {status: 'ok'});
  return send(404, {error: {code: 'not_found', message: `no route for ${url.pathname}`}});
}

// Starts the mock on 127.0.0.1:port (0 = any free port); resolves to the http.Server.
function startMockApi(port = 0) {
  const server = http.createServer(handle);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

module.exports = {startMockApi, ARTICLES};

if (require.main === module) {
  startMockApi(Number(process.argv[2] || 8090)).then((s) => {
    console.log(`mock folio API on http://127.0.0.1:${s.address().port}/`);
  });
}
