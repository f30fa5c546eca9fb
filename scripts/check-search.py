#!/usr/bin/env python3
"""The search box in headless Chromium, from file:// (no server): a step of check-site.

Usage: scripts/check-search.py SITE_DIR NAME [NAME ...]

For each NAME (badge names from the demo database), opens SITE_DIR/index.html?q=NAME as a
file:// URL. The page's search script puts `?q=` into the box and runs the same search as
typing does. From the dumped DOM it requires that:

  * the box is shown (the script ran under the page's CSP, from file://);
  * the result links are exactly the question pages whose Markdown twin (<id>.md, written by
    other code: the same title, answer and key tables) mentions NAME, case-insensitively,
    capped at the 30 the box lists;
  * pages whose question names NAME come first.

Then a word that is in no page must list no page. Standard library only; exits 1 on failure.
"""

import html.parser
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

LIMIT = 30


class Results(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.inside = False
        self.links = []
        self.box_hidden = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "div" and "site-search" in (attrs.get("class") or ""):
            self.box_hidden = "hidden" in attrs
        if tag == "ol" and "search-results" in (attrs.get("class") or ""):
            self.inside = True
        if self.inside and tag == "a":
            self.links.append(attrs.get("href"))

    def handle_endtag(self, tag):
        if tag == "ol":
            self.inside = False


def search(site, query):
    url = (site / "index.html").as_uri() + "?q=" + quote(query)
    with tempfile.TemporaryDirectory(prefix="check-search-") as profile:
        dom = subprocess.run(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + profile,
             "--virtual-time-budget=5000", "--dump-dom", url],
            capture_output=True, text=True, timeout=120).stdout
    parser = Results()
    parser.feed(dom)
    return parser


def main():
    if len(sys.argv) < 3:
        print(__doc__.split("\n")[2], file=sys.stderr)
        return 2
    site = Path(sys.argv[1]).resolve()
    failed = False
    for name in sys.argv[2:]:
        expected = []
        titled = []
        for twin in sorted(site.glob("*.md")):
            # The index and the digest are the site's own pages, not questions.
            if twin.name in ("index.md", "digest.md"):
                continue
            text = twin.read_text()
            if name.lower() in text.lower():
                expected.append(twin.stem + ".html")
                if name.lower() in text.splitlines()[0].lower():
                    titled.append(twin.stem + ".html")
        found = search(site, name)
        if found.box_hidden is not False:
            print("check-search: FAIL: the search box is not shown on index.html from file://")
            return 1
        if not expected:
            print("check-search: FAIL: no page mentions %r; pick a name from the data" % name)
            return 1
        links = found.links
        problems = []
        if set(links) - set(expected):
            problems.append("lists pages that do not mention it: %s" % sorted(set(links) - set(expected)))
        if len(links) != min(len(expected), LIMIT):
            problems.append("lists %d pages, expected %d (%s)" % (len(links), min(len(expected), LIMIT),
                                                                  sorted(set(expected) - set(links))))
        if links[: len(titled)] != [page for page in links if page in titled]:
            problems.append("the pages that name it in their question are not first: %s" % links)
        if problems:
            failed = True
            print("check-search: FAIL: %r: %s" % (name, "; ".join(problems)))
        else:
            print("check-search: %r lists %d pages from file://, %d of them named in the question, first"
                  % (name, len(links), len(titled)))
    # Typed as people type (a blind test's): without accents, in decomposed Unicode, a
    # number without its thousands comma, two words apart. Each lists what its plain form
    # does, or, for words apart, the pages whose twin holds every word.
    import unicodedata
    for typed, plain in (("zurich analytics", "Zürich Analytics"),
                         (unicodedata.normalize("NFD", "Zürich Analytics"), "Zürich Analytics")):
        expected = sorted(search(site, plain).links)
        got = sorted(search(site, typed).links)
        if not expected or got != expected:
            print("check-search: FAIL: %r lists %s, %r lists %s" % (typed, got, plain, expected))
            failed = True
    # Words apart: every page listed holds both (its twin holds all the index does), and
    # those whose question holds both are listed.
    words = ("kubernetes", "long")
    twins = [twin for twin in site.glob("*.md") if twin.name not in ("index.md", "digest.md")]
    holding = {twin.stem + ".html" for twin in twins
               if all(word in twin.read_text().lower() for word in words)}
    titled = {twin.stem + ".html" for twin in twins
              if all(word in twin.read_text().splitlines()[0].lower() for word in words)}
    apart = set(search(site, " ".join(words)).links)
    if not titled or not titled <= apart or not apart <= holding:
        print("check-search: FAIL: %r lists %s; pages naming both in the question %s, holding both %s"
              % (" ".join(words), sorted(apart), sorted(titled), sorted(holding)))
        failed = True
    if not failed:
        print("check-search: accents, decomposed Unicode and words apart are found")
    nothing = search(site, "zzqx-no-such-word")
    if nothing.links:
        print("check-search: FAIL: a word in no page lists %s" % nothing.links)
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
