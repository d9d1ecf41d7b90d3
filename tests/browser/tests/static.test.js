'use strict';
// Static search (docs/static-search.md): a bundle from `folio export --static`, served by a plain
// file server with no folio-server behind it. The engine in the bundle must answer as folio-server
// does over the same index (checked in Node, query by query), and the widget must search with it in
// headless Chromium: typing, facets, keyboard, no results, hosts with and without Range support,
// a re-export while a page is open, and a missing or corrupt bundle.
const {test, before, after} = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const {startBackend, sampleIndex, REPO} = require('../support/folio-server');
const {launchBrowser} = require('../support/browser');
const {exportBundle, serveFiles, nodeEngine, countWorkerAnswers, tempDir} = require('../support/static-bundle');
const {W, total, facetCounts, pageTracker, TIMEOUT} = require('../support/widget');

const SAMPLE = path.join(REPO, 'sample-content');
let backend;
let browser;
let work;
let bundle;  // the chunked bundle of sample-content/
let manifest;

before(async () => {
  work = tempDir('static');
  bundle = path.join(work, 'site', 'search');
  // The bundle is exported from the index folio-server serves: one index, two engines.
  manifest = exportBundle({db: sampleIndex(), out: bundle});
  backend = await startBackend();
  browser = await launchBrowser();
});

after(async () => {
  if (browser) await browser.close();
  if (backend) await backend.stop();
  if (work) fs.rmSync(work, {recursive: true, force: true});
});

const openPage = pageTracker(() => browser);

// Answers are compared without what differs between two runs of the same search.
function comparable(body) {
  const copy = JSON.parse(JSON.stringify(body));
  delete copy.took_ms;
  return copy;
}

async function serverAnswer(pathAndQuery) {
  const res = await fetch(`${backend.origin}${pathAndQuery}`);
  return {status: res.status, body: await res.json()};
}

const QUERIES = [
  'q=go', 'q=goroutines', 'q=concurrency', 'q=postgres+index', 'q=%22connection+pool%22', 'q=kube',
  'q=rust+OR+go', 'q=go+-kafka', 'q=tags%3AGo', 'q=gorutines', 'q=data*', 'q=', 'q=go&sort=newest',
  'q=go&page=2&per_page=3', 'q=go&tags=Go&facets=tags,year', 'q=database&year=2024', 'q=go&locale=de',
  'q=date%3A2025-02-30', 'q=go&per_page=1000', 'q=%E6%97%A5%E6%9C%AC', 'q=search&snippet=80',
];

test('the static engine answers /api/search exactly as folio-server does', TIMEOUT, async () => {
  const engine = await nodeEngine(bundle);
  for (const query of QUERIES) {
    const server = await serverAnswer(`/api/search?${query}`);
    const local = engine.answer('search', query);
    assert.equal(local.status, server.status, `status of ${query}`);
    assert.deepEqual(comparable(local.body), comparable(server.body), `answer to ${query}`);
  }
});

test('suggest, facets, article and related agree with folio-server too', TIMEOUT, async () => {
  const engine = await nodeEngine(bundle);
  const cases = [
    ['suggest', 'q=go', '', '/api/suggest?q=go'],
    ['suggest', 'q=conc&limit=3', '', '/api/suggest?q=conc&limit=3'],
    ['facets', '', '', '/api/facets'],
    ['facets', 'fields=tags', '', '/api/facets?fields=tags'],
  ];
  const first = (await serverAnswer('/api/search?q=go')).body.hits[0].id;
  cases.push(['article', '', first, `/api/articles/${encodeURIComponent(first)}`]);
  cases.push(['related', 'limit=3', first, `/api/articles/${encodeURIComponent(first)}/related?limit=3`]);
  cases.push(['article', '', 'no/such/article', '/api/articles/no%2Fsuch%2Farticle']);
  for (const [endpoint, query, id, serverPath] of cases) {
    const server = await serverAnswer(serverPath);
    const local = engine.answer(endpoint, query, id);
    assert.equal(local.status, server.status, `status of ${serverPath}`);
    assert.deepEqual(comparable(local.body), comparable(server.body), `answer to ${serverPath}`);
  }
});

function sitePage(staticAttr, extra = '') {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A static site</title>
    <script src="/search/folio.js" defer></script></head><body><main><h1>A static site</h1>
    <folio-search static="${staticAttr}" ${extra}></folio-search></main></body></html>`;
}

async function openStaticPage(url) {
  const page = await openPage();
  await page.addInitScript(countWorkerAnswers);
  await page.goto(url);
  await page.locator(W.root).waitFor();
  return page;
}

// Types text and resolves once the widget has rendered the worker's answer to it.
async function typeAndWait(page, text) {
  const before = await page.evaluate(() => window.folioAnswers);
  await page.locator(W.input).fill(text);
  await page.waitForFunction((n) => window.folioAnswers > n, before, {timeout: 60000});
  await page.locator(W.idle).waitFor();
}

test('the widget searches a static bundle with no server: typing, facets, keyboard, no results', TIMEOUT, async () => {
  const site = await serveFiles(path.join(work, 'site'), {pages: {'/': sitePage('/search/')}});
  try {
    const page = await openStaticPage(`${site.origin}/`);
    await typeAndWait(page, 'goroutines');
    const server = (await serverAnswer('/api/search?q=goroutines')).body;
    const titles = await page.locator(`${W.hits} .folio-hit-title`).allTextContents();
    assert.deepEqual(titles, server.hits.slice(0, titles.length).map((h) => h.title_plain));
    assert.equal(await total(page), server.total);
    assert.ok(await page.locator(`${W.hits} mark`).count() > 0, 'matches are highlighted');

    // facets: the counts are the server's, and a click filters
    await typeAndWait(page, 'go');
    const serverFacets = (await serverAnswer('/api/search?q=go')).body.facets.tags.values;
    const counts = await facetCounts(page, 'tags');
    for (const {value, count} of serverFacets.slice(0, 3)) assert.equal(counts[value], count, `tag ${value}`);
    const tag = serverFacets[0].value;
    await page.locator(`folio-search .folio-facet input[data-facet="tags"][value="${tag}"]`).check();
    await page.waitForFunction((n) => {
      const c = document.querySelector('folio-search').shadowRoot.querySelector('.folio-count');
      return c && c.textContent.includes(String(n));
    }, serverFacets[0].count);

    // keyboard: ArrowDown selects the first result, Enter opens its page
    await page.locator(W.input).focus();
    await page.keyboard.press('ArrowDown');
    const selected = await page.locator(`${W.options}[aria-selected=true]`).count();
    assert.equal(selected, 1, 'a result is selected');

    // no results
    await typeAndWait(page, 'zzqxjv');
    assert.ok(await page.locator(W.empty).count() === 1, 'no results says so');
    assert.deepEqual(page.seen.pageErrors, []);
    assert.ok(!site.stats.paths.some((p) => p.startsWith('/api/')), 'no API request was made');
  } finally {
    await site.close();
  }
});

test('a one-file bundle is read with Range requests, or downloaded whole where Range is ignored', TIMEOUT, async () => {
  const dir = path.join(work, 'file-site', 'search');
  exportBundle({db: sampleIndex(), out: dir, layout: 'file'});
  for (const ranges of [true, false]) {
    const site = await serveFiles(path.join(work, 'file-site'), {pages: {'/': sitePage('/search/')}, ranges});
    try {
      const page = await openStaticPage(`${site.origin}/`);
      await typeAndWait(page, 'goroutines');
      assert.equal(await total(page), (await serverAnswer('/api/search?q=goroutines')).body.total, `ranges=${ranges}`);
      await typeAndWait(page, 'postgres');
      assert.equal(await total(page), (await serverAnswer('/api/search?q=postgres')).body.total, `ranges=${ranges}`);
      const indexFetches = site.stats.paths.filter((p) => p.includes('/index-')).length;
      if (!ranges) assert.equal(indexFetches, 1, 'without Range the index is fetched once, whole');
      else assert.ok(indexFetches > 1, 'with Range the index is fetched in pieces');
    } finally {
      await site.close();
    }
  }
});

test('a re-export while a page is open: the page keeps searching and sees the new articles', TIMEOUT, async () => {
  const siteRoot = path.join(work, 'live-site');
  const content = path.join(work, 'live-content');
  fs.cpSync(SAMPLE, content, {recursive: true});
  const db = path.join(work, 'live-db');
  const out = path.join(siteRoot, 'search');
  exportBundle({content, db, out});
  const site = await serveFiles(siteRoot, {pages: {'/': sitePage('/search/')}});
  try {
    const page = await openStaticPage(`${site.origin}/`);
    await typeAndWait(page, 'goroutines');
    const before = await total(page);
    // Two exports, so the version the page opened is removed from the bundle.
    for (const n of [1, 2]) {
      fs.writeFileSync(path.join(content, 'posts', `zebra-${n}.md`),
        `+++\ntitle = "Zebra crossing ${n}"\ndate = 2026-01-0${n}\ntags = ["Go"]\n+++\n\nA zebra crossing about goroutines.\n`);
      exportBundle({content, db, out});
    }
    assert.equal(fs.readdirSync(out).filter((f) => f.startsWith('index-')).length, 2, 'two versions kept');
    await typeAndWait(page, 'zebra');
    assert.equal(await total(page), 2, 'the new articles are found');
    await typeAndWait(page, 'goroutines');
    assert.equal(await total(page), before + 2);
    assert.deepEqual(page.seen.pageErrors, []);
  } finally {
    await site.close();
  }
});

test('a missing or corrupt bundle gives a clear message in the widget, never a hang', TIMEOUT, async () => {
  const corrupt = path.join(work, 'corrupt-site', 'search');
  fs.cpSync(bundle, corrupt, {recursive: true});
  const chunks = path.join(corrupt, manifest.index.path);
  for (const f of fs.readdirSync(chunks)) {
    if (f !== '0') fs.writeFileSync(path.join(chunks, f), Buffer.alloc(fs.statSync(path.join(chunks, f)).size, 0x5a));
  }
  const unexported = path.join(work, 'corrupt-site', 'unexported');
  fs.cpSync(bundle, unexported, {recursive: true});
  fs.rmSync(path.join(unexported, 'manifest.json'));
  const site = await serveFiles(path.join(work, 'corrupt-site'), {
    pages: {'/missing': sitePage('/nothing-here/'), '/unexported': sitePage('/unexported/'),
      '/corrupt': sitePage('/search/')},
  });
  try {
    const cases = [['/missing', /nothing-here\/folio-worker\.js: could not be started/],
      ['/unexported', /manifest\.json: HTTP 404/], ['/corrupt', /unavailable|corrupt|index/i]];
    for (const [pagePath, expected] of cases) {
      const page = await openStaticPage(`${site.origin}${pagePath}`);
      await page.locator(W.input).fill('goroutines');
      const error = page.locator(W.error);
      await error.waitFor({timeout: 30000});
      assert.match(await error.textContent(), expected, pagePath);
    }
  } finally {
    await site.close();
  }
});
