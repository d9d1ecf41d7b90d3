'use strict';
// The server stops while the widget is in use: one clear message, no retry loop, and the next
// keystroke tries again.
const {test, before, after} = require('node:test');
const assert = require('node:assert/strict');
const {startBackend} = require('../support/folio-server');
const {launchBrowser} = require('../support/browser');
const {W, searched, watch} = require('../support/widget');

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

test('the server stopped mid-use: "unavailable" once, no error loop, retry on the next input', async () => {
  const page = await browser.context.newPage();
  const seen = watch(page);
  await searched(page, 'kubernetes', () => page.goto(`${backend.origin}/?q=kubernetes`));
  assert.ok(await page.locator(W.hits).count() > 0);

  await backend.kill();
  const input = page.locator(W.input);
  await input.press('End');
  await input.pressSequentially(' nomad');
  const error = page.locator(W.error);
  await error.waitFor();
  assert.equal(await error.textContent(), 'Search is unavailable right now');
  assert.equal(await page.locator(W.live).textContent(), 'Search is unavailable right now');
  assert.equal(await page.locator(W.hits).count(), 0);

  // Nothing happens by itself while nobody types: no requests and no new console errors.
  const requests = seen.requests.length;
  const consoleErrors = seen.consoleErrors.length;
  await sleep(2000);
  assert.equal(seen.requests.length - requests, 0, `requests without input: ${seen.requests.slice(requests).join(', ')}`);
  assert.equal(seen.consoleErrors.length - consoleErrors, 0, seen.consoleErrors.slice(consoleErrors).join('\n'));
  assert.ok(consoleErrors <= 2, `console errors while the server was down: ${seen.consoleErrors.join('\n')}`);
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
