#!/usr/bin/env python3
"""Real-browser test of a generated Almanac site.

Usage: scripts/browser-check.py SITE_DIR [--screenshots DIR] [--jobs N] [--verbose]

Serves SITE_DIR on 127.0.0.1 (a free port, for the length of the run only) and opens
every *.html page in headless Chromium, with no DevTools protocol: each page is loaded
with --dump-dom and a --virtual-time-budget long enough for plotly.js to finish, and
Chromium's own log (--enable-logging=stderr) is read for console messages. For each
page this proves that:

  * every chart (div.plot) holds a rendered plot: Plotly drew an element with class
    "main-svg" inside it, and did not put its "WebGL is not supported" notice
    (.no-webgl) over it instead;
  * <html data-charts-rendered> equals the number of chart divs, i.e. the site script
    ran to the end and drew every figure. It is required on every page that has charts
    or loads the almanac-*.js script; a page with neither may leave it out;
  * <html data-chart-errors> is empty: Plotly.validate found nothing wrong in any
    figure, and plotly.js loaded;
  * the page logged no console error: no console.error() call, no uncaught exception
    or unhandled promise rejection, no Content Security Policy violation, no blocked
    ("Refused to ...") load;
  * no request the page made (directly, or through a stylesheet or script it loaded)
    got an HTTP error from the server. /favicon.ico is ignored: browsers ask for it on
    their own.
  * every chart is laid out cleanly (a layout probe, also added by the test server, opens
    every "More charts" disclosure, waits until the site script has fitted those charts
    to the page, then measures every chart in the page): no axis title within 4 px of a
    tick label; no tick label, legend entry or text label past the chart's edge; no two
    text labels on one another; the toolbar (modebar) not over the legend; every bubble
    labelled, by its own text or by a row or column named for it. Its findings are in
    <html data-layout-problems>, one line per problem.

How console errors are told apart: Chromium writes every console message of a web page
to its log as INFO, whatever the level (content/browser/log_console_message.cc keeps the
real level only for chrome:// pages), e.g.

    [pid:tid:1126/103454.151145:INFO:CONSOLE:3] "an error line", source: http://.../t.js (3)

so console.error() and console.log() look the same there. To tell them apart, the test
server adds one same-origin script as the first child of <head> of every page it
serves (allowed by script-src 'self'). It prefixes every console.error() message with
"[console.error @ <where it was called>]", and logs each "securitypolicyviolation"
event, because Chromium's log misses some CSP violations (a blocked eval() whose
exception the page catches, as regl's does in plotly.js, leaves no line at all).
Chromium's other errors (uncaught exceptions, refused loads) keep their fixed wording
and are matched by that. Other console messages (console.log/info/warn) are not
failures; --verbose shows them.

A question's embed page (<id>.embed.html) holds all its charts and shows the one its URL's
fragment names. Each is opened once as it is, where it must show its default chart
(data-embed-default); the first of each report type also once with the fragment of each
other chart, which must be the one shown (one script picks the chart on every embed page,
and every chart is drawn and measured on its own page); and the first embed page once more
with a fragment it lacks, where it must show its "no chart named" message and draw nothing.

It also saves PNG screenshots (1200x1800 window) of index.html and of the first page of
each report "type" (the top-level "type" of SITE_DIR/<id>.json) into the screenshots
directory (default: .screenshots/ at the repository root, which is git-ignored).

Prints one line per page, then "N passed, M failed"; exits 1 if any page failed or
Chromium is missing. Standard library only.
"""

import argparse
import concurrent.futures
import functools
import html.parser
import http.server
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import urllib.parse
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
WINDOW = (1200, 1800)

# Served at this path and added to every HTML page by the test server (see docstring).
TAP_PATH = "/__browser-check__/console-tap.js"
# Prefixes each console.error() message with "[console.error @ <caller's location>]", and
# logs every Content Security Policy violation as "[csp-violation @ <location>] ...".
TAP_SCRIPT = """(function () {
  var original = console.error;
  console.error = function () {
    var caller = (new Error().stack || "").split("\\n")[2] || "";
    var at = caller.replace(/^\\s*at\\s+/, "").replace(/^.*\\((.*)\\)$/, "$1");
    var args = Array.prototype.slice.call(arguments);
    return original.apply(console, ["[console.error @ " + (at || "?") + "]"].concat(args));
  };
  document.addEventListener("securitypolicyviolation", function (e) {
    var at = (e.sourceFile || location.pathname) + ":" + e.lineNumber;
    var blocked = e.blockedURI || "(unknown)";
    if (blocked.indexOf("data:") === 0) blocked = blocked.slice(0, 40) + "...";
    console.log("[csp-violation @ " + at + "] " + e.effectiveDirective + " blocked " + blocked +
      (e.disposition === "report" ? " (report only)" : ""));
  });
})();
"""
# Served at this path and added to every HTML page after the tap: scripts/layout-probe.js,
# which measures every chart once it is drawn (see the docstring).
PROBE_PATH = "/__browser-check__/layout-probe.js"
PROBE_SCRIPT = (Path(__file__).resolve().parent / "layout-probe.js").read_text(encoding="utf-8")
TAP_RE = re.compile(r"^\[(console\.error|csp-violation) @ (.*?)\] ?", re.DOTALL)

# One console message in Chromium's log. Recent Chromium writes "INFO:CONSOLE:3]",
# older builds "INFO:CONSOLE(3)]"; a message may span several lines.
CONSOLE_RE = re.compile(
    r'^\[[^\]\n]*:[A-Z0-9]+:CONSOLE(?::\d+|\(\d+\))\] "(.*?)", source: (\S*) \((\d+)\)$',
    re.MULTILINE | re.DOTALL,
)
# Messages Chromium itself reports at error level, by their fixed wording. Its own lines
# about CSP violations are left out: the tap reports every violation (Chromium's log
# misses some, e.g. a blocked eval() whose exception the page catches).
BROWSER_ERROR_RES = [
    re.compile(r"^Uncaught\b"),  # uncaught exception, unhandled promise rejection
    re.compile(r"^Refused to (?!.*Content Security Policy)"),  # blocked load, wrong MIME type
    re.compile(r"has been blocked by CORS policy"),
    re.compile(r"^Failed to load resource"),
]

VOID_ELEMENTS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
    "param", "source", "track", "wbr",
}


# --- Static file server -----------------------------------------------------------


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site and records every request; adds the console tap to HTML pages."""

    timeout = 30  # seconds; a stuck connection cannot hold a worker thread for ever

    def __init__(self, *args, requests, lock, **kwargs):
        self.requests = requests
        self.lock = lock
        super().__init__(*args, **kwargs)

    def do_GET(self):
        path = urllib.parse.urlsplit(self.path).path
        if path == TAP_PATH:
            self.send_bytes(TAP_SCRIPT.encode(), "text/javascript; charset=utf-8")
        elif path == PROBE_PATH:
            self.send_bytes(PROBE_SCRIPT.encode(), "text/javascript; charset=utf-8")
        elif path.endswith(".html"):
            file = Path(self.translate_path(path))
            if not file.is_file():
                self.send_error(404, "File not found")
                return
            page = file.read_text(encoding="utf-8")
            tag = '<script src="%s"></script><script src="%s"></script>' % (TAP_PATH, PROBE_PATH)
            page, found = re.subn(r"<head\b[^>]*>", lambda m: m.group(0) + tag, page, count=1, flags=re.I)
            if not found:
                page = tag + page
            self.send_bytes(page.encode("utf-8"), "text/html; charset=utf-8")
        else:
            super().do_GET()

    def send_bytes(self, body, content_type):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_request(self, code="-", size="-"):
        headers = getattr(self, "headers", None)  # unset when the request line was malformed
        referer = urllib.parse.urlsplit(headers.get("Referer", "") if headers else "").path
        path = urllib.parse.urlsplit(getattr(self, "path", "")).path
        status = int(getattr(code, "value", code)) if str(getattr(code, "value", code)).isdigit() else 0
        with self.lock:
            self.requests.append((path, status, referer))

    def log_message(self, format, *args):
        pass  # quiet; requests are recorded by log_request


class Server:
    """A static file server for SITE_DIR on 127.0.0.1 and a free port, in a thread."""

    def __init__(self, site_dir):
        self.requests = []  # (path, status, referer path)
        self.lock = threading.Lock()
        handler = functools.partial(SiteHandler, directory=str(site_dir), requests=self.requests, lock=self.lock)
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.base_url = "http://127.0.0.1:%d/" % self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)

    def failed_requests(self, page_path):
        """HTTP errors for requests made by the page or by a resource it loaded."""
        with self.lock:
            requests = list(self.requests)
        sources = {page_path} | {path for path, _, referer in requests if referer == page_path}
        failed = []
        for path, status, referer in requests:
            if status >= 400 and path != "/favicon.ico" and (path == page_path or referer in sources):
                entry = "HTTP %d for %s" % (status, path)
                if entry not in failed:
                    failed.append(entry)
        return failed


# --- Reading the dumped DOM ---------------------------------------------------------


class RenderedPage(html.parser.HTMLParser):
    """Collects what the checks need from the DOM as Chromium serialised it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.html_attrs = None
        self.charts = []  # ids of div.plot, in page order
        self.drawn = set()  # ids of charts holding a .main-svg
        self.no_webgl = set()  # ids of charts showing Plotly's "WebGL is not supported"
        self.loads_site_script = False
        self.embed_charts = []  # data-chart of each embed page's chart left in the page
        self.missing_shown = False  # the embed page's "no chart named" message is shown
        self.stack = []  # open elements: (tag, chart id or None)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "html" and self.html_attrs is None:
            self.html_attrs = attrs
        if tag == "script" and re.search(r"(^|/)almanac-[^/]*\.js$", attrs.get("src") or ""):
            self.loads_site_script = True
        if "embed-chart" in classes:
            self.embed_charts.append((attrs.get("data-chart"), "hidden" in attrs))
        if "embed-missing" in classes and "hidden" not in attrs:
            self.missing_shown = True
        if "main-svg" in classes:
            self.drawn.update(chart for _, chart in self.stack if chart)
        if "no-webgl" in classes:
            self.no_webgl.update(chart for _, chart in self.stack if chart)
        chart = None
        if tag == "div" and "plot" in classes:
            chart = attrs.get("id") or "(chart #%d without id)" % (len(self.charts) + 1)
            self.charts.append(chart)
        if tag not in VOID_ELEMENTS:
            self.stack.append((tag, chart))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS:
            self.stack.pop()

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return


def console_messages(log):
    """(message, where, is_error) for each console message in Chromium's log."""
    found = []
    for match in CONSOLE_RE.finditer(log):
        message, source, line = match.groups()
        where = "%s:%s" % (source.rsplit("/", 1)[-1] or "?", line)
        tapped = TAP_RE.match(message)
        if tapped:  # console.error() or a CSP violation, with where it happened
            kind = "console.error" if tapped.group(1) == "console.error" else "CSP violation"
            where = tapped.group(2).rsplit("/", 1)[-1]
            message = kind + ": " + message[tapped.end():]
        is_error = bool(tapped) or any(r.search(message) for r in BROWSER_ERROR_RES)
        found.append((" \u21b5 ".join(message.splitlines()), where, is_error))
    return found


# --- Checking one page --------------------------------------------------------------


# With --offline, every host name but the loopback test server fails to resolve, as on a
# machine with no network: a page that needs the CDN then shows no chart.
OFFLINE_FLAGS = ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]


def run_chromium(chromium, url, budget_ms, timeout, screenshot=None, offline=False):
    """Loads url in headless Chromium; returns (exit status, dumped DOM, log)."""
    with tempfile.TemporaryDirectory(prefix="browser-check-") as profile:
        command = [
            chromium, "--headless", "--no-sandbox", "--disable-gpu",
            # WebGL charts (splom) need software WebGL without a GPU; Chromium's automatic
            # fallback to it is deprecated, so opt in (the test loads only local pages).
            "--enable-unsafe-swiftshader",
            "--user-data-dir=" + profile, "--no-first-run", "--no-default-browser-check",
            "--enable-logging=stderr", "--v=0", "--hide-scrollbars",
            "--window-size=%d,%d" % WINDOW, "--virtual-time-budget=%d" % budget_ms,
            "--dump-dom",
        ]
        if offline:
            command += OFFLINE_FLAGS
        if screenshot:
            command.append("--screenshot=" + str(screenshot))
        command.append(url)
        # A session of its own, so that on timeout the whole browser (all its
        # processes) can be stopped by its process group id.
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL, start_new_session=True, cwd=profile,
        )
        try:
            dom, log = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            dom, log = process.communicate()
            return None, dom.decode("utf-8", "replace"), log.decode("utf-8", "replace")
        return process.returncode, dom.decode("utf-8", "replace"), log.decode("utf-8", "replace")


def report_type(site_dir, page):
    """The top-level "type" of a page's <id>.json (an embed page's too), or None."""
    stem = page[: -len(".embed.html")] if page.endswith(".embed.html") else page[: -len(".html")]
    try:
        kind = json.loads((site_dir / (stem + ".json")).read_text(encoding="utf-8")).get("type")
    except (OSError, ValueError, AttributeError):
        return None
    return kind if isinstance(kind, str) else None


def embed_targets(site_dir, pages):
    """The embed pages' addresses to open, each with the chart it must show ("" for none):
    every embed page as it is (its default chart); the first embed page of each report type
    with more than one chart also with each other chart's fragment, and the first of all once with a fragment it
    lacks. Every page's charts are drawn and measured on the page itself, and one script
    picks the chart by fragment on every embed page: each type's first page proves the
    picking, where every fragment of every page cost a hundred browser launches."""
    targets = []
    types_seen = set()
    for page in pages:
        if not page.endswith(".embed.html"):
            continue
        text = (site_dir / page).read_text(encoding="utf-8")
        default = re.search(r'data-embed-default="([^"]*)"', text)
        names = re.findall(r'<div class="embed-chart" data-chart="([^"]*)"', text)
        if not targets:
            targets.append((page + "#no-such-chart", ""))
        targets.append((page, default.group(1) if default else None))
        kind = report_type(site_dir, page)
        if kind in types_seen:
            continue
        # A page of one chart has no other to pick: the type waits for one with several.
        if len(names) > 1:
            types_seen.add(kind)
        targets += [(page + "#" + name, name) for name in names if not default or name != default.group(1)]
    return targets


def embed_problems(page, expected):
    """What is wrong with the chart an embed page shows, against the one expected."""
    shown = page.html_attrs.get("data-embed-chart")
    left = [name for name, _ in page.embed_charts]
    if expected is None:
        return ["the embed page has no data-embed-default"]
    if shown != expected:
        return ["the embed page shows chart %r, not %r" % (shown, expected)]
    if expected and (left != [expected] or page.embed_charts[0][1] or page.missing_shown):
        return ["the embed page should show chart %r alone, but holds %r (message shown: %s)"
                % (expected, page.embed_charts, page.missing_shown)]
    if not expected and (left or not page.missing_shown):
        return ["a fragment the embed page lacks should show its message and no chart, not %r" % left]
    return []


def check_page(page_path, server, args, screenshot=None, embed=False, expected=None):
    """Returns (problems, notes, number of charts) for one page; an embed page must show the
    `expected` chart."""
    if screenshot:
        Path(screenshot).unlink(missing_ok=True)  # so a stale one cannot pass for a new one
    status, dom, log = run_chromium(args.chromium, server.base_url + page_path.lstrip("/"),
                                    args.budget, args.timeout, screenshot, offline=args.offline)
    problems, notes = [], []
    if status is None:
        problems.append("Chromium did not finish within %ds" % args.timeout)
    elif status != 0:
        tail = " | ".join(line for line in log.strip().splitlines()[-3:])
        problems.append("Chromium exited with status %d (%s)" % (status, tail))

    page = RenderedPage()
    page.feed(dom)
    page.close()
    if page.html_attrs is None:
        problems.append("no DOM was dumped")
        return problems, notes, 0

    if embed:
        problems.extend(embed_problems(page, expected))
    for chart in page.charts:
        if chart not in page.drawn:
            problems.append("chart %s was not drawn (no .main-svg inside it)" % chart)
        elif chart in page.no_webgl:
            problems.append("chart %s was not drawn: Plotly shows 'WebGL is not supported' (.no-webgl)" % chart)

    rendered = page.html_attrs.get("data-charts-rendered")
    if rendered is None:
        if page.charts or page.loads_site_script:
            problems.append("data-charts-rendered is missing (the site script did not finish), %d chart(s) on the page"
                            % len(page.charts))
    elif rendered != str(len(page.charts)):
        problems.append("data-charts-rendered=%r but the page has %d chart(s)" % (rendered, len(page.charts)))

    if page.charts and "data-layout-problems" not in page.html_attrs:
        problems.append("the layout probe did not finish (no data-layout-problems)")
    for problem in (page.html_attrs.get("data-layout-problems") or "").strip().splitlines():
        problems.append("layout: " + problem)

    chart_errors = (page.html_attrs.get("data-chart-errors") or "").strip()
    for error in chart_errors.splitlines():
        problems.append("chart error: " + error)

    for message, where, is_error in console_messages(log):
        if is_error:
            problems.append("console error: %s (%s)" % (message, where))
        else:
            notes.append("console: %s (%s)" % (message, where))

    problems.extend(server.failed_requests(page_path.split("#")[0]))
    if screenshot and not Path(screenshot).is_file():
        problems.append("no screenshot was written to %s" % screenshot)
    return counted(problems), counted(notes), len(page.charts)


def counted(messages):
    """The messages without repeats, each repeated one marked with its count."""
    counts = {}
    for message in messages:
        counts[message] = counts.get(message, 0) + 1
    return [m if n == 1 else "%s (x%d)" % (m, n) for m, n in counts.items()]


# --- Main ---------------------------------------------------------------------------


def screenshot_pages(site_dir, pages):
    """index.html and the first page (by name) of each report type, mapped to a PNG name."""
    chosen = {}
    seen_types = set()
    for page in pages:
        if page == "index.html":
            chosen[page] = "index.png"
            continue
        kind = None if page.endswith(".embed.html") else report_type(site_dir, page)
        if kind is not None and kind not in seen_types:
            seen_types.add(kind)
            chosen[page] = "%s--%s.png" % (kind, Path(page).stem)
    return chosen


def find_chromium(explicit):
    candidates = [explicit] if explicit else ["chromium", "chromium-browser", "google-chrome"]
    for name in candidates:
        found = shutil.which(name)
        if found:
            return found
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dir", type=Path, help="the generated site (e.g. site/)")
    parser.add_argument("--screenshots", type=Path, default=REPO_ROOT / ".screenshots",
                        help="where to save PNG screenshots (default: .screenshots/ at the repo root)")
    parser.add_argument("--jobs", type=int, default=2, help="pages loaded at once (default: 2)")
    parser.add_argument("--budget", type=int, default=10000,
                        help="virtual time each page gets to render, in ms (default: 10000)")
    parser.add_argument("--timeout", type=int, default=60,
                        help="real seconds after which a page's browser is stopped (default: 60)")
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM"),
                        help="the browser to run (default: $CHROMIUM, else chromium on PATH)")
    parser.add_argument("--offline", action="store_true",
                        help="no network but the loopback test server (host names do not resolve)")
    parser.add_argument("--verbose", action="store_true", help="also show console messages that are not errors")
    args = parser.parse_args()

    args.chromium = find_chromium(args.chromium)
    if not args.chromium:
        print("browser-check: Chromium not found (tried chromium, chromium-browser, google-chrome). "
              "Install it (apt-get install chromium) or pass --chromium PATH.", file=sys.stderr)
        return 1
    site_dir = args.site_dir.resolve()
    if not site_dir.is_dir():
        print("browser-check: %s is not a directory" % args.site_dir, file=sys.stderr)
        return 1
    pages = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))
    if not pages:
        print("browser-check: no .html pages in %s" % args.site_dir, file=sys.stderr)
        return 1
    shots = screenshot_pages(site_dir, pages)
    expected = dict(embed_targets(site_dir, pages))
    pages = [page for page in pages if not page.endswith(".embed.html")] + list(expected)
    if shots:
        args.screenshots.mkdir(parents=True, exist_ok=True)

    failed = 0
    with Server(site_dir) as server, concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
        futures = {
            page: pool.submit(check_page, "/" + page, server, args,
                              args.screenshots.resolve() / shots[page] if page in shots else None,
                              page in expected, expected.get(page))
            for page in pages
        }
        for page in pages:  # report in a stable order
            try:
                problems, notes, charts = futures[page].result()
            except Exception as error:  # a bug or an OS error must not hide the other pages
                problems, notes, charts = ["check crashed: %r" % error], [], 0
            if problems:
                failed += 1
                print("FAIL  %s: %s" % (page, "; ".join(problems)))
            else:
                print("ok    %s (%d chart%s)" % (page, charts, "" if charts == 1 else "s"))
            if args.verbose:
                for note in notes:
                    print("      " + note)

    if shots:
        print("screenshots: %d in %s" % (len(shots), args.screenshots))
    print("%d passed, %d failed" % (len(pages) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
