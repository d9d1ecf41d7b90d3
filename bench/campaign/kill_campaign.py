#!/usr/bin/env python3
"""kill -9 campaign: SIGKILLs `folio index` at random times and at chosen system calls, in full and
incremental runs over a copy of a corpus, then reruns it to completion and verifies the index:
`xapian-check` passes, the document count is the expected article count, every expected article id
is there once and is found through `folio search`, and the words of the last edits are searchable.

  bench/campaign/kill_campaign.py [--kills N] [--minutes M] [CORPUS]   (default: sample-content/,
                                                                        10 kills, no time limit)

Each kill alternates full and incremental runs and three ways to kill: after a random delay within
a clean run's duration, and with strace's fault injection (--inject=SYSCALL:signal=KILL:when=N) at
the Nth pwrite64 / fdatasync / rename / unlink ... of a run (N random within a clean run's count).
Before each incremental run a few articles are edited (a unique word appended), one is added and
one added earlier is removed, so the killed run has work to lose. Prints one line per kill and
kills survived / lost articles / duplicated articles; exits 1 on any loss, duplicate or failed
check."""

import argparse
import collections
import os
import random
import re
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import campaign  # noqa: E402

# System calls the writer makes while committing: data written, synced, stubs swapped, old
# generations and temporary files removed.
SYSCALLS = ["pwrite64", "fdatasync", "fsync", "rename", "unlink", "openat", "ftruncate", "syncfs"]
ADDED_FOLDER = "campaign-added"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", default=os.path.join(campaign.ROOT, "sample-content"))
    parser.add_argument("--kills", type=int, default=10, help="kills to survive (default 10)")
    parser.add_argument("--build", help="build folder (default build-release/, else build/)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: time)")
    parser.add_argument("--jobs", type=int, default=0, help="folio index -j (default: its own)")
    parser.add_argument("--minutes", type=float, default=0,
                        help="stop after this long even if fewer kills (default: no limit)")
    parser.add_argument("--search-every", type=int, default=1,
                        help="list every id through folio search after every Nth kill (default 1)")
    return parser.parse_args()


class Corpus:
    """The copy being indexed and what the index must hold: the base articles' ids, the ids of
    added files, and a word per edited or added article that a search must find."""

    def __init__(self, content, rng):
        self.content = content
        self.rng = rng
        self.base_ids = set()
        self.added = {}  # id -> word
        self.edited = {}  # path -> word
        self.counter = 0
        self.markdown = []  # the indexed articles' files: drafts and resources are not searchable

    def expected_ids(self):
        return self.base_ids | set(self.added)

    def new_word(self):
        self.counter += 1
        return "zqkill%05dw" % self.counter

    def mutate(self):
        for path in self.rng.sample(self.markdown, min(3, len(self.markdown))):
            word = self.new_word()
            with open(path, "a") as article:
                article.write("\n\nKill campaign edit %s.\n" % word)
            self.edited[path] = word
        word = self.new_word()
        folder = os.path.join(self.content, ADDED_FOLDER)
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, word + ".md"), "w") as article:
            article.write('+++\ntitle = "Added %s"\ndate = 2026-01-01T00:00:00Z\n+++\n\n'
                          "Body of the added article %s.\n" % (word, word))
        self.added[ADDED_FOLDER + "/" + word] = word
        if len(self.added) > 3:
            old = self.rng.choice(sorted(self.added))
            os.remove(os.path.join(self.content, old + ".md"))
            del self.added[old]


def document_ids(db, slot=7):
    """Every document's article id (value slot 7; 5: its file), duplicates kept."""
    out = subprocess.run(["xapian-delve", "-V%d" % slot, "-1", os.path.join(db, "XAPIANDB")],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, check=True).stdout
    ids = []
    for line in out.splitlines():
        match = re.match(r"^\d+:(.*)$", line.strip())
        if match:
            ids.append(match.group(1))
    return ids


def searched_ids(build, db, expected):
    """Ids the Searcher lists for the empty query, page by page."""
    found = []
    page = 1
    while len(found) < expected + 100 and page <= 100:
        out = subprocess.run([campaign.folio_binary(build), "search", "--db", db, "", "--json",
                              "--limit", "100", "--page", str(page), "--sort", "oldest"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if out.returncode != 0:
            break
        hits = campaign.json.loads(out.stdout).get("hits", [])
        if not hits:
            break
        found += [hit["id"] for hit in hits]
        page += 1
    return found


def search_total(build, db, word):
    out = subprocess.run([campaign.folio_binary(build), "search", "--db", db, word, "--json",
                          "--limit", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return campaign.json.loads(out.stdout)["total"] if out.returncode == 0 else -1


class Verdict:
    def __init__(self):
        self.lost = []
        self.duplicated = []
        self.unexpected = []
        self.problems = []

    def ok(self):
        return not (self.lost or self.duplicated or self.unexpected or self.problems)


def verify(build, db, corpus, list_through_search):
    verdict = Verdict()
    check = subprocess.run(["xapian-check", os.path.join(db, "XAPIANDB")],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if check.returncode != 0:
        verdict.problems.append("xapian-check: " + check.stdout[-500:])
    ids = document_ids(db)
    counts = collections.Counter(ids)
    expected = corpus.expected_ids()
    verdict.lost = sorted(expected - set(counts))
    verdict.duplicated = sorted(i for i, n in counts.items() if n > 1)
    verdict.unexpected = sorted(set(counts) - expected)
    stats = subprocess.run([campaign.folio_binary(build), "stats", "--db", db, "--json"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    articles = campaign.json.loads(stats.stdout).get("articles") if stats.returncode == 0 else None
    if articles != len(expected):
        verdict.problems.append("folio stats: %s articles, expected %d" % (articles, len(expected)))
    if list_through_search:
        listed = searched_ids(build, db, len(expected))
        missing = expected - set(listed)
        if missing or len(listed) != len(set(listed)):
            verdict.problems.append("folio search lists %d ids (%d distinct), %d missing" %
                                    (len(listed), len(set(listed)), len(missing)))
    for word in list(corpus.added.values()) + list(corpus.edited.values()):
        total = search_total(build, db, word)
        if total != 1:
            verdict.problems.append("'%s' found %d times, expected once" % (word, total))
    return verdict


def index_args(build, content, db, full, jobs):
    args = [campaign.folio_binary(build), "index", content, "--db", db]
    if full:
        args.append("--full")
    if jobs:
        args += ["-j", str(jobs)]
    return args


def strace_works():
    try:
        return subprocess.run(["strace", "-f", "-o", "/dev/null", "true"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0
    except OSError:
        return False


def clean_run_profile(build, content, db, full, jobs):
    """Seconds and system call counts of an unkilled run of this kind."""
    counts = {}
    if not strace_works():
        start = time.time()
        subprocess.run(index_args(build, content, db, full, jobs), stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        return time.time() - start, counts
    summary = os.path.join(os.path.dirname(db), "strace-summary")
    start = time.time()
    subprocess.run(["strace", "-f", "-c", "-o", summary, "-e", "trace=" + ",".join(SYSCALLS)]
                   + index_args(build, content, db, full, jobs),
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.time() - start
    for line in open(summary):
        fields = line.split()
        if len(fields) >= 5 and fields[-1] in SYSCALLS and fields[3].isdigit():
            counts[fields[-1]] = int(fields[3])
    return seconds, counts


def killed_run(build, content, db, full, jobs, way, profile, rng):
    """Runs folio index and kills it; returns a description and whether it died of SIGKILL."""
    seconds, counts = profile
    args = index_args(build, content, db, full, jobs)
    if way == "random":
        delay = rng.uniform(0.02, max(0.05, seconds))
        process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        return "after %.2fs" % delay, process.returncode == -signal.SIGKILL
    calls = [name for name in SYSCALLS if counts.get(name, 0) > 0]
    name = rng.choice(calls)
    # Counted per thread by strace: a random N within the run's total for that call.
    when = rng.randint(1, max(1, counts[name]))
    done = subprocess.run(["strace", "-f", "-o", "/dev/null",
                           "--inject=%s:signal=KILL:when=%d" % (name, when)] + args,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    killed = done.returncode in (-signal.SIGKILL, 128 + signal.SIGKILL)
    return "at %s #%d" % (name, when), killed


def main():
    args = parse_args()
    build = campaign.build_dir(args.build)
    seed = args.seed if args.seed is not None else int(time.time())
    rng = random.Random(seed)
    campaign.log("kill campaign: %s, %d kills, seed %d, load %s" %
                 (args.corpus, args.kills, seed, campaign.machine_load()))
    with campaign.WorkDir("kill") as work:
        content = campaign.copy_corpus(args.corpus, work)
        db = os.path.join(work, "index")
        corpus = Corpus(content, rng)
        campaign.index(build, content, db, full=True, extra=["-j", str(args.jobs)] if args.jobs else [])
        corpus.base_ids = set(document_ids(db))
        corpus.markdown = sorted(os.path.join(content, path) for path in document_ids(db, slot=5))
        campaign.log("base: %d articles" % len(corpus.base_ids))
        if not strace_works():
            campaign.log("strace is missing or cannot trace here: random kills only")
        profiles = {}
        for full in (True, False):
            corpus.mutate()
            profiles[full] = clean_run_profile(build, content, db, full, args.jobs)
            campaign.log("clean %s run: %.2fs, %s" % ("full" if full else "incremental",
                                                      profiles[full][0], profiles[full][1]))
        survived = lost = duplicated = failed = attempts = 0
        kill = 0
        stop_at = time.time() + args.minutes * 60 if args.minutes else float("inf")
        while kill < args.kills and attempts < args.kills * 10 and time.time() < stop_at:
            attempts += 1
            full = kill % 2 == 0
            way = "random" if kill % 3 == 0 or not profiles[full][1] else "syscall"
            corpus.mutate()
            what, killed = killed_run(build, content, db, full, args.jobs, way, profiles[full], rng)
            if not killed:
                continue  # the run ended before the kill: not a kill, try another point
            kill += 1
            rerun = campaign.index(build, content, db, full=False,
                                   extra=["-j", str(args.jobs)] if args.jobs else [])
            verdict = verify(build, db, corpus, kill % args.search_every == 0)
            lost += len(verdict.lost)
            duplicated += len(verdict.duplicated)
            survived += verdict.ok()
            failed += not verdict.ok()
            campaign.log("kill %3d: %-11s %-22s rerun %-9s docs %-6s %s" % (
                kill, "full" if full else "incremental", what,
                "%.2fs" % rerun.get("seconds", -1), rerun.get("documents"),
                "ok" if verdict.ok() else "FAILED lost=%d dup=%d unexpected=%d %s" % (
                    len(verdict.lost), len(verdict.duplicated), len(verdict.unexpected),
                    "; ".join(verdict.problems))))
        campaign.log("kills: %d, survived: %d, failed: %d, lost articles: %d, duplicated "
                     "articles: %d (runs that ended before their kill point: %d)" %
                     (kill, survived, failed, lost, duplicated, attempts - kill))
        return 0 if failed == 0 and (kill == args.kills or time.time() >= stop_at) else 1


if __name__ == "__main__":
    sys.exit(main())
