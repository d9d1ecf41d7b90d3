#!/usr/bin/env python3
"""Amplification: small requests that could cost the server much. Wildcard-heavy queries (170
`a*`), `Range` headers of thousands of parts, header floods, huge query strings and parameter
lists, deep pages and wide facets. Each request is sent several times, one at a time, to an
otherwise idle folio-server; reports its HTTP status, the server's CPU time per request (utime +
stime from /proc/PID/stat), wall time and the change in RSS, against the targets of 100 ms CPU and
20 MB for any single request.

  bench/campaign/amplification.py [--repeat N] [--ci] [CORPUS]   (default: sample-content/)

Times are reported, never asserted. With --ci the exit status says only whether any answer was a
5xx (or no answer) and whether the server is alive and healthy after."""

import argparse
import os
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import campaign  # noqa: E402

CPU_TARGET_MS = 100.0
RSS_TARGET_MB = 20.0


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", default=os.path.join(campaign.ROOT, "sample-content"))
    parser.add_argument("--repeat", type=int, default=5, help="sends of each request (5)")
    parser.add_argument("--build", help="build folder (default build-release/, else build/)")
    parser.add_argument("--ci", action="store_true", help="exit status: no 5xx and health only")
    return parser.parse_args()


def q(text):
    return urllib.parse.quote(text, safe="")


def ranges(parts, width=1):
    return "Range: bytes=" + ",".join("%d-%d" % (i * width, i * width) for i in range(parts))


def cases():
    """(name, target, extra header lines)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    two_letter = " ".join(a + b + "*" for a in "aeiost" for b in letters)[:512].rsplit(" ", 1)[0]
    long_tag = "t" * 200
    yield "170 x a*", "/api/search?q=" + q(" ".join(["a*"] * 170)), []
    yield "170 x a* OR", "/api/search?q=" + q(" OR ".join(["a*"] * 102)), []
    yield "26 letters x*", "/api/search?q=" + q(" ".join(c + "*" for c in letters * 6)), []
    yield "two-letter prefixes", "/api/search?q=" + q(two_letter), []
    yield "phrase of 80 words", "/api/search?q=" + q('"' + " ".join(["go"] * 80) + '"'), []
    yield "NEAR chain", "/api/search?q=" + q(" NEAR/50 ".join(["a*"] * 50)), []
    yield "nested brackets", "/api/search?q=" + q("(" * 200 + "go" + ")" * 200), []
    yield "512 chars of one word", "/api/search?q=" + "x" * 512, []
    yield "query over the limit (4 KB)", "/api/search?q=" + "x" * 4096, []
    yield "100 parameters", "/api/search?q=go&" + "&".join("p%d=1" % i for i in range(98)), []
    yield "32 tags of 200 chars", "/api/search?q=go&tags=" + ",".join([long_tag] * 32), []
    yield "every facet, 100 each", ("/api/search?q=&facets=tags,categories,authors,keywords,"
                                    "series,section,lang,year&facet_limit=100&per_page=100"), []
    yield "page 100 x 100, snippets 1000", "/api/search?q=a*&page=100&per_page=100&snippet=1000", []
    yield "per_page 100, snippets 1000", "/api/search?q=a*&per_page=100&snippet=1000", []
    yield "suggest 512 chars", "/api/suggest?q=" + q(("a " * 256)[:512]) + "&limit=20", []
    yield "suggest a", "/api/suggest?q=a&limit=20", []
    yield "facets all", "/api/facets", []
    yield "request line 8 KB", "/api/search?q=go&x=" + "y" * 8100, []
    yield "request line 64 KB", "/api/search?q=go&x=" + "y" * 65536, []
    yield "Range 1,500 parts on /folio.js", "/folio.js", [ranges(1500)]
    yield "Range 1,500 parts on search", "/api/search?q=go", [ranges(1500)]
    yield "Range 5,000 parts (several lines)", "/folio.js", [ranges(1200)] * 4
    yield "Range 2,000 parts of one byte", "/folio.js", ["Range: bytes=" + ",".join(["0-0"] * 2000)]
    yield "Range 2,000 parts x 4 lines", "/folio.js", ["Range: bytes=" + ",".join(["0-0"] * 2000)] * 4
    yield "Range overlapping 0-", "/folio.js", ["Range: bytes=" + ",".join(["0-"] * 1500)]
    yield "1,000 header lines", "/api/search?q=go", ["X-H%d: v" % i for i in range(1000)]
    yield "headers 31 KB", "/api/search?q=go", ["X-H%d: %s" % (i, "v" * 990) for i in range(31)]
    yield "headers 64 KB", "/api/search?q=go", ["X-H%d: %s" % (i, "v" * 990) for i in range(64)]
    yield "10,000 header lines", "/api/search?q=go", ["X-H%d: v" % i for i in range(10000)]
    yield "Accept-Encoding x 1,000", "/folio.js", ["Accept-Encoding: gzip, br, " + "x, " * 1000 + "y"]
    yield "If-None-Match x 200", "/folio.js", ["If-None-Match: " + ", ".join(['"%032d"' % i for i in range(200)])]


def measure(server, target, headers, repeat):
    statuses = set()
    rss_before = campaign.rss_bytes(server.pid)
    cpu_before = campaign.cpu_seconds(server.pid)
    wall = []
    for _ in range(repeat):
        response = campaign.request(server.port, target, headers=headers, timeout=60)
        statuses.add(response.status)
        wall.append(response.seconds)
    cpu = (campaign.cpu_seconds(server.pid) - cpu_before) / repeat
    rss_delta = campaign.rss_bytes(server.pid) - rss_before
    return sorted(statuses), campaign.ms(cpu), max(wall), rss_delta


def main():
    args = parse_args()
    build = campaign.build_dir(args.build)
    failures = []
    rows = []
    with campaign.WorkDir("amplification") as work:
        content = campaign.copy_corpus(args.corpus, work)
        db = os.path.join(work, "index")
        campaign.index(build, content, db, full=True)
        with campaign.Server(build, db, content) as server:
            campaign.log("amplification: %s, %d sends each, load %s, server RSS %.1f MB" % (
                args.corpus, args.repeat, campaign.machine_load(),
                campaign.mb(campaign.rss_bytes(server.pid))))
            campaign.request(server.port, "/api/search?q=go")  # warm the searchers
            campaign.log("| request | status | CPU ms/request | max wall ms | RSS delta MB |")
            campaign.log("| --- | --- | --- | --- | --- |")
            for name, target, headers in cases():
                statuses, cpu_ms, wall, rss_delta = measure(server, target, headers, args.repeat)
                rows.append((name, cpu_ms, rss_delta))
                flag = ""
                if cpu_ms > CPU_TARGET_MS or campaign.mb(rss_delta) > RSS_TARGET_MB:
                    flag = " (over target)"
                campaign.log("| %s | %s | %.1f%s | %.1f | %+.1f |" % (
                    name, ",".join(map(str, statuses)), cpu_ms, flag, campaign.ms(wall),
                    campaign.mb(rss_delta)))
                bad = [s for s in statuses if s == 0 or s >= 500]
                if bad:
                    failures.append("%s: status %s" % (name, bad))
                if not server.alive():
                    failures.append("server died at: " + name)
                    break
            healthy = server.alive() and campaign.request(server.port, "/readyz").status == 200
            worst_cpu = max(rows, key=lambda row: row[1])
            worst_rss = max(rows, key=lambda row: row[2])
            campaign.log("worst CPU: %.1f ms (%s); worst RSS growth: %+.1f MB (%s); server RSS "
                         "%.1f MB; healthy after: %s" % (
                             worst_cpu[1], worst_cpu[0], campaign.mb(worst_rss[2]), worst_rss[0],
                             campaign.mb(campaign.rss_bytes(server.pid)) if server.alive() else 0,
                             healthy))
            if not healthy:
                failures.append("server unhealthy after the run: " + server.log_tail(500))
    for failure in failures:
        campaign.log("FAILED: " + failure)
    return 1 if failures and args.ci else 0


if __name__ == "__main__":
    sys.exit(main())
