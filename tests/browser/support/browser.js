'use strict';
// Headless Debian Chromium driven by playwright-core, with a fresh profile per launch.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const {chromium} = require('playwright-core');

const EXECUTABLE = process.env.FOLIO_CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
  '--no-first-run', '--disable-component-update', '--disable-sync'];

async function launchBrowser() {
  if (!fs.existsSync(EXECUTABLE)) {
    throw new Error(`${EXECUTABLE} does not exist: install Chromium (apt-get install chromium, or scripts/setup.sh --test)`);
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: EXECUTABLE, headless: true, args: ARGS, viewport: {width: 1280, height: 900},
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, {recursive: true, force: true});
    },
  };
}

module.exports = {launchBrowser};
