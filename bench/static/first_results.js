'use strict';
// Time to first results of a static bundle in headless Chromium: a page with
// <folio-search static="/search/"> served by a plain file server on loopback; the clock runs from
// the first keystroke of a query to its results on screen, the page loaded and idle before it
// (the engine's WASM in the browser's cache when `warm`). Optionally under DevTools network
// throttling (Fast 3G: 562.5 ms round trip, 1.44 Mbit/s down), applied to the page and to its
// worker. Prints one JSON line per condition.
//
//   node bench/static/first_results.js SITE_DIR QUERY [QUERY...]
//     SITE_DIR holds search/ (the bundle); run from tests/browser/ or with NODE_PATH set to its
//     node_modules (playwright-core)
const path = require('node:path');
const support = path.resolve(__dirname, '../../tests/browser/support');
const {launchBrowser} = require(path.join(support, 'browser'));
const {serveFiles, countWorkerAnswers} = require(path.join(support, 'static-bundle'));

const FAST_3G = {offline: false, latency: 562.5, downloadThroughput: (1.44 * 1024 * 1024) / 8, uploadThroughput: (675 * 1024) / 8};
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>static</title>
  <script src="/search/folio.js" defer></script></head><body><folio-search static="/search/"></folio-search></body></html>`;

async function throttle(context, page, conditions) {
  const sessions = [await context.newCDPSession(page)];
  for (const s of sessions) {
    await s.send('Network.enable');
    await s.send('Network.emulateNetworkConditions', conditions);
  }
  // The worker's own requests: attach to it and throttle there too.
  page.on('worker', async (worker) => {
    try {
      const s = await context.newCDPSession(worker);
      await s.send('Network.enable');
      await s.send('Network.emulateNetworkConditions', conditions);
    } catch (e) { /* not every Chromium exposes worker sessions */ }
  });
}

async function measure(site, query, {conditions, warmQuery}) {
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    if (conditions) await throttle(browser.context, page, conditions);
    await page.addInitScript(countWorkerAnswers);
    await page.goto(`${site.origin}/`);
    await page.locator('folio-search .folio.folio-ready').waitFor();
    if (warmQuery) {  // loads the engine (and its WASM) with another query first
      await page.locator('folio-search [role=combobox]').fill(warmQuery);
      await page.waitForFunction(() => window.folioAnswers > 0, null, {timeout: 600000});
    }
    const before = await page.evaluate(() => window.folioAnswers);
    const bytesBefore = site.stats.bytes;
    const started = Date.now();
    await page.locator('folio-search [role=combobox]').fill(query);
    await page.waitForFunction((n) => window.folioAnswers > n, before, {timeout: 600000});
    return {ms: Date.now() - started, bytes: site.stats.bytes - bytesBefore};
  } finally {
    await browser.close();
  }
}

(async () => {
  const [siteDir, ...queries] = process.argv.slice(2);
  const site = await serveFiles(path.resolve(siteDir), {pages: {'/': PAGE}});
  try {
    for (const [name, conditions] of [['localhost', null], ['fast-3g', FAST_3G]]) {
      for (const query of queries) {
        const cold = await measure(site, query, {conditions});
        const warm = await measure(site, query, {conditions, warmQuery: 'zzzz'});
        console.log(JSON.stringify({network: name, query, cold, engine_loaded: warm}));
      }
    }
  } finally {
    await site.close();
  }
})().catch((e) => { console.error(e); process.exit(1); });
