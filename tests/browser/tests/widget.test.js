'use strict';
// The widget and the demo page in headless Chromium against folio-server (see support/folio-server.js).
const {test, before, after} = require('node:test');
const assert = require('node:assert/strict');
const zlib = require('node:zlib');
const {startBackend} = require('../support/folio-server');
const {launchBrowser} = require('../support/browser');
const {startStaticServer} = require('../support/static-server');
const {W, searched, total, facetCounts, deepFocus, pageTracker, screenshot, axeScan, TIMEOUT} = require('../support/widget');

let backend;
let browser;
let embedSite;  // a second origin that includes folio.js from the server

before(async () => {
  backend = await startBackend();
  browser = await launchBrowser();
  const script = `<script src="${backend.origin}/folio.js" defer></script>`;
  embedSite = await startStaticServer({
    '/inline.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A blog</title>${script}
      <style>body{font:16px serif} input,button,a,mark,ul,li{all:unset} folio-search{--folio-accent:rgb(179, 38, 30)}</style></head>
      <body><main><h1>A blog on another origin</h1><folio-search per-page="5"></folio-search></main></body></html>`,
    '/modal.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A blog</title>${script}</head>
      <body><header><h1>A blog with a search button</h1></header><main><button id="before">Before</button>
      <folio-search mode="modal" facets="tags"></folio-search><p>Text of the page.</p></main></body></html>`,
    '/paged.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Paged</title>${script}</head>
      <body><main><h1>Two per page</h1><folio-search per-page="2" empty="all" facets="none"></folio-search></main></body></html>`,
  });
});

after(async () => {
  if (browser) await browser.close();
  if (embedSite) await embedSite.close();
  if (backend) await backend.stop();
});

// Every test gets a page whose uncaught exceptions fail the test.
const openPage = pageTracker(() => browser);

const hitTitles = (page) => page.locator(`${W.hits} .folio-hit-title`).allTextContents();

test('the widget assets are served and stay under 15 KB gzipped together', TIMEOUT, async () => {
  let bytes = 0;
  for (const [file, type] of [['folio.js', /javascript/], ['folio.css', /text\/css/], ['', /text\/html/]]) {
    const res = await fetch(`${backend.origin}/${file}`);
    assert.equal(res.status, 200, `GET /${file}`);
    assert.match(res.headers.get('content-type'), type, `content type of /${file}`);
    const body = Buffer.from(await res.arrayBuffer());
    if (file) bytes += zlib.gzipSync(body, {level: 9}).length;
  }
  assert.ok(bytes < 15 * 1024, `folio.js + folio.css are ${bytes} bytes gzipped`);
});

test('typing shows highlighted results, debounced into few requests', TIMEOUT, async () => {
  const page = await openPage();
  await searched(page, '', () => page.goto(`${backend.origin}/`));
  const input = page.locator(W.input);
  const before = page.seen.requests.length;
  await searched(page, 'goroutines', () => input.pressSequentially('goroutines', {delay: 15}));

  const searches = page.seen.requests.slice(before).filter((u) => u.includes('/api/search'));
  assert.ok(searches.length < 'goroutines'.length, `${searches.length} requests for 10 keystrokes`);
  const marks = await page.locator(`${W.hits} :is(.folio-hit-title, .folio-hit-snippet) mark`).allTextContents();
  assert.ok(marks.some((m) => /goroutine/i.test(m)), `highlights: ${marks.join(', ')}`);
  assert.ok(await total(page) > 0);
  assert.equal(await input.getAttribute('aria-expanded'), 'true');
  assert.match(await page.locator(W.live).textContent(), /\d+ results?/);
  assert.equal(new URL(page.url()).searchParams.get('q'), 'goroutines');
  assert.deepEqual(page.seen.consoleErrors, []);
  await screenshot(page, 'demo-results-light.png');
});

test('a stale answer is dropped: only the newest query is shown', TIMEOUT, async () => {
  const page = await openPage();
  await searched(page, '', () => page.goto(`${backend.origin}/`));
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/api/search?*', async (route) => {
    if (new URL(route.request().url()).searchParams.get('q') === 'rust') await held;
    try { await route.continue(); } catch (e) { /* aborted by the widget meanwhile */ }
  });
  const input = page.locator(W.input);
  const slow = page.waitForRequest((r) => new URL(r.url()).searchParams.get('q') === 'rust');
  await input.pressSequentially('rust');
  await slow;
  const aborted = page.waitForEvent('requestfailed', (r) => new URL(r.url()).searchParams.get('q') === 'rust');
  await searched(page, 'kubernetes', async () => {
    await input.fill('');
    await input.pressSequentially('kubernetes');
  });
  await aborted;
  release();
  const titles = await hitTitles(page);
  assert.ok(titles.length > 0);
  assert.ok(titles.some((t) => /kubernetes/i.test(t)), titles.join(' | '));
  assert.equal(await input.inputValue(), 'kubernetes');
});

test('clicking a tag facet filters the results and updates the counts; clear all undoes it', TIMEOUT, async () => {
  const page = await openPage();
  await searched(page, '', () => page.goto(`${backend.origin}/`));
  const all = await total(page);
  const categoriesBefore = await facetCounts(page, 'categories');
  const tagsBefore = await facetCounts(page, 'tags');
  assert.ok(tagsBefore.Go > 0 && tagsBefore.Go < all, `Go is on ${tagsBefore.Go} of ${all} articles`);

  await searched(page, '', () => page.locator('folio-search .folio-facet input[data-facet=tags][value=Go]').click());
  assert.equal(await total(page), tagsBefore.Go);
  assert.ok(await page.locator('folio-search .folio-facet input[data-facet=tags][value=Go]').isChecked());
  const hitTags = await page.locator(W.hits).evaluateAll((hits) =>
    hits.map((hit) => [...hit.querySelectorAll('.folio-tag')].map((t) => t.textContent.toLowerCase())));
  assert.ok(hitTags.length > 0 && hitTags.every((tags) => tags.includes('go')), JSON.stringify(hitTags));
  assert.notDeepEqual(await facetCounts(page, 'categories'), categoriesBefore, 'category counts follow the filter');
  assert.deepEqual(new URL(page.url()).searchParams.getAll('tags'), ['Go']);
  await screenshot(page, 'demo-facet-go.png');

  await searched(page, '', () => page.locator('folio-search .folio-facets-head button', {hasText: 'Clear all'}).click());
  assert.equal(await total(page), all);
  assert.equal(new URL(page.url()).searchParams.get('tags'), null);

  // the previous state is one history step back, and a shared link restores it
  await searched(page, '', () => page.goBack());
  assert.equal(await total(page), tagsBefore.Go);
  await searched(page, 'kubernetes', () => page.goto(`${backend.origin}/?q=kubernetes&tags=Kubernetes&sort=newest`));
  assert.equal(await page.locator(W.input).inputValue(), 'kubernetes');
  assert.ok(await page.locator('folio-search .folio-facet input[data-facet=tags][value=Kubernetes]').isChecked());
  assert.equal(await page.locator('folio-search .folio-select').inputValue(), 'newest');
  const dates = await page.locator(`${W.hits} time`).evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
  assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
});

test('on a narrow screen the facet lists fold behind a "Filters" button', TIMEOUT, async () => {
  const page = await openPage();
  await page.setViewportSize({width: 390, height: 844});
  await searched(page, 'go', () => page.goto(`${backend.origin}/?q=go&tags=Go`));
  const toggle = page.locator('folio-search .folio-facets-toggle');
  const goBox = page.locator('folio-search .folio-facet input[data-facet=tags][value=Go]');
  assert.equal(await toggle.textContent(), 'Filters (1)');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await goBox.isVisible(), false);
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.ok(await goBox.isVisible());
  await searched(page, 'go', () => goBox.click());
  assert.ok(await goBox.isVisible(), 'the lists stay open while refining');
  assert.deepEqual(await axeScan(page), []);
  await screenshot(page, 'demo-narrow.png');
});

test('keyboard: the first result is preselected, arrows move, Enter opens, Ctrl+Enter opens a new tab', TIMEOUT, async () => {
  const page = await openPage();
  await searched(page, 'kubernetes', () => page.goto(`${backend.origin}/?q=kubernetes`));
  const input = page.locator(W.input);
  await input.focus();
  const ids = await page.locator(W.options).evaluateAll((os) => os.map((o) => o.id));
  assert.ok(ids.length >= 2, `${ids.length} options`);

  assert.equal(await input.getAttribute('aria-activedescendant'), ids[0], 'the first result is preselected');
  assert.equal(await page.locator(`folio-search #${ids[0]}`).getAttribute('aria-selected'), 'true');
  await page.keyboard.press('ArrowDown');
  assert.equal(await input.getAttribute('aria-activedescendant'), ids[1]);
  assert.equal(await page.locator(`folio-search #${ids[1]}`).getAttribute('aria-selected'), 'true');
  assert.equal(await page.locator(`folio-search #${ids[0]}`).getAttribute('aria-selected'), 'false');
  await page.keyboard.press('ArrowUp');
  assert.equal(await input.getAttribute('aria-activedescendant'), ids[0]);
  assert.deepEqual(await deepFocus(page), {id: 'folio-input', className: 'folio-input', tag: 'input'}, 'focus stays in the box');

  const href = await page.locator(`folio-search #${ids[0]}`).evaluate((a) => a.href);
  const popup = browser.context.waitForEvent('page');
  await page.keyboard.press('Control+Enter');
  const tab = await popup;
  await tab.waitForURL(href);
  await tab.close();
  assert.equal(page.url().startsWith(`${backend.origin}/?q=kubernetes`), true, 'Ctrl+Enter leaves the page alone');

  await page.keyboard.press('Enter');
  await page.waitForURL(href);
});

test('Ctrl+K and / open the modal, Esc closes it and focus returns where it was', TIMEOUT, async () => {
  const page = await openPage();
  await page.goto(`${embedSite.origin}/modal.html`);
  await page.locator('folio-search .folio-ready .folio-trigger').waitFor();
  const dialog = page.locator('folio-search dialog');

  await page.locator('#before').focus();
  await page.keyboard.press('Control+K');
  await dialog.waitFor({state: 'visible'});
  assert.equal((await deepFocus(page)).id, 'folio-input');
  await searched(page, 'rust', () => page.keyboard.type('rust'));
  assert.ok((await hitTitles(page)).length > 0);
  await screenshot(page, 'modal-results.png');
  await page.keyboard.press('Escape');
  await dialog.waitFor({state: 'hidden'});
  assert.equal((await deepFocus(page)).id, 'before');

  await page.keyboard.press('/');
  await dialog.waitFor({state: 'visible'});
  assert.equal(await page.locator(W.input).inputValue(), 'rust', 'the box keeps its query');
  await page.keyboard.press('Escape');
  await dialog.waitFor({state: 'hidden'});
  assert.equal((await deepFocus(page)).id, 'before');

  await page.locator('folio-search .folio-trigger').click();
  await dialog.waitFor({state: 'visible'});
  await page.keyboard.press('Escape');
  await dialog.waitFor({state: 'hidden'});
  assert.match((await deepFocus(page)).className, /folio-trigger/);
});

test('the modal: Ctrl+K toggles it, Enter opens the preselected result, key hints show under the results', TIMEOUT, async () => {
  const page = await openPage();
  await page.goto(`${embedSite.origin}/modal.html`);
  await page.locator('folio-search .folio-ready .folio-trigger').waitFor();
  const dialog = page.locator('folio-search dialog');
  await page.keyboard.press('Control+K');
  await dialog.waitFor({state: 'visible'});
  const keys = page.locator('folio-search .folio-keys');
  assert.equal(await keys.isVisible(), false, 'no hints before there are results');
  await searched(page, 'kubernetes', () => page.keyboard.type('kubernetes'));
  assert.ok(await keys.isVisible());
  assert.equal(await keys.textContent(), '↵ to open ↑↓ to move Esc to close ');
  await page.keyboard.press('Control+K');
  await dialog.waitFor({state: 'hidden'});
  await page.keyboard.press('Meta+K');
  await dialog.waitFor({state: 'visible'});
  const href = await page.locator(W.hits).first().evaluate((a) => a.href);
  await page.keyboard.press('Enter');
  await page.waitForURL(href);
});

test('on a phone the modal fills the screen, and a touch screen gets no key hints', TIMEOUT, async () => {
  const page = await openPage();
  await page.setViewportSize({width: 390, height: 844});
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', {enabled: true, maxTouchPoints: 5});  // (pointer: coarse), (hover: none)
  await page.goto(`${embedSite.origin}/modal.html`);
  const trigger = page.locator('folio-search .folio-ready .folio-trigger');
  assert.equal(await trigger.locator('kbd').isVisible(), false, 'no "Ctrl K" on a touch screen');
  await trigger.click();
  await searched(page, 'rust', () => page.keyboard.type('rust'));
  const box = await page.locator('folio-search dialog').boundingBox();
  assert.deepEqual([box.x, box.y, box.width, box.height], [0, 0, 390, 844]);
  assert.equal(await page.locator('folio-search .folio-keys').isVisible(), false);
  assert.deepEqual(await axeScan(page), []);
  await screenshot(page, 'modal-phone.png');
});

test('Tab from the box reaches the results before any facet', TIMEOUT, async () => {
  const page = await openPage();
  await searched(page, 'go', () => page.goto(`${backend.origin}/?q=go`));
  await page.locator(W.input).focus();
  const order = [];
  while (order.length < 4 && !/folio-hit/.test((order[order.length - 1] || {}).className)) {
    await page.keyboard.press('Tab');
    order.push(await deepFocus(page));
  }
  const hit = order.findIndex((f) => /folio-hit/.test(f.className));
  assert.ok(hit >= 0, JSON.stringify(order));
  assert.ok(!order.some((f) => f.id.startsWith('folio-f-')), `a facet before the results: ${JSON.stringify(order)}`);
  // arrows move the focus through the results from there
  const first = order[hit].id;
  await page.keyboard.press('ArrowDown');
  assert.notEqual((await deepFocus(page)).id, first);
  assert.match((await deepFocus(page)).className, /folio-hit/);
});

test('recent searches are kept locally and offered in an empty box', TIMEOUT, async () => {
  const page = await openPage();
  await page.goto(`${embedSite.origin}/modal.html`);
  await page.locator('folio-search .folio-ready .folio-trigger').click();
  await searched(page, 'kubernetes', () => page.keyboard.type('kubernetes'));
  const href = await page.locator(W.hits).first().evaluate((a) => a.href);
  await page.keyboard.press('Enter');  // opens the preselected result and remembers the query
  await page.waitForURL(href);
  await page.goBack();
  await page.locator('folio-search .folio-ready .folio-trigger').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  const recent = page.locator(`${W.options}.folio-recent-item`);
  await recent.first().waitFor();
  assert.deepEqual(await recent.allTextContents(), ['kubernetes']);
  await searched(page, 'kubernetes', async () => {
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
  });
  assert.equal(await page.locator(W.input).inputValue(), 'kubernetes');
  assert.ok((await hitTitles(page)).length > 0);
});

test('no results: the helpful state offers popular tags and removing filters', TIMEOUT, async () => {
  const page = await openPage();
  await searched(page, '', () => page.goto(`${backend.origin}/`));
  const nonsense = 'qxzvjwkpf';
  await searched(page, nonsense, () => page.locator(W.input).pressSequentially(nonsense));
  const empty = page.locator(W.empty);
  await empty.waitFor();
  assert.match(await empty.textContent(), new RegExp(`No results for “${nonsense}”`));
  assert.equal(await page.locator(W.input).getAttribute('aria-expanded'), 'false');
  assert.match(await page.locator(W.live).textContent(), /No results/);
  const chips = page.locator('folio-search .folio-empty .folio-chip');
  await chips.first().waitFor();
  const tag = await chips.first().textContent();
  await screenshot(page, 'demo-no-results.png');

  await searched(page, '', () => chips.first().click());
  assert.ok(await total(page) > 0);
  assert.equal(await page.locator(W.input).inputValue(), '');
  assert.deepEqual(new URL(page.url()).searchParams.getAll('tags'), [tag]);

  await searched(page, nonsense, () => page.goto(`${backend.origin}/?q=${nonsense}&tags=Go`));
  await searched(page, nonsense, () => page.locator(W.empty).getByRole('button', {name: 'Remove filters'}).click());
  assert.equal(new URL(page.url()).searchParams.get('tags'), null);
});

test('"did you mean" offers the correction and searches it when clicked', TIMEOUT, async () => {
  const page = await openPage();
  await searched(page, '', () => page.goto(`${backend.origin}/`));
  // the server decides when to correct; here one answer is rewritten to carry a suggestion
  await page.route('**/api/search?*', async (route) => {
    const url = new URL(route.request().url());
    const res = await route.fetch();
    const body = await res.json();
    if (url.searchParams.get('q') === 'kubernetes') Object.assign(body, {corrected_query: 'rust', auto_corrected: false});
    if (url.searchParams.get('q') === 'rust') Object.assign(body, {corrected_query: 'rusty', auto_corrected: true});
    await route.fulfill({response: res, json: body});
  });
  await searched(page, 'kubernetes', () => page.locator(W.input).pressSequentially('kubernetes'));
  const notice = page.locator('folio-search .folio-notice');
  const suggestion = notice.locator('.folio-dym');
  assert.equal(await suggestion.textContent(), 'rust');
  await searched(page, 'rust', () => suggestion.click());
  assert.equal(await page.locator(W.input).inputValue(), 'rust');
  assert.equal(new URL(page.url()).searchParams.get('q'), 'rust');
  // an answer the server corrected by itself says so
  assert.equal(await notice.textContent(), 'Showing results for rusty');
});

test('grouped results: up to three sections of a page, each with its own highlighted passage and anchor', TIMEOUT, async () => {
  const page = await openPage();
  await searched(page, 'goroutines channels', () => page.goto(`${backend.origin}/?q=goroutines+channels`));
  const groups = await page.locator(W.options).evaluateAll((options) => {
    const out = [];
    for (const o of options) {
      if (!o.classList.contains('folio-sub')) out.push({page: o.href, sections: []});
      else {
        const excerpt = o.querySelector('.folio-hit-snippet');
        out[out.length - 1].sections.push({href: o.href, excerpt: excerpt ? excerpt.textContent : null,
          marks: o.querySelectorAll('.folio-hit-snippet mark').length});
      }
    }
    return out;
  });
  assert.ok(groups.every((g) => g.sections.length <= 3), JSON.stringify(groups));
  const grouped = groups.find((g) => g.sections.length >= 2);
  assert.ok(grouped, `no page with two sections: ${JSON.stringify(groups)}`);
  const anchors = grouped.sections.map((s) => new URL(s.href).hash);
  assert.ok(anchors.every((a) => a.length > 1) && new Set(anchors).size === anchors.length, anchors.join(' '));
  assert.ok(grouped.sections.every((s) => s.href.startsWith(grouped.page)));
  // every section but the one whose passage is the page's own snippet shows its own passage, highlighted
  // where the words are in it (a section found by its heading shows how it starts)
  const own = grouped.sections.filter((s) => s.excerpt);
  assert.ok(own.length >= grouped.sections.length - 1 && own.every((s) => s.excerpt.trim()), JSON.stringify(grouped));
  assert.ok(own.some((s) => s.marks > 0), JSON.stringify(grouped));
  await screenshot(page, 'demo-grouped-sections.png');
});

test('while a new query loads, the old results stay as they were (not dimmed)', TIMEOUT, async () => {
  const page = await openPage();
  await searched(page, 'rust', () => page.goto(`${backend.origin}/?q=rust`));
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/api/search?*', async (route) => {
    await held;
    await route.continue();
  });
  const asked = page.waitForRequest((r) => r.url().includes('q=kubernetes'));
  await page.locator(W.input).fill('kubernetes');
  await asked;
  await page.locator('folio-search .folio-loading').waitFor({state: 'attached'});
  const list = page.locator('folio-search [role=listbox]');
  assert.equal(await list.evaluate((l) => getComputedStyle(l).opacity), '1');
  assert.ok((await hitTitles(page)).some((t) => /rust/i.test(t)), 'the old results are still shown');
  await searched(page, 'kubernetes', async () => release());
});

test('the demo page suggests what the index holds: its placeholder names the most frequent tags', TIMEOUT, async () => {
  const res = await fetch(`${backend.origin}/api/facets?fields=tags`);
  const [a, b, c] = (await res.json()).facets.tags.values.map((v) => v.value);
  const page = await openPage();
  await page.goto(`${backend.origin}/`);
  const input = page.locator(W.input);
  await page.waitForFunction((el) => el.placeholder.startsWith('Search: try'), await input.elementHandle());
  assert.equal(await input.getAttribute('placeholder'), `Search: try ${a}, ${b} or ${c}`);
  assert.doesNotMatch(await page.content(), /goroutines, kubernetes or postgres/);
});

test('load more appends the next page', TIMEOUT, async () => {
  const page = await openPage();
  await searched(page, '', () => page.goto(`${embedSite.origin}/paged.html`));
  const first = await page.locator(W.options).evaluateAll((os) => os.map((o) => o.id));
  const all = await total(page);
  assert.ok(all > first.length, `${all} articles, ${first.length} shown`);
  await searched(page, '', () => page.locator(W.more).click());
  const now = await page.locator(W.options).evaluateAll((os) => os.map((o) => o.id));
  assert.ok(now.length > first.length);
  assert.deepEqual(now.slice(0, first.length), first, 'the first page stays in place');
});

test('server HTML in hits is reduced to text and <mark>; links are http(s) or relative', TIMEOUT, async () => {
  const page = await openPage();
  await page.goto(`${backend.origin}/`);
  await page.route('**/api/search?*', (route) => route.fulfill({json: {
    query: 'x', total: 1, total_exact: true, page: 1, per_page: 10, took_ms: 0, corrected_query: null,
    auto_corrected: false, facets: {},
    hits: [{id: 'a', url: 'javascript:window.__folioPwned=1', title: 'A <mark>x</mark><img src=z onerror="window.__folioPwned=2">',
      title_plain: 'A x', date: '2025-01-02', tags: ['<b onclick="x()">bold</b>'], categories: [],
      snippet: '<script>window.__folioPwned=3</script>plain <mark class="y" onclick="z()">x</mark>', section: null}],
  }}));
  await searched(page, 'x', () => page.locator(W.input).pressSequentially('x'));
  const hit = page.locator(W.hits).first();
  assert.equal(await hit.locator('.folio-tag').textContent(), '<b onclick="x()">bold</b>');
  assert.equal(await hit.locator('img, script, b').count(), 0);
  assert.equal(await hit.locator('mark').evaluateAll((ms) => ms.map((m) => m.outerHTML).join('')), '<mark>x</mark><mark>x</mark>');
  assert.doesNotMatch(await hit.evaluate((a) => a.href), /^javascript:/);
  assert.equal(await page.evaluate(() => window.__folioPwned), undefined);
});

test('an embed on a second origin searches the server cross-origin (CORS), themed by the page', TIMEOUT, async () => {
  const page = await openPage();
  await page.goto(`${embedSite.origin}/inline.html`);
  await searched(page, 'kubernetes', () => page.locator(W.input).pressSequentially('kubernetes'));
  const titles = await hitTitles(page);
  assert.ok(titles.length > 0 && titles.length <= 5, titles.join(' | '));
  const api = page.seen.requests.filter((u) => u.includes('/api/search'));
  assert.ok(api.every((u) => u.startsWith(`${backend.origin}/api/search?`)), api.join('\n'));
  assert.notEqual(new URL(page.url()).origin, backend.origin);
  assert.deepEqual(page.seen.consoleErrors, []);
  // the page's CSS does not reach inside, except for the theme's custom properties
  const title = page.locator(`${W.hits} .folio-hit-title`).first();
  assert.equal(await title.evaluate((t) => getComputedStyle(t).color), 'rgb(179, 38, 30)');
  assert.equal(await title.evaluate((t) => getComputedStyle(t.closest('a')).display), 'block');
  await screenshot(page, 'embed-second-origin.png');
});

test('the demo page has no serious or critical accessibility violations (axe-core), light and dark', TIMEOUT, async () => {
  const page = await openPage();
  await searched(page, 'go', () => page.goto(`${backend.origin}/?q=go`));
  await page.locator(W.input).focus();
  await page.keyboard.press('ArrowDown');
  assert.deepEqual(await axeScan(page), []);
  await screenshot(page, 'demo-active-option.png');

  await page.emulateMedia({colorScheme: 'dark'});
  await searched(page, 'go', () => page.reload());
  assert.deepEqual(await axeScan(page), []);
  await screenshot(page, 'demo-results-dark.png');

  await searched(page, 'qxzvjwkpf', () => page.goto(`${backend.origin}/?q=qxzvjwkpf&tags=Go`));
  await page.locator('folio-search .folio-empty .folio-chip').first().waitFor();
  assert.deepEqual(await axeScan(page), []);
  await page.emulateMedia({colorScheme: 'light'});
});

test('the modal has no serious or critical accessibility violations (axe-core)', TIMEOUT, async () => {
  const page = await openPage();
  await page.goto(`${embedSite.origin}/modal.html`);
  await page.locator('folio-search .folio-ready .folio-trigger').waitFor();
  assert.deepEqual(await axeScan(page), []);
  await page.keyboard.press('Control+K');
  await searched(page, 'go', () => page.keyboard.type('go'));
  assert.deepEqual(await axeScan(page), []);
});
