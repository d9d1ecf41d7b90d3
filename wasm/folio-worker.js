// folio-worker.js: the static engine's Web Worker (docs/static-search.md). It loads the bundle's
// manifest and the WASM engine (folio's own query code: wasm/folio_engine.cpp), and answers the
// widget's requests as folio-server would, with the same JSON. The engine reads the index as
// Xapian asks for it: each read is served from fixed-size pieces (chunk files, or Range requests
// on one file) fetched on first use and kept for the session, so a query costs the pieces it
// touches, not the index.
//
// Messages in:  {id, endpoint: 'search'|'suggest'|'facets'|'article'|'related'|'stats',
//                articleId, query: 'q=...&tags=...'}
// Messages out: {id, status, body}  (body: the JSON text folio-server would send)
//
// The same file runs under Node for the tests (module.exports), with reads from disk.
'use strict';

// Fetches take at most this long; a host that stalls gets a clear error, never a hang.
const FETCH_TIMEOUT_MS = 20000;
const EIO = 29;  // Emscripten's errno for I/O errors: Xapian sees a failed read, not a crash

class BundleError extends Error {}

// Reads [position, position + length) of the index from pieces of `pieceSize` bytes, fetching
// each piece once with fetchPiece(index) -> Uint8Array.
class PieceReader {
  constructor(size, pieceSize, fetchPiece) {
    this.size = size;
    this.pieceSize = pieceSize;
    this.fetchPiece = fetchPiece;
    this.pieces = new Map();
    this.whole = null;  // the whole file, when a host answered a Range request with all of it
  }

  piece(index) {
    let bytes = this.pieces.get(index);
    if (!bytes) {
      bytes = this.fetchPiece(index, this);
      if (!this.whole) this.pieces.set(index, bytes);
    }
    return bytes;
  }

  read(target, offset, length, position) {
    let done = 0;
    while (done < length && position + done < this.size) {
      const at = position + done;
      let bytes;
      let start;
      if (this.whole) {
        bytes = this.whole;
        start = at;
      } else {
        const index = Math.floor(at / this.pieceSize);
        bytes = this.piece(index);
        start = at - index * this.pieceSize;
        if (this.whole) continue;  // that fetch brought the whole file
      }
      const n = Math.min(length - done, bytes.length - start);
      if (n <= 0) break;
      target.set(bytes.subarray(start, start + n), offset + done);
      done += n;
    }
    return done;
  }
}

// A synchronous GET (allowed in workers): Xapian's reads are synchronous calls.
function fetchSync(url, range) {
  const xhr = new XMLHttpRequest();
  xhr.open('GET', url, false);
  xhr.responseType = 'arraybuffer';
  xhr.timeout = FETCH_TIMEOUT_MS;
  if (range) xhr.setRequestHeader('Range', `bytes=${range[0]}-${range[1]}`);
  try {
    xhr.send(null);
  } catch (e) {
    throw new BundleError(`${url}: ${e.message || 'network error'}`);
  }
  if (xhr.status !== 200 && xhr.status !== 206) throw new BundleError(`${url}: HTTP ${xhr.status}`);
  const bytes = new Uint8Array(xhr.response);
  return {bytes, partial: xhr.status === 206};
}

// The piece fetcher for a manifest's layout, over HTTP.
function httpPieces(base, manifest) {
  const index = manifest.index;
  const url = new URL(index.path, base).href;
  if (index.layout === 'file') {
    return (i, reader) => {
      const first = i * index.chunk_size;
      const last = Math.min(index.size, first + index.chunk_size) - 1;
      const got = fetchSync(url, [first, last]);
      if (got.partial) return got.bytes;
      if (got.bytes.length !== index.size) throw new BundleError(`${url}: size differs from the manifest`);
      reader.whole = got.bytes;  // the host ignored Range: the one download serves every read
      return got.bytes.subarray(first, last + 1);
    };
  }
  return (i) => {
    const got = fetchSync(url + i);
    const expected = Math.min(index.chunk_size, index.size - i * index.chunk_size);
    if (got.bytes.length !== expected) throw new BundleError(`${url}${i}: ${got.bytes.length} bytes, expected ${expected}`);
    return got.bytes;
  };
}

// Puts the index at /index/folio.db in the engine's file system, every read going to `reader`.
// A failed fetch becomes EIO for Xapian (a 503 from the engine) and is remembered in
// state.fetchError for the message.
function mountIndex(Module, reader, state) {
  const FS = Module.FS;
  FS.mkdirTree('/index');
  const node = FS.createFile('/index', 'folio.db', {}, true, false);
  Object.defineProperty(node, 'usedBytes', {get: () => reader.size});
  const ops = Object.assign({}, node.stream_ops);
  ops.read = (stream, buffer, offset, length, position) => {
    try {
      return reader.read(buffer, offset, length, position);
    } catch (e) {
      state.fetchError = e;
      throw new FS.ErrnoError(EIO);
    }
  };
  node.stream_ops = ops;
  return '/index/folio.db';
}

function errorBody(code, message) {
  return JSON.stringify({error: {code, message, param: null}});
}

// One opened bundle version: the engine with its index.
class Engine {
  static async open(manifest, Module, reader) {
    const engine = new Engine(manifest, Module);
    const path = mountIndex(Module, reader, engine);
    const status = Module.ccall('folio_open', 'number', ['string', 'string'],
                                [path, JSON.stringify(manifest.settings)]);
    if (status !== 200) throw new BundleError(engine.failure(Module.UTF8ToString(Module._folio_body())));
    return engine;
  }

  constructor(manifest, Module) {
    this.manifest = manifest;
    this.Module = Module;
    this.fetchError = null;
  }

  failure(body) {
    if (this.fetchError) return `the search index could not be read: ${this.fetchError.message}`;
    try {
      return JSON.parse(body).error.message;
    } catch (e) {
      return body;
    }
  }

  answer(endpoint, articleId, query) {
    this.fetchError = null;
    const status = this.Module.ccall('folio_answer', 'number', ['string', 'string', 'string'],
                                     [endpoint, articleId || '', query || '']);
    let body = this.Module.UTF8ToString(this.Module._folio_body());
    if (this.fetchError) body = errorBody('unavailable', this.failure(body));
    return {status, body, fetchFailed: this.fetchError !== null};
  }
}

// The browser side: the bundle at `base` (the folder this script was loaded from).
class Bundle {
  constructor(base) {
    this.base = base;
    this.engine = null;
    this.opening = null;
  }

  async manifest() {
    const url = new URL('manifest.json', this.base).href;
    let res;
    try {
      res = await fetch(url, {cache: 'no-cache'});
    } catch (e) {
      throw new BundleError(`${url}: ${e.message}`);
    }
    if (!res.ok) throw new BundleError(`${url}: HTTP ${res.status} (is the static bundle exported there?)`);
    try {
      return await res.json();
    } catch (e) {
      throw new BundleError(`${url}: not a folio manifest`);
    }
  }

  async open() {
    const manifest = await this.manifest();
    if (manifest.format !== 1) throw new BundleError(`manifest.json: format ${manifest.format} is not supported`);
    const script = new URL(manifest.engine.js, this.base).href;
    try {
      importScripts(script);
    } catch (e) {
      throw new BundleError(`${script}: could not be loaded`);
    }
    const wasm = new URL(manifest.engine.wasm, this.base).href;
    const Module = await createFolioEngine({
      locateFile: () => wasm,
      print: () => {},
      printErr: () => {},
    }).catch((e) => {
      throw new BundleError(`${wasm}: ${e && e.message ? e.message : 'could not be started'}`);
    });
    const reader = new PieceReader(manifest.index.size, manifest.index.chunk_size,
                                   httpPieces(this.base, manifest));
    return Engine.open(manifest, Module, reader);
  }

  current() {
    if (!this.opening) {
      this.opening = this.open().then((engine) => (this.engine = engine), (e) => {
        this.opening = null;  // the next request tries again
        throw e;
      });
    }
    return this.opening;
  }

  // A piece of the index could not be fetched: if a new export replaced the bundle, reopen on it
  // and answer again; otherwise the failure stands.
  async answer(endpoint, articleId, query) {
    const engine = await this.current();
    const first = engine.answer(endpoint, articleId, query);
    if (!first.fetchFailed) return first;
    const latest = await this.manifest().catch(() => null);
    if (!latest || latest.version === engine.manifest.version) return first;
    this.opening = null;
    const reopened = await this.current();
    return reopened.answer(endpoint, articleId, query);
  }
}

if (typeof module !== 'undefined' && module.exports) {
  module.exports = {PieceReader, Engine, BundleError};
} else {
  const base = new URL('.', self.location.href).href;
  const bundle = new Bundle(base);
  self.onmessage = async (event) => {
    const {id, endpoint, articleId, query} = event.data || {};
    try {
      const {status, body} = await bundle.answer(endpoint, articleId, query);
      self.postMessage({id, status, body});
    } catch (e) {
      const message = e instanceof BundleError ? e.message : `the static search failed: ${e && e.message}`;
      self.postMessage({id, status: 503, body: errorBody('unavailable', message)});
    }
  };
}
