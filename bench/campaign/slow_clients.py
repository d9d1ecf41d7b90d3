#!/usr/bin/env python3
"""Slow clients against folio-server: N connections that each send one header byte a second
(slowloris), and while they are open, normal /api/search requests timed one after another; then a
header flood (one request with many header lines) and a slow body (a POST body a byte a second).
Reports latencies (p50, max), how many slow connections the server closed and when, and the
server's state after. Loopback only; counts and durations bounded.

  bench/campaign/slow_clients.py [--connections N] [--seconds S] [--ci] [CORPUS]

Times are reported, never asserted. With --ci the exit status says only whether every normal
request succeeded, every slow connection was closed by the server when the drip outlasts its
request deadline, and the server still answers /healthz and /readyz afterwards, with no 5xx
other than 503 for a full connection queue."""

import argparse
import asyncio
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import campaign  # noqa: E402

SEARCH = "/api/search?q=go+concurrency&facets=tags,categories,year"
READ_TIMEOUT_SECONDS = 5  # [server] read_timeout_seconds, the server's default


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", default=os.path.join(campaign.ROOT, "sample-content"))
    parser.add_argument("--connections", type=int, default=1000, help="slow connections (1000)")
    parser.add_argument("--seconds", type=float, default=30, help="how long they drip (30)")
    parser.add_argument("--samples", type=int, default=20, help="normal requests timed (20)")
    parser.add_argument("--header-lines", type=int, default=20000, help="header flood lines")
    parser.add_argument("--build", help="build folder (default build-release/, else build/)")
    parser.add_argument("--ci", action="store_true", help="exit status: success and health only")
    return parser.parse_args()


class SlowConnection:
    """Sends a request a byte at a time; notes when the server closed it (or answered)."""

    def __init__(self, index, start):
        self.index = index
        self.start = start
        self.opened = False
        self.closed_at = None
        self.answer = b""

    async def run(self, port, payload, seconds):
        try:
            reader, writer = await asyncio.open_connection(campaign.HOST, port)
        except OSError:
            self.closed_at = 0.0
            return
        self.opened = True
        watcher = asyncio.ensure_future(self._watch(reader))
        deadline = time.monotonic() + seconds
        try:
            for byte in payload:
                if watcher.done() or time.monotonic() >= deadline:
                    break
                writer.write(bytes([byte]))
                await writer.drain()
                await asyncio.sleep(1.0)
        except OSError:
            pass
        if not watcher.done():
            try:
                await asyncio.wait_for(asyncio.shield(watcher), max(0.0, deadline - time.monotonic()))
            except asyncio.TimeoutError:
                pass
        watcher.cancel()
        writer.close()

    async def _watch(self, reader):
        try:
            self.answer = await reader.read(4096)
        except OSError:
            pass
        self.closed_at = time.monotonic() - self.start


def slow_header_payload():
    # A request whose headers never end: one more byte each second.
    return b"GET /api/search?q=go HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 100000


def slow_body_payload():
    return (b"POST /api/reindex HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 60000\r\n"
            b"Authorization: Bearer wrong\r\n\r\n" + b"x" * 60000)


async def timed_requests(port, samples, spacing, timeout):
    results = []
    for _ in range(samples):
        response = await asyncio.get_running_loop().run_in_executor(
            None, lambda: campaign.request(port, SEARCH, timeout=timeout))
        results.append(response)
        await asyncio.sleep(spacing)
    return results


async def slow_phase(port, connections, seconds, samples, payload_of):
    start = time.monotonic()
    slow = [SlowConnection(i, start) for i in range(connections)]
    # Open them over about a second so the listen backlog is not the limit being measured.
    tasks = []
    for conn in slow:
        tasks.append(asyncio.ensure_future(conn.run(port, payload_of(conn.index), seconds)))
        if len(tasks) % 100 == 0:
            await asyncio.sleep(0.1)
    await asyncio.sleep(min(3.0, seconds / 4))
    opened = sum(c.opened for c in slow)
    # A normal request may wait until the slow ones stop: the timeout outlasts them.
    timed = await timed_requests(port, samples, max(0.0, (seconds / 2) / max(1, samples)),
                                 seconds + 20)
    await asyncio.gather(*tasks)
    return slow, timed, opened, time.monotonic() - start


def describe_closes(slow, seconds):
    closed = sorted(c.closed_at for c in slow if c.closed_at is not None and c.opened)
    answered = sum(1 for c in slow if c.answer)
    statuses = {}
    for c in slow:
        if c.answer.startswith(b"HTTP/1.1 "):
            code = c.answer[9:12].decode()
            statuses[code] = statuses.get(code, 0) + 1
    if not closed:
        return "server closed 0 of them within %.0fs" % seconds, statuses
    return ("server closed %d (answering %d: %s), first after %.1fs, median %.1fs, last %.1fs" % (
        len(closed), answered, statuses or "-", closed[0], campaign.percentile(closed, 0.5),
        closed[-1])), statuses


def report_timed(label, timed):
    ok = [r for r in timed if r.status == 200]
    latencies = [campaign.ms(r.seconds) for r in ok]
    statuses = sorted({r.status for r in timed})
    failed = ["%d after %.1f s (%s)" % (r.status, r.seconds, r.error or "answered")
              for r in timed if r.status != 200]
    slow = sum(1 for latency in latencies if latency > 100)
    campaign.log("  %s: %d/%d answered 200 (statuses %s), p50 %.1f ms, max %.1f ms, %d over "
                 "100 ms%s" % (
        label, len(ok), len(timed), statuses, campaign.percentile(latencies, 0.5),
        max(latencies) if latencies else float("nan"), slow,
        "; not answered: " + ", ".join(failed) if failed else ""))
    return len(ok) == len(timed)


def header_flood(port, lines):
    head = "GET /api/search?q=go HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
    flood = "".join("X-Flood-%d: %s\r\n" % (i, "v" * 20) for i in range(lines))
    return campaign.send_raw(port, (head + flood + "\r\n").encode(), timeout=30)


def main():
    args = parse_args()
    build = campaign.build_dir(args.build)
    campaign.raise_file_limit()
    failures = []
    with campaign.WorkDir("slow") as work:
        content = campaign.copy_corpus(args.corpus, work)
        db = os.path.join(work, "index")
        campaign.index(build, content, db, full=True)
        with campaign.Server(build, db, content, env={"FOLIO_ADMIN_TOKEN": "campaign"}) as server:
            campaign.log("slow clients: %d connections for %.0fs, server file limit %d, load %s" %
                         (args.connections, args.seconds, campaign.ORIGINAL_FILE_LIMIT[0],
                          campaign.machine_load()))
            idle = [campaign.request(server.port, SEARCH) for _ in range(args.samples)]
            report_timed("no slow clients, normal search", idle)

            for label, payload_of in (("slow headers (1 byte/s)", lambda i: slow_header_payload()),
                                      ("slow body (1 byte/s)", lambda i: slow_body_payload())):
                rss_before = campaign.rss_bytes(server.pid)
                slow, timed, opened, took = asyncio.run(slow_phase(
                    server.port, args.connections, args.seconds, args.samples, payload_of))
                closes, statuses = describe_closes(slow, took)
                campaign.log("%s: %d of %d connections opened; %s; RSS %+.1f MB" % (
                    label, opened, args.connections, closes,
                    campaign.mb(campaign.rss_bytes(server.pid) - rss_before)))
                if not report_timed("normal search meanwhile", timed):
                    failures.append(label + ": a normal search failed")
                if any(code.startswith("5") and code != "503" for code in statuses):
                    failures.append(label + ": 5xx " + str(statuses))
                # The server closes a connection whose request is not whole within its read
                # timeout (5 s by default): a drip longer than that plus a margin sees every one
                # closed. (An outcome, not a time: the margin is the drip's whole remainder.)
                still_open = sum(1 for c in slow if c.opened and c.closed_at is None)
                if args.seconds >= READ_TIMEOUT_SECONDS + 3 and still_open:
                    failures.append("%s: %d slow connections outlived the request deadline" % (
                        label, still_open))

            status, seconds = header_flood(server.port, args.header_lines)
            campaign.log("header flood (%d lines, %.1f KB): status %d in %.1f ms" % (
                args.header_lines, args.header_lines * 33 / 1024.0, status, campaign.ms(seconds)))
            if status >= 500 and status != 503:
                failures.append("header flood: status %d" % status)

            after = campaign.request(server.port, SEARCH)
            healthy = (server.alive() and campaign.request(server.port, "/healthz").status == 200
                       and campaign.request(server.port, "/readyz").status == 200)
            campaign.log("after: search %d, healthz/readyz %s, RSS %.1f MB" % (
                after.status, "ok" if healthy else "FAILED", campaign.mb(campaign.rss_bytes(server.pid))))
            if after.status != 200 or not healthy:
                failures.append("server unhealthy after the slow clients")
    for failure in failures:
        campaign.log("FAILED: " + failure)
    return 1 if failures and args.ci else 0


if __name__ == "__main__":
    sys.exit(main())
