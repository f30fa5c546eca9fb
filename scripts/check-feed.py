#!/usr/bin/env python3
"""Checks a built site's feed.xml with feedparser and a strict XML parser.

Usage: check-feed.py SITE [ENTRIES]

The feed must be well-formed XML (feedparser's `bozo` flag unset), Atom 1.0, with a title,
an id and an updated date, and each entry must have an id, a title, an updated date, an
alternate link and HTML content. With ENTRIES, the feed must hold exactly that many.
"""
import sys
import xml.etree.ElementTree as ElementTree

import feedparser


def main() -> int:
    site = sys.argv[1]
    path = f"{site}/feed.xml"
    ElementTree.parse(path)  # raises on any XML error
    feed = feedparser.parse(path)
    problems = []
    if feed.bozo:
        problems.append(f"not well-formed: {feed.bozo_exception}")
    if feed.version != "atom10":
        problems.append(f"version {feed.version!r}, expected atom10")
    for field in ("title", "id", "updated"):
        if not feed.feed.get(field):
            problems.append(f"the feed has no {field}")
    ids = set()
    for number, entry in enumerate(feed.entries, 1):
        for field in ("id", "title", "updated", "link"):
            if not entry.get(field):
                problems.append(f"entry {number} has no {field}")
        if entry.get("id") in ids:
            problems.append(f"entry {number} repeats the id {entry.get('id')}")
        ids.add(entry.get("id"))
        content = entry.get("content") or []
        if not content or content[0].get("type") != "text/html" or not content[0].get("value"):
            problems.append(f"entry {number} has no HTML content")
    if len(sys.argv) > 2 and len(feed.entries) != int(sys.argv[2]):
        problems.append(f"{len(feed.entries)} entries, expected {sys.argv[2]}")
    if problems:
        for problem in problems:
            print(f"check-feed: {path}: {problem}", file=sys.stderr)
        return 1
    print(f"check-feed: {path} is a valid Atom feed with {len(feed.entries)} entries.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
