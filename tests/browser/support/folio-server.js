'use strict';
// Starts the search backend the browser tests talk to: by default the REAL folio-server over an index
// of sample-content/ (FOLIO_BUILD_DIR, default ../../build), or with FOLIO_TEST_TARGET=mock the
// Node stand-in of support/mock-api.js (for the widget's development loop only).
const {spawn, execFileSync} = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const {startMockApi} = require('./mock-api');

const REPO = path.resolve(__dirname, '../../..');
const BUILD_DIR = path.resolve(process.env.FOLIO_BUILD_DIR || path.join(REPO, 'build'));
const SERVER_BIN = path.join(BUILD_DIR, 'server', 'folio-server');
const FOLIO_BIN = path.join(BUILD_DIR, 'cli', 'folio');
const SAMPLE_CONTENT = path.join(REPO, 'sample-content');

const usingMock = () => process.env.FOLIO_TEST_TARGET === 'mock';

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const {port} = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitUntilReady(origin, child, log) {
  const deadline = Date.now() + 20000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`folio-server exited with ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${origin}/readyz`);
      if (res.ok) return;
    } catch (e) { /* not listening yet */ }
    await sleep(100);
  }
  throw new Error(`folio-server did not answer /readyz within 20 s:\n${log()}`);
}

// Each index is built once per test process: sample-content/, or a site folder of tests/data
// indexed with its folio.toml (its [index] content, taxonomies...).
const indexes = {};
function builtIndex(site) {
  if (indexes[site || '']) return indexes[site || ''];
  for (const bin of [SERVER_BIN, FOLIO_BIN]) {
    if (!fs.existsSync(bin)) {
      throw new Error(`${bin} does not exist: the browser tests run against the real server. Build it first ` +
        `(scripts/build.sh build) or point FOLIO_BUILD_DIR at a build folder.`);
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-browser-index-'));
  const args = site ? ['index', '--config', 'folio.toml', '--db', dir] : ['index', SAMPLE_CONTENT, '--db', dir];
  execFileSync(FOLIO_BIN, args, {stdio: ['ignore', 'ignore', 'pipe'], cwd: site ? path.join(REPO, site) : undefined});
  process.on('exit', () => fs.rmSync(dir, {recursive: true, force: true}));
  return (indexes[site || ''] = dir);
}

// Starts a backend and resolves to {origin, port, kind, stop(), kill(), restart()}. `site`: a folder
// of the repository with a folio.toml to index instead of sample-content/ (real server only).
async function startBackend({port, site} = {}) {
  if (usingMock()) {
    const server = await startMockApi(port || 0);
    const actual = server.address().port;
    const close = () => new Promise((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
    return {kind: 'mock', port: actual, origin: `http://127.0.0.1:${actual}`, stop: close, kill: close,
      restart: () => startBackend({port: actual})};
  }
  const db = builtIndex(site);
  port = port || await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(SERVER_BIN, ['--db', db, '--listen', `127.0.0.1:${port}`], {stdio: ['ignore', 'pipe', 'pipe']});
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const exited = new Promise((r) => child.once('exit', r));
  const stopWith = async (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  process.on('exit', () => child.exitCode === null && child.kill('SIGKILL'));
  await waitUntilReady(origin, child, () => output);
  return {kind: 'real', port, origin, log: () => output,
    stop: () => stopWith('SIGTERM'), kill: () => stopWith('SIGKILL'), restart: () => startBackend({port, site})};
}

// The index of sample-content/ that startBackend() serves (the static tests export it).
const sampleIndex = () => builtIndex();

module.exports = {startBackend, freePort, usingMock, sampleIndex, REPO, SERVER_BIN};
