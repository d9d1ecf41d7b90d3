'use strict';
// Static search in the tests: exports a bundle with the real `folio export --static`, serves it from
// a plain file server (with or without Range support, counting what it sends), and runs the bundle's
// engine in Node with its index read from disk, to set its answers beside folio-server's.
const {execFileSync} = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const {REPO} = require('./folio-server');

const BUILD_DIR = path.resolve(process.env.FOLIO_BUILD_DIR || path.join(REPO, 'build'));
const FOLIO_BIN = path.join(BUILD_DIR, 'cli', 'folio');
const WASM_ASSETS = path.resolve(process.env.FOLIO_WASM_DIR || path.join(REPO, 'build-wasm', 'static'));

function requireBuilt() {
  if (!fs.existsSync(path.join(WASM_ASSETS, 'engine.json'))) {
    throw new Error(`no static engine in ${WASM_ASSETS}: run scripts/wasm/build.sh (or set FOLIO_WASM_DIR)`);
  }
}

// folio index CONTENT into DB (incremental; skipped without content), then folio export --static OUT.
function exportBundle({content, db, out, layout = 'chunks', chunkSize}) {
  requireBuilt();
  if (content) execFileSync(FOLIO_BIN, ['index', content, '--db', db], {stdio: 'pipe'});
  const args = ['export', '--static', out, '--db', db, '--assets', WASM_ASSETS, '--layout', layout];
  if (chunkSize) args.push('--chunk-size', String(chunkSize));
  execFileSync(FOLIO_BIN, args, {stdio: 'pipe'});
  return JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
}

const TYPES = {'.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json',
  '.css': 'text/css', '.html': 'text/html; charset=utf-8'};

// Serves root (and pages: {'/path': html}) on a free loopback port. ranges: honour Range requests
// (false: answer every GET with the whole file, as some hosts do). Counts requests and bytes per
// path prefix in stats.
function serveFiles(root, {pages = {}, ranges = true} = {}) {
  const stats = {requests: 0, bytes: 0, paths: []};
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    stats.requests += 1;
    stats.paths.push(pathname);
    if (pages[pathname]) {
      res.writeHead(200, {'Content-Type': TYPES['.html']});
      res.end(pages[pathname]);
      return;
    }
    const file = path.join(root, pathname);
    if (!file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, {'Content-Type': 'text/plain'});
      res.end('not found');
      return;
    }
    let body = fs.readFileSync(file);
    const headers = {'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
      'Cache-Control': 'no-cache'};
    const range = ranges && /^bytes=(\d+)-(\d+)$/.exec(req.headers.range || '');
    let status = 200;
    if (range) {
      const [first, last] = [Number(range[1]), Math.min(Number(range[2]), body.length - 1)];
      headers['Content-Range'] = `bytes ${first}-${last}/${body.length}`;
      body = body.subarray(first, last + 1);
      status = 206;
    }
    stats.bytes += body.length;
    res.writeHead(status, headers);
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    origin: `http://127.0.0.1:${server.address().port}`,
    stats,
    close: () => new Promise((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  })));
}

// The bundle's engine under Node: the same WASM and worker code, pieces read from disk.
async function nodeEngine(bundleDir) {
  requireBuilt();
  const manifest = JSON.parse(fs.readFileSync(path.join(bundleDir, 'manifest.json'), 'utf8'));
  const worker = require(path.join(bundleDir, 'folio-worker.js'));
  const createFolioEngine = require(path.join(bundleDir, manifest.engine.js));
  const Module = await createFolioEngine({
    // The bytes given: Emscripten 3.1.6 would otherwise fetch() a path, which Node's fetch refuses.
    wasmBinary: fs.readFileSync(path.join(bundleDir, manifest.engine.wasm)), print: () => {}, printErr: () => {},
  });
  const index = manifest.index;
  const fetchPiece = index.layout === 'file' ?
    (i) => {
      const fd = fs.openSync(path.join(bundleDir, index.path), 'r');
      const length = Math.min(index.chunk_size, index.size - i * index.chunk_size);
      const bytes = new Uint8Array(length);
      fs.readSync(fd, bytes, 0, length, i * index.chunk_size);
      fs.closeSync(fd);
      return bytes;
    } :
    (i) => new Uint8Array(fs.readFileSync(path.join(bundleDir, index.path, String(i))));
  const reader = new worker.PieceReader(index.size, index.chunk_size, fetchPiece);
  const engine = await worker.Engine.open(manifest, Module, reader);
  return {
    manifest,
    // endpoint as folio-server's path: ('search', 'q=go') or ('related', '', 'posts/x')
    answer: (endpoint, query = '', articleId = '') => {
      const {status, body} = engine.answer(endpoint, articleId, query);
      return {status, body: JSON.parse(body)};
    },
  };
}

// An init script for a page: counts the messages its workers send (window.folioAnswers), so a test
// or a benchmark can wait for the static engine's answer to what it typed.
function countWorkerAnswers() {
  window.folioAnswers = 0;
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', () => { window.folioAnswers += 1; });
    }
  };
}

function tempDir(name) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `folio-${name}-`));
}

module.exports = {exportBundle, serveFiles, nodeEngine, countWorkerAnswers, tempDir, WASM_ASSETS, FOLIO_BIN};
