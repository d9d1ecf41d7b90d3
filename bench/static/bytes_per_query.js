'use strict';
// Bytes and fetches per query of a static bundle (`folio export --static`), measured in Node with
// the bundle's own engine and worker code: the index pieces each query makes the engine read, cold
// (the first query after a page load) and in a session (the next queries, with what earlier ones
// fetched kept). Bytes are as stored; a host that gzips them sends fewer (see the gz column).
//
//   node bench/static/bytes_per_query.js BUNDLE_DIR QUERIES_FILE [SESSION_LENGTH]
//
// QUERIES_FILE: one query a line in the peer benchmark's neutral syntax (../shared/peers/queries.txt:
// words, "phrases", tag:NAME); '#' lines are skipped. Prints a table and a JSON summary line.
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const {readQueries, toQuery} = require('./queries');

const [bundle, queriesFile, sessionArg] = process.argv.slice(2);
if (!bundle || !queriesFile) {
  console.error('usage: node bytes_per_query.js BUNDLE_DIR QUERIES_FILE [SESSION_LENGTH]');
  process.exit(2);
}
const SESSION = Number(sessionArg || 10);

async function openEngine(counter) {
  const manifest = JSON.parse(fs.readFileSync(path.join(bundle, 'manifest.json'), 'utf8'));
  const worker = require(path.resolve(bundle, 'folio-worker.js'));
  const createFolioEngine = require(path.resolve(bundle, manifest.engine.js));
  const Module = await createFolioEngine({
    wasmBinary: fs.readFileSync(path.join(bundle, manifest.engine.wasm)), print: () => {}, printErr: () => {},
  });
  const index = manifest.index;
  const fetchPiece = (i) => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(bundle, index.path, String(i))));
    counter.fetches += 1;
    counter.bytes += bytes.length;
    counter.gzip += zlib.gzipSync(bytes, {level: 6}).length;
    return bytes;
  };
  const reader = new worker.PieceReader(index.size, index.chunk_size, fetchPiece);
  return worker.Engine.open(manifest, Module, reader);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : 0;
};

(async () => {
  const queries = readQueries(queriesFile);
  const counter = {fetches: 0, bytes: 0, gzip: 0};
  // Opening (manifest settings, the database's header blocks): what a page pays before any query.
  await openEngine(counter);
  const open = {...counter};
  const cold = [];
  for (const line of queries) {
    const c = {fetches: 0, bytes: 0, gzip: 0};
    const engine = await openEngine(c);
    const before = {...c};
    const {status} = engine.answer('search', '', toQuery(line));
    cold.push({query: line, status, fetches: c.fetches - before.fetches, bytes: c.bytes - before.bytes,
      gzip: c.gzip - before.gzip});
  }
  // Sessions of SESSION different queries on one engine: the first is cold, the rest warm.
  const warm = [];
  for (let start = 0; start + SESSION <= queries.length; start += SESSION) {
    const c = {fetches: 0, bytes: 0, gzip: 0};
    const engine = await openEngine(c);
    for (let i = 0; i < SESSION; ++i) {
      const before = {...c};
      engine.answer('search', '', toQuery(queries[start + i]));
      if (i > 0) warm.push({fetches: c.fetches - before.fetches, bytes: c.bytes - before.bytes, gzip: c.gzip - before.gzip});
    }
  }
  for (const r of cold) console.log(`${String(r.status).padEnd(4)} ${String(r.fetches).padStart(4)} fetches ${String(r.bytes).padStart(8)} B ${String(r.gzip).padStart(8)} B gz  ${r.query}`);
  const summary = {
    queries: queries.length, chunk_size: JSON.parse(fs.readFileSync(path.join(bundle, 'manifest.json'))).index.chunk_size,
    open: open,
    cold_median: {fetches: median(cold.map((r) => r.fetches)), bytes: median(cold.map((r) => r.bytes)), gzip: median(cold.map((r) => r.gzip))},
    cold_max: {bytes: Math.max(...cold.map((r) => r.bytes))},
    session_median: {fetches: median(warm.map((r) => r.fetches)), bytes: median(warm.map((r) => r.bytes)), gzip: median(warm.map((r) => r.gzip))},
  };
  console.log(JSON.stringify(summary));
})().catch((e) => { console.error(e); process.exit(1); });
