'use strict';
// The widget in the page's language: strings from /folio-i18n/<lang>.json, counts and plurals with Intl,
// right-to-left layout, per-string overrides, and the reader's language sent with each search.
// Search answers are made up here (page.route), so that counts like 1,234 can be seen on a small index.
const {test, before, after} = require('node:test');
const assert = require('node:assert/strict');
const zlib = require('node:zlib');
const {startBackend} = require('../support/folio-server');
const {launchBrowser} = require('../support/browser');
const {startStaticServer} = require('../support/static-server');
const {W, searched, pageTracker, screenshot, axeScan, TIMEOUT} = require('../support/widget');

const LANGUAGES = ['ar', 'bn', 'de', 'es', 'fr', 'he', 'hi', 'id', 'it', 'ja', 'ko', 'pl', 'pt', 'ru', 'tr', 'uk', 'ur',
  'vi', 'zh-cn', 'zh-tw'];

let backend;
let browser;
let site;  // pages on a second origin that include folio.js from the server

before(async () => {
  backend = await startBackend();
  browser = await launchBrowser();
  const page = (lang, body, attrs = '') => `<!doctype html><html lang="${lang}" ${attrs}><head><meta charset="utf-8">
    <title>Site</title><script src="${backend.origin}/folio.js" defer></script></head><body><main><h1>Site</h1>${body}</main></body></html>`;
  site = await startStaticServer({
    '/de.html': page('de', '<folio-search></folio-search>'),
    '/de-modal.html': page('de', '<folio-search mode="modal" facets="tags"></folio-search>'),
    '/ja.html': page('ja', '<folio-search></folio-search>'),
    '/ru.html': page('ru', '<folio-search facets="none"></folio-search>'),
    '/pl.html': page('en', '<div lang="pl"><folio-search facets="none"></folio-search></div>'),
    '/ur.html': page('ur', '<folio-search></folio-search>', 'dir="rtl"'),
    '/fallback.html': page('en', `<folio-search lang="pt-BR" facets="none"></folio-search>
      <div lang="zh-HK"><folio-search facets="none"></folio-search></div>
      <folio-search lang="zh-Hant" facets="none"></folio-search>
      <folio-search lang="zh" facets="none"></folio-search>
      <folio-search lang="zh-Hans-HK" facets="none"></folio-search>
      <folio-search lang="de-AT" facets="none"></folio-search>
      <folio-search lang="nl" facets="none"></folio-search>
      <folio-search facets="none"></folio-search>`),
    '/override.html': page('de', `<folio-search placeholder="Beiträge finden"
      strings='{"filters": "Eingrenzen", "tags": "Themen", "count": {"one": "{0} Beitrag", "other": "{0} Beiträge"}}'>
      </folio-search>`),
    '/bad-override.html': page('en', `<folio-search strings="{not json"></folio-search>`),
  });
});

after(async () => {
  if (browser) await browser.close();
  if (site) await site.close();
  if (backend) await backend.stop();
});

// Every test gets a page whose uncaught exceptions fail the test.
const openPage = pageTracker(() => browser);

// Answers /api/search with as many articles as the query says ("1234" -> total 1234, 10 a page),
// and records each request's parameters.
async function fakeSearch(page) {
  const asked = [];
  await page.route(`${backend.origin}/api/search?*`, (route) => {
    const params = new URL(route.request().url()).searchParams;
    asked.push(params);
    const total = Number(params.get('q')) || 0;
    const perPage = Number(params.get('per_page')) || 10;
    const hits = Array.from({length: Math.min(total, perPage)}, (_, i) => ({
      id: `a${i}`, url: `/a${i}/`, title: `Article ${i}`, title_plain: `Article ${i}`, date: '2024-10-08',
      tags: ['Go'], categories: ['Guides'], snippet: 'Text', description: '',
      section: i === 0 ? {heading: 'Chapter', anchor: 'chapter', url: '/a0/#chapter'} : null,
    }));
    const facet = (value, count) => ({values: total ? [{value, count}] : [], other: 0});
    route.fulfill({
      headers: {'Access-Control-Allow-Origin': '*'},
      json: {query: params.get('q'), total, total_exact: true, page: 1, per_page: perPage, took_ms: 1,
        corrected_query: null, auto_corrected: false, hits,
        facets: {tags: facet('Go', 1234), categories: facet('Guides', 56), year: facet('2024', 7)}},
    });
  });
  return asked;
}

const widget = (page) => page.locator('folio-search').first();
const ask = (page, q) => searched(page, q, () => widget(page).evaluate((el, text) => el.query(text), q));
const text = (page, selector) => page.locator(`folio-search ${selector}`).first().textContent();
const texts = (page, selector) => page.locator(`folio-search ${selector}`).allTextContents();

test('the strings of every language are served beside folio.js, complete, and within the size budget', TIMEOUT, async () => {
  const gzipped = async (path) => {
    const res = await fetch(`${backend.origin}${path}`);
    assert.equal(res.status, 200, path);
    const body = Buffer.from(await res.arrayBuffer());
    return {res, body, size: zlib.gzipSync(body, {level: 9}).length};
  };
  const german = JSON.parse((await gzipped('/folio-i18n/de.json')).body);
  let largest = 0;
  for (const lang of LANGUAGES) {
    const {res, body, size} = await gzipped(`/folio-i18n/${lang}.json`);
    assert.match(res.headers.get('content-type'), /json/, lang);
    const strings = JSON.parse(body);
    const missing = Object.keys(german).filter((key) => key !== 'ctrl' && !(key in strings));
    assert.deepEqual(missing, [], `${lang} lacks strings`);
    largest = Math.max(largest, size);
  }
  const widgetBytes = (await gzipped('/folio.js')).size + (await gzipped('/folio.css')).size;
  assert.ok(widgetBytes + largest < 15 * 1024, `folio.js + folio.css + the largest strings: ${widgetBytes} + ${largest} bytes gzipped`);
});

test('German: German strings and labels, counts "1.234", German dates, and locale=de on searches', TIMEOUT, async () => {
  const page = await openPage();
  const asked = await fakeSearch(page);
  await page.goto(`${site.origin}/de.html`);
  await page.locator(W.root).waitFor();
  const input = page.locator(W.input);
  assert.equal(await input.getAttribute('placeholder'), 'Artikel durchsuchen');
  assert.equal(await text(page, 'label[for=folio-input]'), 'Artikel durchsuchen');

  await ask(page, '1234');
  assert.equal(asked.at(-1).get('locale'), 'de');
  assert.equal(await text(page, '.folio-count'), '1.234 Ergebnisse, 10 angezeigt');
  assert.equal(await page.locator(W.live).textContent(), '1.234 Ergebnisse, 10 angezeigt');
  assert.deepEqual(await texts(page, '.folio-facet legend'), ['Tags', 'Kategorien', 'Jahr']);
  assert.deepEqual(await texts(page, '.folio-facet .folio-n'), ['1.234', '56', '7']);
  assert.equal(await page.locator('folio-search .folio-facets').getAttribute('aria-label'), 'Filter');
  assert.equal(await text(page, '.folio-facets-title'), 'Filter');
  assert.equal(await text(page, '.folio-sort span'), 'Sortieren nach');
  assert.deepEqual(await texts(page, '.folio-select option'), ['Relevanz', 'Neueste']);
  assert.equal(await page.locator('folio-search [role=listbox]').getAttribute('aria-label'), 'Suchergebnisse');
  assert.equal(await text(page, W.more.replace('folio-search ', '')), 'Mehr laden (noch 1.224 Ergebnisse)');
  assert.equal(await text(page, '.folio-sub .folio-hit-meta'), 'Abschnitt in Article 0');
  assert.match(await text(page, '.folio-hit time'), /^8\. Okt\.? 2024$/);

  await ask(page, '1');
  assert.equal(await text(page, '.folio-count'), '1 Ergebnis');
  await ask(page, '0');
  assert.equal(await page.locator(W.live).textContent(), 'Keine Ergebnisse');
  assert.match(await page.locator(W.empty).textContent(), /^Keine Ergebnisse für „0“/);
  await screenshot(page, 'i18n-de.png');
});

test('German modal: the button, its key hint and the dialog labels are German', TIMEOUT, async () => {
  const page = await openPage();
  await fakeSearch(page);
  await page.goto(`${site.origin}/de-modal.html`);
  await page.locator('folio-search .folio-ready .folio-trigger').waitFor();
  const mac = await page.evaluate(() => /Mac|iP(hone|ad)/.test(navigator.platform));
  assert.equal(await text(page, '.folio-trigger span'), 'Suche');
  assert.equal(await text(page, '.folio-trigger kbd'), mac ? '⌘K' : 'Strg K');
  await page.keyboard.press('Control+K');
  assert.equal(await page.locator('folio-search dialog').getAttribute('aria-label'), 'Suche');
  assert.equal(await page.locator('folio-search .folio-close').getAttribute('aria-label'), 'Esc: Suche schließen');
  await ask(page, '3');
  assert.equal(await text(page, '.folio-count'), '3 Ergebnisse');
  assert.deepEqual(await axeScan(page), []);
});

test('Japanese: strings from <html lang="ja">, one plural form, full-width punctuation', TIMEOUT, async () => {
  const page = await openPage();
  const asked = await fakeSearch(page);
  await page.goto(`${site.origin}/ja.html`);
  await page.locator(W.root).waitFor();
  assert.equal(await page.locator(W.input).getAttribute('placeholder'), '記事を検索');

  await ask(page, '1234');
  assert.equal(asked.at(-1).get('locale'), 'ja');
  assert.equal(await text(page, '.folio-count'), '1,234件（10件を表示）');
  assert.deepEqual(await texts(page, '.folio-facet legend'), ['タグ', 'カテゴリ', '年']);
  assert.equal(await text(page, '.folio-sort span'), '並べ替え');
  assert.deepEqual(await texts(page, '.folio-select option'), ['関連度順', '新しい順']);
  assert.equal(await text(page, '.folio-more'), 'さらに表示（残り1,224件）');
  await ask(page, '1');
  assert.equal(await text(page, '.folio-count'), '1件');
  await ask(page, '0');
  assert.equal(await page.locator(W.live).textContent(), '一致する結果はありません');
  assert.match(await page.locator(W.empty).textContent(), /「0」に一致する結果はありません/);
  await screenshot(page, 'i18n-ja.png');
});

test('Russian and Polish: every plural form', TIMEOUT, async () => {
  const page = await openPage();
  await fakeSearch(page);
  const forms = async (url, expected) => {
    await page.goto(url);
    await page.locator(W.root).waitFor();
    for (const [q, words] of Object.entries(expected)) {
      await ask(page, q);
      assert.equal((await text(page, '.folio-count')).split(',')[0], words, `${url} ${q}`);
    }
  };
  await forms(`${site.origin}/ru.html`, {1: '1 результат', 3: '3 результата', 5: '5 результатов',
    21: '21 результат', 1234: '1 234 результата'.replace(' ', '\u00a0')});
  await forms(`${site.origin}/pl.html`, {1: '1 wynik', 2: '2 wyniki', 5: '5 wyników', 22: '22 wyniki', 12: '12 wyników'});
  assert.equal(await text(page, '.folio-more'), 'Pokaż więcej (zostało 12 wyników)', 'after 22 (keys run in numeric order)');
  await ask(page, '12');
  assert.equal(await text(page, '.folio-more'), 'Pokaż więcej (zostały 2 wyniki)');
});

test('Urdu: right to left, the facet column on the right, no accessibility violations', TIMEOUT, async () => {
  const page = await openPage();
  const asked = await fakeSearch(page);
  await page.goto(`${site.origin}/ur.html`);
  await page.locator(W.root).waitFor();
  await ask(page, '1234');
  assert.equal(asked.at(-1).get('locale'), 'ur');
  const root = page.locator('folio-search .folio');
  assert.equal(await root.getAttribute('dir'), 'rtl');
  assert.equal(await page.locator('folio-search .folio-body').evaluate((b) => getComputedStyle(b).direction), 'rtl');

  const box = async (selector) => page.locator(`folio-search ${selector}`).first().boundingBox();
  const facets = await box('.folio-facets');
  const results = await box('.folio-results');
  assert.ok(facets.x >= results.x + results.width, `facets at x=${facets.x}, results end at x=${results.x + results.width}`);
  const icon = await box('.folio-icon');
  const input = await box('.folio-input');
  assert.ok(icon.x > input.x, 'the search icon is at the right of the box');
  const sub = page.locator('folio-search .folio-sub').first();
  assert.deepEqual(await sub.evaluate((s) => [getComputedStyle(s).borderRightWidth, getComputedStyle(s).borderLeftWidth]),
    ['2px', '0px'], 'a section hit is indented from the right');

  const n = await page.evaluate(() => new Intl.NumberFormat('ur').format(1234));
  assert.equal(await text(page, '.folio-count'), `${n} نتائج، 10 دکھائے جا رہے ہیں`);
  assert.deepEqual(await texts(page, '.folio-facet legend'), ['ٹیگز', 'زمرے', 'سال']);
  await ask(page, '1');
  assert.equal(await text(page, '.folio-count'), '1 نتیجہ');
  await ask(page, '1234');
  await screenshot(page, 'i18n-ur-rtl.png');
  assert.deepEqual(await axeScan(page), []);
});

test('the language falls back by base language and script: pt-BR, zh-HK, zh-Hant, zh, nl', TIMEOUT, async () => {
  const page = await openPage();
  await page.goto(`${site.origin}/fallback.html`);
  await page.waitForFunction(() => [...document.querySelectorAll('folio-search')]
    .every((el) => el.shadowRoot && el.shadowRoot.querySelector('.folio-ready')));
  const placeholders = await page.locator(W.input).evaluateAll((inputs) => inputs.map((i) => i.placeholder));
  assert.deepEqual(placeholders, ['Pesquisar artigos', '搜尋文章', '搜尋文章', '搜索文章', '搜索文章',
    'Artikel durchsuchen', 'Search articles', 'Search articles']);
  const loaded = page.seen.requests.filter((u) => u.includes('/folio-i18n/')).map((u) => new URL(u).pathname).sort();
  assert.deepEqual(loaded, ['/folio-i18n/de.json', '/folio-i18n/pt.json', '/folio-i18n/zh-cn.json', '/folio-i18n/zh-tw.json'],
    'one request a language, none for English');
});

test('strings can be overridden one by one; placeholder and label attributes still win', TIMEOUT, async () => {
  const page = await openPage();
  await fakeSearch(page);
  await page.goto(`${site.origin}/override.html`);
  await page.locator(W.root).waitFor();
  assert.equal(await page.locator(W.input).getAttribute('placeholder'), 'Beiträge finden');
  assert.equal(await text(page, 'label[for=folio-input]'), 'Artikel durchsuchen', 'the rest stays German');
  await ask(page, '1234');
  assert.equal(await text(page, '.folio-count'), '1.234 Beiträge, 10 angezeigt');
  assert.equal(await text(page, '.folio-facets-title'), 'Eingrenzen');
  assert.deepEqual(await texts(page, '.folio-facet legend'), ['Themen', 'Kategorien', 'Jahr']);
  assert.equal(await text(page, '.folio-sort span'), 'Sortieren nach');
  await ask(page, '1');
  assert.equal(await text(page, '.folio-count'), '1 Beitrag');

  // a strings attribute that is not JSON is ignored
  await page.goto(`${site.origin}/bad-override.html`);
  await page.locator(W.root).waitFor();
  assert.equal(await page.locator(W.input).getAttribute('placeholder'), 'Search articles');
  await ask(page, '1234');
  assert.equal(await text(page, '.folio-count'), '1,234 results, showing 10');
});
