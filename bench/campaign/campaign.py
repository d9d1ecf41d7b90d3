"""What the reliability campaigns share: the folio binaries, a folio-server of their own on a free
loopback port over an index they build, plain HTTP/1.1 over sockets, the server's CPU time and RSS
from /proc, and percentiles. Python 3 standard library only; every target is 127.0.0.1."""

import json
import os
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")
HOST = "127.0.0.1"


ORIGINAL_FILE_LIMIT = resource.getrlimit(resource.RLIMIT_NOFILE)


def raise_file_limit():
    """Lets this client hold thousands of sockets; the servers it starts keep the original limit."""
    soft, hard = ORIGINAL_FILE_LIMIT
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def _restore_file_limit():
    resource.setrlimit(resource.RLIMIT_NOFILE, ORIGINAL_FILE_LIMIT)


def build_dir(given=None):
    """The build folder holding cli/folio and server/folio-server: `given`, $FOLIO_BUILD_DIR, else
    build-release/ (scripts/test.sh's), else build/ (scripts/run.sh's)."""
    candidates = [given, os.environ.get("FOLIO_BUILD_DIR"), "build-release", "build"]
    for candidate in candidates:
        if not candidate:
            continue
        path = candidate if os.path.isabs(candidate) else os.path.join(ROOT, candidate)
        if os.access(os.path.join(path, "server", "folio-server"), os.X_OK):
            return path
    sys.exit("campaign: no build with server/folio-server (build one with scripts/build.sh)")


def folio_binary(build):
    return os.path.join(build, "cli", "folio")


def server_binary(build):
    return os.path.join(build, "server", "folio-server")


def log(message):
    print(message, flush=True)


class WorkDir:
    """A temporary folder removed at exit (unless $CAMPAIGN_KEEP is set, to look inside)."""

    def __init__(self, name):
        self.path = tempfile.mkdtemp(prefix="folio-" + name + "-")

    def __enter__(self):
        return self.path

    def __exit__(self, *exc):
        if os.environ.get("CAMPAIGN_KEEP"):
            log("campaign: kept " + self.path)
        else:
            shutil.rmtree(self.path, ignore_errors=True)


def copy_corpus(corpus, work):
    target = os.path.join(work, "content")
    shutil.copytree(corpus, target, symlinks=True)
    return target


def index(build, content, db, full=False, extra=(), check=True):
    """Runs `folio index --json` and returns its report."""
    args = [folio_binary(build), "index", content, "--db", db, "--json"] + list(extra)
    if full:
        args.append("--full")
    done = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if check and done.returncode not in (0, 1):
        raise RuntimeError("folio index exited %d: %s" % (done.returncode, done.stderr[-2000:]))
    return json.loads(done.stdout) if done.stdout.strip() else {}


class Server:
    """folio-server over `db` on 127.0.0.1 and a port the kernel picks; stopped with SIGTERM."""

    def __init__(self, build, db, content=None, extra=(), env=None, log_path=None):
        self.log_path = log_path or os.path.join(os.path.dirname(db), "server.log")
        args = [server_binary(build), "--db", db, "--listen", HOST + ":0",
                "--rate-limit", "0", "--no-access-log"] + list(extra)
        if content:
            args += ["--content", content]
        self.log_file = open(self.log_path, "w")
        self.process = subprocess.Popen(args, stdout=self.log_file, stderr=self.log_file,
                                        env=dict(os.environ, **(env or {})), cwd=os.path.dirname(db),
                                        preexec_fn=_restore_file_limit)
        self.pid = self.process.pid
        self.port = self._wait_for_port()

    def _wait_for_port(self):
        deadline = time.time() + 30
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("folio-server exited: " + self.log_tail())
            match = re.search(r"on http://127\.0\.0\.1:(\d+)/", open(self.log_path).read())
            if match:
                port = int(match.group(1))
                if wait_healthy(port, 10):
                    return port
            time.sleep(0.05)
        raise RuntimeError("folio-server did not start: " + self.log_tail())

    def alive(self):
        return self.process.poll() is None

    def log_tail(self, chars=2000):
        try:
            return open(self.log_path).read()[-chars:]
        except OSError:
            return ""

    def stop(self):
        if self.alive():
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log_file.close()
        return self.process.returncode

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


class Response:
    def __init__(self, status, head, body, seconds, error=""):
        self.status = status
        self.head = head
        self.body = body
        self.seconds = seconds
        self.error = error  # why there is no answer (status 0): timeout, reset...

    def json(self):
        return json.loads(self.body)


def _read_response(sock):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status_line = head.split(b"\r\n", 1)[0].split(b" ")
    status = int(status_line[1]) if len(status_line) > 1 and status_line[1].isdigit() else 0
    match = re.search(rb"(?i)\r\ncontent-length:\s*(\d+)", head)
    length = int(match.group(1)) if match else None
    while length is None or len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return status, head.decode("latin-1"), body


def request(port, target, method="GET", headers=(), body=b"", timeout=30):
    """One request on a new connection (Connection: close). Status 0: no HTTP answer."""
    start = time.perf_counter()
    lines = ["%s %s HTTP/1.1" % (method, target), "Host: 127.0.0.1", "Connection: close"]
    lines += list(headers)
    if body or method == "POST":
        lines.append("Content-Length: %d" % len(body))
    raw = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body
    error = ""
    try:
        with socket.create_connection((HOST, port), timeout=timeout) as sock:
            sock.sendall(raw)
            status, head, payload = _read_response(sock)
    except OSError as failure:
        status, head, payload, error = 0, "", b"", type(failure).__name__
    if status == 0 and not error:
        error = "closed without an answer"
    return Response(status, head, payload, time.perf_counter() - start, error)


def send_raw(port, raw, timeout=30):
    """Raw bytes on a new connection; the status of the answer (0: none) and the seconds taken."""
    start = time.perf_counter()
    try:
        with socket.create_connection((HOST, port), timeout=timeout) as sock:
            try:
                sock.sendall(raw)
            except OSError:
                pass  # the server may answer and close before reading everything
            status, _, _ = _read_response(sock)
    except OSError:
        status = 0
    return status, time.perf_counter() - start


def wait_healthy(port, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if request(port, "/healthz", timeout=2).status == 200:
            return True
        time.sleep(0.05)
    return False


def cpu_seconds(pid):
    """utime + stime of a process, in seconds."""
    with open("/proc/%d/stat" % pid) as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def rss_bytes(pid):
    with open("/proc/%d/statm" % pid) as statm:
        return int(statm.read().split()[1]) * PAGE_BYTES


def thread_cpu_seconds(pid):
    """{thread id: utime + stime} for every thread of a process: a request's CPU is the change in
    the threads that served it, without the sampling granularity of the whole process."""
    result = {}
    for tid in os.listdir("/proc/%d/task" % pid):
        try:
            with open("/proc/%d/task/%s/stat" % (pid, tid)) as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            result[tid] = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
        except OSError:
            pass
    return result


def percentile(values, fraction):
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = min(len(ordered) - 1, max(0, int(round(fraction * (len(ordered) - 1)))))
    return ordered[rank]


def mb(value):
    return value / (1024.0 * 1024.0)


def ms(seconds):
    return seconds * 1000.0


def machine_load():
    with open("/proc/loadavg") as load:
        return load.read().split()[0]
