#!/usr/bin/env python3
"""Soak: mixed traffic at a bounded rate against folio-server for D seconds (search with facets,
suggest, article fetch, stats, facets, related, widget assets), a POST /api/reindex every 30 s
after an edit to the content, and the server's RSS sampled every few seconds. Reports requests
served, errors, p50/p99 latency and RSS at start, middle and end (and its growth after warm-up).

  bench/campaign/soak.py [--seconds D] [--rate R] [--ci] [CORPUS]   (default 1800 s, 50 req/s)

Loopback only; the rate and the duration bound it. Times are reported, never asserted; with --ci
the exit status says whether any request failed (a status other than 200/304, or none) and whether
the server is healthy at the end."""

import argparse
import os
import random
import sys
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import campaign  # noqa: E402

TOKEN = "campaign-soak"
WORDS = ["go", "rust", "concurrency", "performance", "python", "kubernetes", "database", "api",
         "security", "testing", "cache", "memory", "search", "design", "web", "cloud"]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", default=os.path.join(campaign.ROOT, "sample-content"))
    parser.add_argument("--seconds", type=float, default=1800, help="duration (1800)")
    parser.add_argument("--rate", type=float, default=50, help="requests per second (50)")
    parser.add_argument("--clients", type=int, default=4, help="client threads (4)")
    parser.add_argument("--reindex-every", type=float, default=30, help="seconds (30)")
    parser.add_argument("--rss-every", type=float, default=5, help="seconds between samples (5)")
    parser.add_argument("--build", help="build folder (default build-release/, else build/)")
    parser.add_argument("--ci", action="store_true", help="exit status: errors and health only")
    return parser.parse_args()


class Traffic:
    """The request mix, with the article ids and tags of the index to ask for."""

    def __init__(self, port, rng):
        self.rng = rng
        hits = campaign.request(port, "/api/search?q=&per_page=100&facets=tags").json()
        self.ids = [hit["id"] for hit in hits["hits"]] or ["missing"]
        self.tags = [v["value"] for v in hits["facets"]["tags"]["values"]] or ["go"]

    def next_target(self):
        roll = self.rng.random()
        word = self.rng.choice(WORDS)
        if roll < 0.40:
            extra = "&tags=" + urllib.parse.quote(self.rng.choice(self.tags)) if roll < 0.1 else ""
            return "search", "/api/search?q=%s+%s&facets=tags,categories,year%s" % (
                word, self.rng.choice(WORDS), extra)
        if roll < 0.60:
            return "suggest", "/api/suggest?q=" + word[: self.rng.randint(1, len(word))]
        if roll < 0.75:
            return "article", "/api/articles/" + urllib.parse.quote(self.rng.choice(self.ids), safe="/")
        if roll < 0.80:
            return "related", "/api/articles/%s/related" % urllib.parse.quote(
                self.rng.choice(self.ids), safe="/")
        if roll < 0.85:
            return "stats", "/api/stats"
        if roll < 0.88:
            return "facets", "/api/facets"
        return "asset", self.rng.choice(["/folio.js", "/folio.css", "/"])


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = []
        self.served = 0
        self.errors = {}
        self.by_kind = {}

    def add(self, kind, response):
        with self.lock:
            self.by_kind[kind] = self.by_kind.get(kind, 0) + 1
            if response.status in (200, 304):
                self.served += 1
                self.latencies.append(response.seconds)
            else:
                key = "%s %d" % (kind, response.status)
                self.errors[key] = self.errors.get(key, 0) + 1


def client(port, traffic, tally, rate, deadline, seed):
    rng = random.Random(seed)
    next_at = time.monotonic()
    while time.monotonic() < deadline:
        kind, target = traffic.next_target()
        tally.add(kind, campaign.request(port, target, timeout=30))
        next_at += rng.expovariate(rate)
        pause = next_at - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        else:
            next_at = time.monotonic()  # behind: do not burst to catch up


def reindexer(port, content, every, deadline, results):
    rng = random.Random(7)
    files = [os.path.join(d, f) for d, _, fs in os.walk(content) for f in fs if f.endswith(".md")]
    count = 0
    while time.monotonic() + every < deadline:
        time.sleep(every)
        count += 1
        with open(rng.choice(files), "a") as article:
            article.write("\nSoak edit zqsoak%05d.\n" % count)
        response = campaign.request(port, "/api/reindex", method="POST",
                                    headers=["Authorization: Bearer " + TOKEN], timeout=600)
        results.append((response.status, response.seconds))


def sampler(pid, every, deadline, samples, start):
    while time.monotonic() < deadline:
        try:
            samples.append((time.monotonic() - start, campaign.rss_bytes(pid)))
        except OSError:
            return
        time.sleep(every)


def rss_at(samples, fraction):
    if not samples:
        return 0
    return samples[min(len(samples) - 1, int(fraction * (len(samples) - 1)))][1]


def main():
    args = parse_args()
    build = campaign.build_dir(args.build)
    failures = []
    with campaign.WorkDir("soak") as work:
        content = campaign.copy_corpus(args.corpus, work)
        db = os.path.join(work, "index")
        campaign.index(build, content, db, full=True)
        with campaign.Server(build, db, content, env={"FOLIO_ADMIN_TOKEN": TOKEN}) as server:
            campaign.log("soak: %s for %.0fs at %.0f req/s (%d clients), reindex every %.0fs, "
                         "load %s" % (args.corpus, args.seconds, args.rate, args.clients,
                                      args.reindex_every, campaign.machine_load()))
            traffic = Traffic(server.port, random.Random(1))
            tally = Tally()
            reindexes, samples = [], []
            start = time.monotonic()
            deadline = start + args.seconds
            cpu_start = campaign.cpu_seconds(server.pid)
            threads = [threading.Thread(target=client, args=(
                server.port, traffic, tally, args.rate / args.clients, deadline, i))
                for i in range(args.clients)]
            threads.append(threading.Thread(target=reindexer, args=(
                server.port, content, args.reindex_every, deadline, reindexes)))
            threads.append(threading.Thread(target=sampler, args=(
                server.pid, args.rss_every, deadline, samples, start)))
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            took = time.monotonic() - start
            cpu = campaign.cpu_seconds(server.pid) - cpu_start if server.alive() else float("nan")
            healthy = server.alive() and campaign.request(server.port, "/readyz").status == 200
            latencies = [campaign.ms(s) for s in tally.latencies]
            bad_reindex = [r for r in reindexes if r[0] != 200]
            warm = rss_at(samples, 0.1)
            campaign.log("served %d requests in %.0fs (%.1f/s; %s), errors %d %s" % (
                tally.served, took, tally.served / took, tally.by_kind,
                sum(tally.errors.values()), tally.errors or ""))
            campaign.log("latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; server CPU %.1f s" % (
                campaign.percentile(latencies, 0.5), campaign.percentile(latencies, 0.99),
                max(latencies) if latencies else float("nan"), cpu))
            campaign.log("reindex runs %d, failed %d, slowest %.2fs" % (
                len(reindexes), len(bad_reindex), max([r[1] for r in reindexes] or [0])))
            campaign.log("RSS MB: start %.1f, after warm-up (10%%) %.1f, middle %.1f, end %.1f, "
                         "max %.1f; growth after warm-up %+.1f MB over %d samples" % (
                             campaign.mb(rss_at(samples, 0)), campaign.mb(warm),
                             campaign.mb(rss_at(samples, 0.5)), campaign.mb(rss_at(samples, 1)),
                             campaign.mb(max([s[1] for s in samples] or [0])),
                             campaign.mb(rss_at(samples, 1) - warm), len(samples)))
            campaign.log("RSS MB every tenth of the run: " + " ".join(
                "%.0f" % campaign.mb(rss_at(samples, i / 10.0)) for i in range(11)))
            if server.alive():
                metrics = campaign.request(server.port, "/metrics").body.decode()
                cache = [line for line in metrics.splitlines()
                         if line.startswith("folio_article_cache_bytes")]
                campaign.log("at the end: " + (cache[0] if cache else "no article cache"))
            campaign.log("healthy at the end: %s" % healthy)
            if tally.errors:
                failures.append("errors: %s" % tally.errors)
            if bad_reindex or (not reindexes and args.reindex_every < args.seconds):
                failures.append("reindex: %s" % reindexes)
            if not healthy:
                failures.append("server unhealthy at the end: " + server.log_tail(500))
    for failure in failures:
        campaign.log("FAILED: " + failure)
    return 1 if failures and args.ci else 0


if __name__ == "__main__":
    sys.exit(main())
