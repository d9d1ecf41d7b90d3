// Bytes per query of a Pagefind bundle, measured as bytes_per_query.js measures folio's: Pagefind's
// own browser module (pagefind.js + its WASM) in Node with a fetch() shim that serves the bundle's
// files and counts them; each query = search() + data() of the top 10 (what a result list shows).
// Cold: a fresh instance per query (the first query after a page load, with the loader, WASM and
// metadata). Session: SESSION_LENGTH different queries on one instance, the first left out.
// Pagefind's files are gzip-compressed by Pagefind itself: bytes read are bytes sent.
//
//   node bench/static/pagefind_bytes.mjs PAGEFIND_BUNDLE_DIR QUERIES_FILE [SESSION_LENGTH]
import { readFile } from "node:fs/promises";
import { pathToFileURL, fileURLToPath } from "node:url";
import path from "node:path";

const [bundle, qfile, sessionArg] = process.argv.slice(2);
const SESSION = Number(sessionArg || 10);
let bytes = 0;
let fetches = 0;
globalThis.fetch = async (input) => {
  const url = typeof input === "string" ? input : input.url ?? String(input);
  const p = fileURLToPath(url.split("?")[0]);
  try {
    const buf = await readFile(p);
    bytes += buf.length;
    fetches += 1;
    return new Response(buf, { status: 200 });
  } catch (e) {
    return new Response("not found", { status: 404 });
  }
};

// The peer benchmark's neutral syntax as Pagefind's (as ../shared/peers/pagefind/search.mjs).
function toPagefind(line) {
  const words = [], phrases = [], tags = [];
  const re = /"([^"]*)"|(tag:\S+)|(\S+)/g;
  let m;
  while ((m = re.exec(line))) {
    if (m[1] !== undefined) {
      const p = m[1].split(/\s+/).filter(Boolean);
      if (p.length === 1) words.push(p[0]); else if (p.length) phrases.push(p);
    } else if (m[2]) tags.push(m[2].slice(4));
    else words.push(m[3]);
  }
  let term;
  if (phrases.length === 1 && words.length === 0) term = `"${phrases[0].join(" ")}"`;
  else term = [...words, ...phrases.flat()].join(" ");
  const opts = {};
  if (tags.length) opts.filters = { tags: tags.length === 1 ? tags[0] : { all: tags } };
  return { term: term.length ? term : null, opts };
}

let instances = 0;
async function fresh() {
  const url = pathToFileURL(path.resolve(bundle, "pagefind.js")).href + `?instance=${++instances}`;
  const pagefind = await import(url);
  await pagefind.options({ baseUrl: "/" });
  await pagefind.init();
  return pagefind;
}

async function run(pagefind, line) {
  const { term, opts } = toPagefind(line);
  const r = await pagefind.search(term, opts);
  await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : 0; };
const queries = (await readFile(qfile, "utf8")).split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
const cold = [];
for (const line of queries) {
  const b0 = bytes, f0 = fetches;
  const pf = await fresh();
  await run(pf, line);
  cold.push({ bytes: bytes - b0, fetches: fetches - f0 });
}
const warm = [];
for (let start = 0; start + SESSION <= queries.length; start += SESSION) {
  const pf = await fresh();
  for (let i = 0; i < SESSION; ++i) {
    const b0 = bytes, f0 = fetches;
    await run(pf, queries[start + i]);
    if (i > 0) warm.push({ bytes: bytes - b0, fetches: fetches - f0 });
  }
}
console.log(JSON.stringify({
  queries: queries.length,
  cold_median: { fetches: median(cold.map((r) => r.fetches)), bytes: median(cold.map((r) => r.bytes)) },
  cold_max: { bytes: Math.max(...cold.map((r) => r.bytes)) },
  session_median: { fetches: median(warm.map((r) => r.fetches)), bytes: median(warm.map((r) => r.bytes)) },
}));
