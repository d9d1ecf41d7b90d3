'use strict';
// Agreement of a static bundle with folio-server over the same index: for every query of a file
// (the peer benchmark's neutral syntax), the bundle's engine run in Node and GET /api/search must
// give the same JSON (hits with their snippets and sections, totals, facet counts, corrections),
// took_ms aside. Prints the queries that differ and a summary line; exit 1 if any does.
//
//   node bench/static/agreement.js BUNDLE_DIR SERVER_ORIGIN QUERIES_FILE
//     (SERVER_ORIGIN: a folio-server on the index the bundle was exported from)
const fs = require('node:fs');
const path = require('node:path');
const assert = require('node:assert/strict');
const {readQueries, toQuery} = require('./queries');
const {nodeEngine} = require(path.resolve(__dirname, '../../tests/browser/support/static-bundle'));

const comparable = (body) => {
  const copy = JSON.parse(JSON.stringify(body));
  delete copy.took_ms;
  return copy;
};

(async () => {
  const [bundle, origin, queriesFile] = process.argv.slice(2);
  const engine = await nodeEngine(path.resolve(bundle));
  const queries = readQueries(queriesFile);
  let same = 0;
  const differing = [];
  for (const line of queries) {
    const query = toQuery(line);
    const res = await fetch(`${origin}/api/search?${query}`);
    const server = {status: res.status, body: await res.json()};
    const local = engine.answer('search', query);
    try {
      assert.equal(local.status, server.status);
      assert.deepEqual(comparable(local.body), comparable(server.body));
      same += 1;
    } catch (e) {
      differing.push(line);
      console.log(`differs: ${line}\n${e.message.slice(0, 2000)}`);
    }
  }
  console.log(JSON.stringify({queries: queries.length, identical: same, differing}));
  process.exit(differing.length ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(1); });
