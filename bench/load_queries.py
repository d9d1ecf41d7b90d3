#!/usr/bin/python3
"""The query mix of bench/server_load.sh, as each engine receives it.

Usage: load_queries.py QUERIES_FILE OUT_DIR [FOLIO_EXTRA]

QUERIES_FILE is in ../shared/peers/queries.txt syntax (words, "phrases", tag:NAME; '#' comments).
For each mix, "two-word" (the queries of exactly two plain words) and "all" (every query), writes:
  OUT_DIR/MIX.lua        wrk script: GET /api/search?q=...&tags=... (+ FOLIO_EXTRA), cycled
  OUT_DIR/MIX.sphinxql   one SphinxQL statement a line, as ../shared/peers/sphinx/query.py sends it
  OUT_DIR/MIX.pgsql      one SQL statement a line, as ../shared/peers/postgres/query.py sends it
Both SQL peers return the top 10 rows (path, title); folio returns its JSON page (10 hits with
snippets, facets as the server's defaults unless FOLIO_EXTRA says otherwise).
"""
import os
import re
import sys
import urllib.parse

TOKEN = re.compile(r'"([^"]*)"|(tag:\S+)|(\S+)')
SPHINX_SPECIAL = re.compile(r'([\\()|\-!@~"&/^$=<])')
WRK_LOOP = """local i = math.random(#paths)
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.3f %.3f %d %d/%d/%d/%d\\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, e.status, e.connect, e.read, e.write, e.timeout))
end
"""


def parse(line):
    """'a b "c d" tag:x' -> (words, phrases, tags), the peers' reading of the syntax."""
    words, phrases, tags = [], [], []
    for quoted, tag, word in TOKEN.findall(line):
        if tag:
            tags.append(tag[4:])
        elif word:
            words.append(word)
        elif len(quoted.split()) == 1:
            words.append(quoted.strip())
        elif quoted.split():
            phrases.append(quoted.split())
    return words, phrases, tags


def folio_path(line, extra):
    words, tags = [], []
    for part in line.split(" "):
        (tags if part.startswith("tag:") else words).append(part[4:] if part.startswith("tag:") else part)
    params = [("q", " ".join(words))] + [("tags", t) for t in tags]
    return "/api/search?" + urllib.parse.urlencode(params, quote_via=urllib.parse.quote) + extra


def mysql_literal(text):
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def sphinxql(line):
    words, phrases, tags = parse(line)
    esc = lambda s: SPHINX_SPECIAL.sub(r"\\\1", s)  # noqa: E731
    parts = [esc(w) for w in words] + ['"%s"' % esc(" ".join(p)) for p in phrases]
    parts += ['@tags "%s"' % esc(t.lower()) for t in tags]
    return ("SELECT id, path, title FROM docs WHERE MATCH(%s) LIMIT 10 "
            "OPTION field_weights=(title=10, tags=5, description=2, body=1)" % mysql_literal(" ".join(parts)))


def pg_literal(text):
    return "'" + text.replace("'", "''") + "'"


def pgsql(line):
    words, phrases, tags = parse(line)
    text = " ".join(words + ['"%s"' % " ".join(p) for p in phrases])
    tag_filter = "tags @> ARRAY[%s]::text[]" % ", ".join(pg_literal(t.lower()) for t in tags)
    if not text:
        return "SELECT path, title FROM docs WHERE %s ORDER BY date DESC LIMIT 10" % tag_filter
    where = "tsv @@ q" + (" AND " + tag_filter if tags else "")
    return ("SELECT path, title FROM docs, websearch_to_tsquery('english', %s) q WHERE %s "
            "ORDER BY ts_rank_cd(tsv, q) DESC LIMIT 10" % (pg_literal(text), where))


def is_two_words(line):
    return re.fullmatch(r"[A-Za-z0-9]+ [A-Za-z0-9]+", line) is not None


def write_mix(out_dir, name, lines, extra):
    with open(os.path.join(out_dir, name + ".lua"), "w", encoding="utf-8") as f:
        f.write("paths = {\n")
        for line in lines:
            f.write('  "%s",\n' % folio_path(line, extra).replace("\\", "\\\\").replace('"', '\\"'))
        f.write("}\n" + WRK_LOOP)
    for suffix, translate in ((".sphinxql", sphinxql), (".pgsql", pgsql)):
        with open(os.path.join(out_dir, name + suffix), "w", encoding="utf-8") as f:
            f.writelines(translate(line) + "\n" for line in lines)


def main():
    queries, out_dir = sys.argv[1], sys.argv[2]
    extra = sys.argv[3] if len(sys.argv) > 3 else ""
    with open(queries, encoding="utf-8") as f:
        lines = [l.strip() for l in f if l.strip() and not l.lstrip().startswith("#")]
    mixes = {"two-word": [l for l in lines if is_two_words(l)], "all": lines}
    for name, mix in mixes.items():
        if mix:
            write_mix(out_dir, name, mix, extra)
            print(name, len(mix))


if __name__ == "__main__":
    main()
