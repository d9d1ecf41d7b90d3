'use strict';
// Page helpers for the <folio-search> widget. Playwright's CSS locators pierce open shadow roots.
const fs = require('node:fs');
const path = require('node:path');

const ARTIFACTS = path.resolve(__dirname, '../artifacts');

// Every test's options: a hung page fails its own test after two minutes instead of stalling the
// run. A per-test option because Node 18 (Debian 12's) has no --test-timeout.
const TIMEOUT = {timeout: 120000};

const W = {
  input: 'folio-search [role=combobox]',
  root: 'folio-search .folio.folio-ready',
  idle: 'folio-search .folio.folio-ready:not(.folio-loading)',
  options: 'folio-search [role=listbox] [role=option]',
  hits: 'folio-search [role=listbox] a.folio-hit:not(.folio-sub)',
  count: 'folio-search .folio-count',
  live: 'folio-search [role=status]',
  empty: 'folio-search .folio-empty',
  error: 'folio-search .folio-error',
  more: 'folio-search .folio-more',
};

// Resolves when an /api/search answer for q (any q when undefined) has arrived and been rendered.
async function searched(page, q, action) {
  const answered = page.waitForResponse((res) => {
    const url = new URL(res.url());
    return url.pathname.endsWith('/api/search') && (q === undefined || url.searchParams.get('q') === q);
  });
  if (action) await action();
  await answered;
  // the widget drops its loading class in the same task that renders the answer
  await page.locator(W.idle).waitFor();
}

async function total(page) {
  const text = await page.locator(W.count).textContent();
  const m = /([\d,]+) results?/.exec(text);
  if (!m) throw new Error(`no result count in "${text}"`);
  return Number(m[1].replace(/,/g, ''));
}

// {value: count} of one facet's refinement list
async function facetCounts(page, name) {
  return page.locator(`folio-search .folio-facet input[data-facet="${name}"]`).evaluateAll((boxes) => {
    const out = {};
    for (const box of boxes) {
      const n = box.parentElement.querySelector('.folio-n');
      out[box.value] = n ? Number(n.textContent.replace(/,/g, '')) : null;
    }
    return out;
  });
}

// The element that has focus, looking inside shadow roots: {id, className, tag}
function deepFocus(page) {
  return page.evaluate(() => {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    return a ? {id: a.id, className: String(a.className), tag: a.tagName.toLowerCase()} : null;
  });
}

// Records what a page does wrong: uncaught exceptions, console errors, requests.
function watch(page) {
  const seen = {pageErrors: [], consoleErrors: [], requests: []};
  page.on('pageerror', (e) => seen.pageErrors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') seen.consoleErrors.push(m.text()); });
  page.on('request', (r) => seen.requests.push(r.url()));
  return seen;
}

async function screenshot(page, name) {
  fs.mkdirSync(ARTIFACTS, {recursive: true});
  const file = path.join(ARTIFACTS, name);
  await page.screenshot({path: file, fullPage: true});
  return file;
}

async function axeScan(page) {
  await page.addScriptTag({path: require.resolve('axe-core/axe.min.js')});
  const result = await page.evaluate(() => window.axe.run(document, {resultTypes: ['violations']}));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) =>
    `${v.impact} ${v.id}: ${v.help}\n` + v.nodes.map((n) => `    ${n.target.join(' >>> ')}: ${n.failureSummary}`).join('\n'));
}

// The pages a test file opens: `openPage()` gives a page whose uncaught exceptions fail the test
// that opened it; each is closed when its test ends. `getBrowser` returns the file's browser.
function pageTracker(getBrowser) {
  const {afterEach} = require('node:test');
  const assert = require('node:assert/strict');
  const pages = [];
  afterEach(async () => {
    for (const page of pages.splice(0)) {
      const errors = page.seen.pageErrors;
      await page.close();
      assert.deepEqual(errors, [], 'uncaught exceptions in the page');
    }
  });
  return async function openPage() {
    const page = await getBrowser().context.newPage();
    page.seen = watch(page);
    pages.push(page);
    return page;
  };
}

module.exports = {W, searched, total, facetCounts, deepFocus, watch, pageTracker, screenshot, axeScan, ARTIFACTS, TIMEOUT};
