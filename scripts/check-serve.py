#!/usr/bin/env python3
"""End-to-end test of `almanac serve` (a step of `make test`), and its reload latency for
`make bench`.

Usage: scripts/check-serve.py [--almanac PATH] [--rounds N]

In a temporary folder, with a freshly seeded demo database and a copy of questions.yaml:

  * starts `almanac serve` on a free loopback port and fetches a page: it carries the
    live-reload script, which the file in site/ does not;
  * listens to the server-sent events, changes a question in questions.yaml, and requires a
    `reload` event and the new wording in the page (N rounds; the latency of each, from the
    write to the reloaded page, is printed, then the median), and the phases that `--timings`
    prints after the last rebuild;
  * breaks the YAML (a `[` never closed) and requires a `failed` event whose text names the
    file and the line where the bracket opens, in plain words, with that line and a caret, while
    the last good page is still served; fixes it and requires a `reload` and no error for a
    page that connects afterwards;
  * asks for paths outside the site (`/../etc/passwd`, `%2e%2e`, `..%2f`, a symbolic link out
    of the site) and requires 403 or 404 and none of those files' bytes;
  * starts a second server on the same port and requires exit status 1 with a one-line message;
  * stops the server by its process id, and requires that no file in site/ mentions the
    live-reload script.

Standard library only. Exits 1 on the first failure, with what was expected.
"""

import argparse
import http.client
import json
import os
import queue
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OLD = "How many people are enrolled in each badge?"


def fail(message):
    print("check-serve: FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(port, path, method="GET"):
    """(status, body) of a GET (or another method), the path sent exactly as given."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.putrequest(method, path, skip_accept_encoding=True)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read().decode("utf-8", "replace")
    connection.close()
    return response.status, body


class Events:
    """Reads the server-sent events of one connection into a queue of (name, data)."""

    def __init__(self, port):
        self.queue = queue.Queue()
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        self.connection.request("GET", "/__almanac/events")
        self.response = self.connection.getresponse()
        if self.response.status != 200:
            fail("GET /__almanac/events answered %d" % self.response.status)
        threading.Thread(target=self.read, daemon=True).start()

    def read(self):
        name, data = None, []
        try:
            for raw in self.response:
                line = raw.decode("utf-8").rstrip("\r\n")
                if line.startswith("event: "):
                    name = line[7:]
                elif line.startswith("data: "):
                    data.append(line[6:])
                elif line == "" and name:
                    self.queue.put((name, "\n".join(data)))
                    name, data = None, []
        except Exception:  # the server stopped: the test notices by the missing event
            pass

    def wait(self, wanted, seconds=120):
        deadline = time.monotonic() + seconds
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                fail("no %r event within %d s" % (wanted, seconds))
            try:
                name, data = self.queue.get(timeout=left)
            except queue.Empty:
                continue
            if name == wanted:
                return data

    def drain(self, seconds):
        """Events that arrive within a short time, as a list of names."""
        names, deadline = [], time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                names.append(self.queue.get(timeout=0.05)[0])
            except queue.Empty:
                pass
        return names


def save(path, text):
    """Writes a file the way editors save: a new file renamed over the old one."""
    temporary = path.with_name(path.name + ".saving")
    temporary.write_text(text)
    os.replace(temporary, path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--almanac", default=str(REPO / ".build/debug/almanac"))
    parser.add_argument("--rounds", type=int, default=1, help="question changes to time (default 1)")
    args = parser.parse_args()
    almanac = str(Path(args.almanac).resolve())

    scratch = Path(tempfile.mkdtemp(prefix="check-serve-"))
    server = None
    try:
        subprocess.run([almanac, "seed", "--out", str(scratch / "demo.db")], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        questions = scratch / "questions.yaml"
        original = (REPO / "questions.yaml").read_text()
        if OLD not in original:
            fail("questions.yaml no longer has the question %r this test edits" % OLD)
        questions.write_text(original)
        (scratch / "outside.txt").write_text("secret outside the site\n")
        port = free_port()
        log = open(scratch / "serve.log", "w")
        server = subprocess.Popen(
            [almanac, "serve", "--db", "demo.db", "--questions", "questions.yaml", "--out", "site",
             "--llm", "off", "--port", str(port), "--timings"],
            cwd=scratch, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)

        # The first build, then the page.
        deadline = time.monotonic() + 300
        while True:
            if server.poll() is not None:
                fail("serve exited with %d:\n%s" % (server.returncode, (scratch / "serve.log").read_text()))
            try:
                status, page = get(port, "/badge-enrollments.html")
                if status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                fail("no page within 300 s")
            time.sleep(0.2)
        if '<script src="/__almanac/live.js" defer></script>' not in page:
            fail("the served page lacks the live-reload script")
        if "__almanac" in (scratch / "site/badge-enrollments.html").read_text():
            fail("the live-reload script was written into site/")
        status, script = get(port, "/__almanac/live.js")
        if status != 200 or "EventSource" not in script:
            fail("/__almanac/live.js: %d" % status)
        # HEAD, as link checkers ask: the file's status, no body (it was 404 for every file).
        for path, expected in (("/badge-enrollments.html", 200), ("/no-such-page.html", 404)):
            status, body = get(port, path, method="HEAD")
            if status != expected or body:
                fail("HEAD %s: %d with %d bytes, expected %d and none" % (path, status, len(body), expected))
        print("check-serve: serving on port %d; the page carries the reload script, site/ does not" % port)

        events = Events(port)
        events.wait("hello")
        latencies = []
        for round_number in range(args.rounds):
            wording = "How many learners (round %d) are enrolled in each badge?" % round_number
            started = time.monotonic()
            save(questions, original.replace(OLD, wording))
            events.wait("reload")
            status, page = get(port, "/badge-enrollments.html")
            latencies.append(time.monotonic() - started)
            if status != 200 or wording not in page:
                fail("after the reload event the page does not have the new wording %r" % wording)
        print("check-serve: question changed → reload event → new page: %s s (median %.2f s)"
              % (", ".join("%.2f" % x for x in latencies), statistics.median(latencies)))
        # --timings: each build's phases after its line (here the last rebuild's).
        served = (scratch / "serve.log").read_text().split("✔ built")[-1].splitlines()
        phases = dict(line.split()[1:3] for line in served if line.startswith("phase "))
        if not {"load", "match", "sql", "narration", "render", "write"} <= phases.keys() \
                or not any(line.startswith("sql: ") for line in served):
            fail("serve --timings printed no phases and sql line after a build: %r" % served[:12])
        print("check-serve: --timings, the last rebuild: "
              + ", ".join("%s %s ms" % item for item in phases.items()))

        # Broken YAML: an error event naming file and line; the last good page stays.
        broken = original.replace(OLD, wording) + "\n  - text: [unclosed\n"
        save(questions, broken)
        error = events.wait("failed")
        # The line where the `[` opens (not the end of the file), the line itself, a caret
        # under the bracket and plain words, as on the terminal.
        opening = broken.count("\n")
        message = json.loads(error).get("error", "")
        if ("questions.yaml:%d:11: invalid YAML: a `[` opened here is never closed" % opening) not in message \
                or ("\n %d |   - text: [unclosed\n" % opening) not in message \
                or (" | " + " " * 10 + "^") not in message:
            fail("the failed event does not name the file, the line where the bracket opens, "
                 "the line and a caret: %s" % error)
        status, page = get(port, "/badge-enrollments.html")
        if status != 200 or wording not in page:
            fail("the last good page is not served while the build is broken")
        late = Events(port)
        if "failed" not in late.drain(1.0):
            fail("a page that connects while the build is broken is not shown the error")
        print("check-serve: broken YAML → failed event (%s); the last good site is still served"
              % message.split("\n")[0][:110])

        save(questions, original)
        events.wait("reload")
        fresh = Events(port)
        names = fresh.drain(1.0)
        if "failed" in names:
            fail("the error is still sent after the fix")
        status, page = get(port, "/badge-enrollments.html")
        if OLD not in page:
            fail("after the fix the page does not have the original wording")
        print("check-serve: fixed → reload event, no error for a new page")

        # Paths outside the site.
        os.symlink(scratch / "outside.txt", scratch / "site/assets/escape.txt")
        for path in ["/../outside.txt", "/%2e%2e/outside.txt", "/assets/..%2f..%2foutside.txt",
                     "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/../../../../etc/passwd",
                     "/assets/%252e%252e/%252e%252e/outside.txt", "/assets/escape.txt"]:
            status, body = get(port, path)
            if status not in (403, 404) or "secret outside" in body or "root:" in body:
                fail("%s answered %d: %s" % (path, status, body[:80]))
        print("check-serve: paths outside the site answer 403/404 and nothing of the file")

        # A second server on the same port.
        second = subprocess.run(
            [almanac, "serve", "--db", "demo.db", "--questions", "questions.yaml", "--out", "site2",
             "--llm", "off", "--port", str(port)],
            cwd=scratch, capture_output=True, text=True, timeout=60)
        lines = second.stderr.strip().splitlines()
        if second.returncode != 1 or len(lines) != 1 or "already in use" not in lines[0]:
            fail("a taken port gave status %d and %r" % (second.returncode, second.stderr))
        if (scratch / "site2").exists():
            fail("a server that could not listen still built a site")
        print("check-serve: a taken port: %s" % lines[0])

        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        server = None
        for file in (scratch / "site").rglob("*"):
            if file.is_file() and not file.is_symlink() and b"__almanac" in file.read_bytes():
                fail("%s mentions the live-reload script" % file)
        print("check-serve: stopped by its process id; no file in site/ carries the reload script")
        return 0
    finally:
        if server is not None:
            server.kill()
            server.wait()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
