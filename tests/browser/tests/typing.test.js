'use strict';
// Search as you type on tests/data/typing-fixture, a small site with the traps issue 17 found on
// digitalgov: "acc", "usab" and "lang" are rare words of their own beside the frequent "access",
// "usability" and "language", and "plain" is a word apart from "plain language". Each keystroke of
// the queries must keep the final query's top result in view, and never widen the matches.
const {test, before, after} = require('node:test');
const assert = require('node:assert/strict');
const {startBackend, usingMock} = require('../support/folio-server');
const {launchBrowser} = require('../support/browser');
const {W, searched, total, pageTracker, axeScan, TIMEOUT} = require('../support/widget');

const SKIP = usingMock() && {skip: 'needs the real folio-server and its query engine'};
let backend;
let browser;

before(async () => {
  if (SKIP) return;
  backend = await startBackend({site: 'tests/data/typing-fixture'});
  browser = await launchBrowser();
});

after(async () => {
  if (browser) await browser.close();
  if (backend) await backend.stop();
});

const openPage = pageTracker(() => browser);

// The top result of a query, as the API ranks it.
async function topUrl(q) {
  const res = await fetch(`${backend.origin}/api/search?${new URLSearchParams({q, facets: 'none'})}`);
  const body = await res.json();
  assert.ok(body.hits.length > 0, `"${q}" finds nothing`);
  return body.hits[0].url;
}

// Where the hit linking to `url` is: its rank among the hits, and whether it is inside the window.
function placeOf(page, url) {
  return page.locator(W.hits).evaluateAll((hits, wanted) => {
    const rank = hits.findIndex((a) => new URL(a.href).pathname === wanted);
    if (rank < 0) return {rank, inView: false};
    const box = hits[rank].getBoundingClientRect();
    return {rank, inView: box.top >= 0 && box.bottom <= window.innerHeight};
  }, url);
}

for (const final of ['plain language', 'access', 'usability']) {
  test(`typing "${final}": from the third character on, its top result stays in view and the count only narrows`,
    {...TIMEOUT, ...SKIP}, async () => {
      const wanted = await topUrl(final);
      const page = await openPage();
      await page.goto(`${backend.origin}/`);
      await page.locator(W.root).waitFor();
      await page.locator(W.input).focus();
      const seen = [];
      let first = null;
      for (let i = 1; i <= final.length; i++) {
        const typed = final.slice(0, i);
        await searched(page, typed.trim(), () => page.keyboard.type(final[i - 1]));
        if (typed.length < 3) continue;
        const n = await total(page);
        const {rank, inView} = await placeOf(page, wanted);
        seen.push(`${JSON.stringify(typed)}: ${n} results, top of "${final}" at ${rank + 1}`);
        assert.ok(rank >= 0 && inView, `after ${JSON.stringify(typed)} the top result of "${final}" (${wanted}) ` +
          `is not in view:\n${seen.join('\n')}`);
        // completing the word only narrows what its first three letters found (a stemmed form
        // of the finished word may add a few: "usability" also finds "usable")
        first = first ?? n;
        assert.ok(n <= first, `the count grew past the ${first} of the first prefix at ${JSON.stringify(typed)}:\n${seen.join('\n')}`);
      }
      console.log(seen.join('\n'));
      // the first result is preselected: Enter opens it
      const top = await page.locator(W.hits).first().evaluate((a) => a.id);
      assert.equal(await page.locator(W.input).getAttribute('aria-activedescendant'), top);
    });
}

test('suggestions from /api/suggest sit above the results; arrows reach them and Enter searches one',
  {...TIMEOUT, ...SKIP}, async () => {
    const page = await openPage();
    await page.goto(`${backend.origin}/`);
    await page.locator(W.root).waitFor();
    const input = page.locator(W.input);
    const suggested = page.waitForResponse((r) => r.url().includes('/api/suggest?'));
    await searched(page, 'usab', () => input.pressSequentially('usab'));
    await suggested;
    const suggestions = page.locator(`${W.options}.folio-suggestion`);
    const texts = await suggestions.allTextContents();
    assert.ok(texts.length > 0 && texts.every((t) => t.startsWith('usab') && t !== 'usab'), texts.join(' | '));
    // the first hit is active; Up reaches the last suggestion, Enter searches it
    await page.keyboard.press('ArrowUp');
    const id = await suggestions.last().evaluate((o) => o.id);
    assert.equal(await input.getAttribute('aria-activedescendant'), id);
    const text = texts[texts.length - 1];
    await searched(page, text, () => page.keyboard.press('Enter'));
    assert.equal(await input.inputValue(), text);
    assert.deepEqual(await axeScan(page), []);
  });

test('the widget calls fetch() for /api/* from one place only (the HTTP transport behind api())', {...TIMEOUT, ...SKIP}, async () => {
  const page = await openPage();
  // every fetch of /api/* notes the function that called fetch()
  await page.addInitScript(() => {
    window.__folioCallers = [];
    const fetch = window.fetch;
    window.fetch = function (url, ...rest) {
      if (new URL(url, location.href).pathname.startsWith('/api/')) {
        window.__folioCallers.push(/at (\S+)/.exec(new Error().stack.split('\n')[2])[1]);
      }
      return fetch.call(this, url, ...rest);
    };
  });
  await searched(page, 'acc', () => page.goto(`${backend.origin}/?q=acc`));
  await page.locator(W.input).fill('');
  await searched(page, 'qqqzzz', () => page.locator(W.input).pressSequentially('qqqzzz'));
  await page.locator('folio-search .folio-empty .folio-chip').first().waitFor();
  const requested = new Set(page.seen.requests.filter((u) => new URL(u).pathname.startsWith('/api/'))
    .map((u) => new URL(u).pathname));
  assert.deepEqual([...requested].sort(), ['/api/facets', '/api/search', '/api/suggest']);
  const callers = await page.evaluate(() => window.__folioCallers);
  assert.ok(callers.length >= 3);
  // One call site: api() hands every request to the transport (HTTP here, a Web Worker in static
  // mode), and the HTTP transport's one fetch() sends it.
  assert.equal(new Set(callers).size, 1, `fetch() called from ${[...new Set(callers)].join(', ')}`);
});
