'use strict';
// Facets of any taxonomy the index has (tests/data/typing-fixture configures `topics`, whose values
// are slugs), with display names, "Show more" past ten values, and the selection in the page's URL.
const {test, before, after} = require('node:test');
const assert = require('node:assert/strict');
const {startBackend, usingMock} = require('../support/folio-server');
const {launchBrowser} = require('../support/browser');
const {startStaticServer} = require('../support/static-server');
const {W, searched, total, pageTracker, axeScan, screenshot, TIMEOUT} = require('../support/widget');

const SKIP = usingMock() && {skip: 'the mock has no configured taxonomies'};
let backend;
let browser;
let site;

before(async () => {
  if (SKIP) return;
  backend = await startBackend({site: 'tests/data/typing-fixture'});
  browser = await launchBrowser();
  site = await startStaticServer({'/search.html': `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <title>Facets</title><script src="${backend.origin}/folio.js" defer></script></head><body><main>
    <h1>Search</h1><folio-search facets="topics,tags,year" sync-url="on" empty="all"></folio-search></main></body></html>`});
});

after(async () => {
  if (browser) await browser.close();
  if (site) await site.close();
  if (backend) await backend.stop();
});

const openPage = pageTracker(() => browser);
const facetBox = (page, name, value) => page.locator(`folio-search .folio-facet input[data-facet="${name}"][value="${value}"]`);

test('a custom taxonomy is a facet: slugs shown as names, ?topics= in the URL filters', {...TIMEOUT, ...SKIP}, async () => {
  const page = await openPage();
  await searched(page, '', () => page.goto(`${site.origin}/search.html`));
  const all = await total(page);
  const legends = await page.locator('folio-search .folio-facet legend').allTextContents();
  assert.deepEqual(legends, ['Topics', 'Tags', 'Year']);
  const box = facetBox(page, 'topics', 'plain-language');
  const label = await box.evaluate((b) => b.parentElement.querySelector('label span').textContent);
  assert.equal(label, 'Plain language');

  await searched(page, '', () => box.click());
  const filtered = await total(page);
  assert.ok(filtered > 0 && filtered < all, `${filtered} of ${all}`);
  assert.deepEqual(new URL(page.url()).searchParams.getAll('topics'), ['plain-language']);
  const api = page.seen.requests.filter((u) => u.includes('/api/search?')).pop();
  assert.equal(new URL(api).searchParams.get('topics'), 'plain-language');

  // a shared link restores the selection
  await searched(page, 'access', () => page.goto(`${site.origin}/search.html?q=access&topics=accessibility`));
  assert.ok(await facetBox(page, 'topics', 'accessibility').isChecked());
  const res = await fetch(`${backend.origin}/api/search?q=access&topics=accessibility&facets=none`);
  assert.equal(await total(page), (await res.json()).total);
  assert.deepEqual(await axeScan(page), []);
});

test('past ten values a facet shows "Show more", and "Show less" folds them again', {...TIMEOUT, ...SKIP}, async () => {
  const page = await openPage();
  await searched(page, '', () => page.goto(`${site.origin}/search.html`));
  const tags = page.locator('folio-search .folio-facet input[data-facet="tags"]');
  assert.equal(await tags.count(), 10);
  const res = await fetch(`${backend.origin}/api/facets?fields=tags`);
  const every = (await res.json()).facets.tags.values.length;
  assert.ok(every > 10, `${every} tags`);
  const more = page.locator('folio-search [data-more="tags"]');
  assert.equal(await more.textContent(), `Show ${every - 10} more`);
  await more.click();
  assert.equal(await tags.count(), every);
  assert.equal(await more.textContent(), 'Show less');
  assert.match((await page.evaluate(() => {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    return a.dataset.more;
  })), /tags/, 'focus stays on the button');
  await screenshot(page, 'facets-show-more.png');
  await more.click();
  assert.equal(await tags.count(), 10);
});
