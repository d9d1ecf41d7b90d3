'use strict';
// The server stops while the widget is in use: one clear message, no retry loop, and the next
// keystroke tries again.
const {test, before, after} = require('node:test');
const assert = require('node:assert/strict');
const {startBackend} = require('../support/folio-server');
const {launchBrowser} = require('../support/browser');
const {W, searched, watch, TIMEOUT} = require('../support/widget');

let backend;
let browser;

before(async () => {
  backend = await startBackend();
  browser = await launchBrowser();
});

after(async () => {
  if (browser) await browser.close();
  if (backend) await backend.stop();
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test('the server stopped mid-use: "unavailable" once, no error loop, retry on the next input', TIMEOUT, async () => {
  const page = await browser.context.newPage();
  const seen = watch(page);
  await searched(page, 'kubernetes', () => page.goto(`${backend.origin}/?q=kubernetes`));
  assert.ok(await page.locator(W.hits).count() > 0);

  await backend.kill();
  const input = page.locator(W.input);
  const failed = page.waitForEvent('requestfailed', (r) => new URL(r.url()).searchParams.get('q') === 'kubernetes nomad');
  await input.press('End');
  await input.pressSequentially(' nomad');
  await failed;
  await page.locator(W.idle).waitFor();
  const error = page.locator(W.error);
  assert.equal(await error.textContent(), 'Search is unavailable right now');
  assert.equal(await page.locator(W.live).textContent(), 'Search is unavailable right now');
  assert.equal(await page.locator(W.hits).count(), 0);

  // Nothing happens by itself while nobody types: no requests and no new console errors.
  const requests = seen.requests.length;
  const consoleErrors = seen.consoleErrors.length;
  await sleep(2000);
  assert.equal(seen.requests.length - requests, 0, `requests without input: ${seen.requests.slice(requests).join(', ')}`);
  assert.equal(seen.consoleErrors.length - consoleErrors, 0, seen.consoleErrors.slice(consoleErrors).join('\n'));
  // at most one console line (Chromium's own "Failed to load resource") per search the user caused
  const searches = seen.requests.filter((u) => u.includes('/api/search')).length;
  assert.ok(consoleErrors <= searches, `${consoleErrors} console errors for ${searches} searches: ${seen.consoleErrors.join('\n')}`);
  assert.deepEqual(seen.pageErrors, []);

  // The next input tries again, and finds the server back.
  backend = await backend.restart();
  await searched(page, 'kubernetes', async () => {
    await input.fill('kubernetes');
  });
  assert.equal(await error.count(), 0);
  assert.ok(await page.locator(W.hits).count() > 0);
  await page.close();
});
