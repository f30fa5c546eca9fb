#!/usr/bin/env python3
"""Finishes the man pages that swift-argument-parser's generate-manual writes (`make install`
runs it on each page, in place):

  * EXIT STATUS lists Almanac's statuses 0, 1, 2 and 3 instead of mdoc's standard "exits 0
    on success, and >0 if an error occurs";
  * the "Examples:" block of a command's discussion becomes an EXAMPLES section, one command a
    line, instead of a filled paragraph; an "Exit status:" block of the discussion is dropped,
    since EXIT STATUS holds it;
  * the subcommands' pages no longer repeat --help and --version (almanac(1) keeps them).

Usage: scripts/man-pages.py PAGE.1...
"""
import re
import sys

EXIT_STATUS = """.Bl -tag -width 3n
.It 0
success
.It 1
failure; the message says what and where
.It 2
a usage error: an unknown command or flag (with the closest one suggested), a value out of range
.It 3
an alert was triggered under
.Ql almanac build --fail-on-alert
(the site, digest and feed are still written)
.El"""


def blocks(lines, title):
    """The indented lines after a line `title`, and where they end."""
    start = lines.index(title)
    end = start + 1
    while end < len(lines) and lines[end].startswith("  "):
        end += 1
    return start, end


def finish(text, root):
    lines = text.split("\n")
    if "Exit status:" in lines:
        start, end = blocks(lines, "Exit status:")
        del lines[start:end]
    examples = []
    if "Examples:" in lines:
        start, end = blocks(lines, "Examples:")
        examples = [line[2:] for line in lines[start + 1:end]]
        del lines[start:end]
    if not root:
        lines = [line for line in lines
                 if line not in (".Op Fl -version", ".Op Fl -help")]
        for item in (".It Fl -version", ".It Fl h , -help"):
            if item in lines:
                index = lines.index(item)
                del lines[index:index + 2]
    # A blank line in mdoc is a paragraph break with a warning; say it with .Pp.
    lines = [".Pp" if line == "" else line for line in lines]
    while lines and lines[-1] == ".Pp":
        lines.pop()
    out = []
    for line in lines:
        if line == '.Sh "EXIT STATUS"' and examples:
            out += [".Sh EXAMPLES", ".Bd -literal -offset indent"]
            out += [re.sub(r"^\.", r"\\&.", example) for example in examples]
            out += [".Ed"]
        if line == ".Ex -std":
            out += EXIT_STATUS.split("\n")
            continue
        out.append(line)
    # A .Pp right before a section or list is noise.
    cleaned = [line for index, line in enumerate(out)
               if not (line == ".Pp" and index + 1 < len(out)
                       and out[index + 1].startswith((".Sh", ".Bl", ".Pp")))]
    return "\n".join(cleaned) + "\n"


def main(paths):
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        if ".Ex -std" not in text:
            sys.exit("man-pages: %s has no .Ex -std; did generate-manual change?" % path)
        root = path.endswith("/almanac.1") or path == "almanac.1"
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(finish(text, root))


if __name__ == "__main__":
    main(sys.argv[1:])
