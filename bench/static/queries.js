'use strict';
// The peer benchmark's query file (../shared/peers/queries.txt: words, "phrases", tag:NAME; '#'
// lines skipped) as folio query strings for /api/search and the static engine.
const fs = require('node:fs');

function readQueries(file) {
  return fs.readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
}

// tag:NAME -> tags=NAME; the rest is q.
function toQuery(line) {
  const tags = [];
  const q = line.replace(/\btag:(\S+)/g, (_, t) => { tags.push(t); return ''; }).trim();
  const params = new URLSearchParams({q});
  for (const t of tags) params.append('tags', t);
  return params.toString();
}

module.exports = {readQueries, toQuery};
