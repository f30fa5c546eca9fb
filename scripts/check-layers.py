#!/usr/bin/env python3
"""The core's folders depend one way, along the pipeline (docs/architecture.md).

A file may use types declared in its own folder or in an earlier one, never in a later one.
Types are the top-level `struct`, `enum`, `class`, `actor`, `protocol` and `typealias`
declarations of Sources/AlmanacCore; a use is the type's name as a word in the code, with
comments and string literals left out. Extension methods are not followed: a later folder's
extension of an earlier type is fine, and a call to it from an earlier folder goes unseen.
Exits 1 and lists each backward use when there is one.
"""
import pathlib
import re
import sys

ORDER = [
    "Support", "Database", "Seeding", "Questions", "Matching", "Analytics", "Insights",
    "Charts", "Narration", "Alerts", "Rendering", "Site", "Notify", "Pipeline", "Preview",
]
CORE = pathlib.Path(__file__).resolve().parent.parent / "Sources" / "AlmanacCore"
DECLARATION = re.compile(
    r"^(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|internal|private|fileprivate|package|final|"
    r"indirect|nonisolated)\s+)*(?:struct|enum|class|actor|protocol|typealias)\s+(\w+)",
    re.M)


def code_only(text):
    """The text with comments and string literals blanked, so names in them do not count."""
    text = re.sub(r'"""(?:.|\n)*?"""', '""', text)
    text = re.sub(r'#?"(?:\\.|[^"\\\n])*"#?', '""', text)
    text = re.sub(r"/\*(?:.|\n)*?\*/", " ", text)
    return re.sub(r"//[^\n]*", " ", text)


def main():
    files = sorted(CORE.rglob("*.swift"))
    unknown = sorted({f.relative_to(CORE).parts[0] for f in files} - set(ORDER))
    if unknown:
        print(f"check-layers: folders missing from the order: {', '.join(unknown)}")
        return 1
    rank = {}
    owner = {}
    for f in files:
        folder = f.relative_to(CORE).parts[0]
        for name in DECLARATION.findall(code_only(f.read_text())):
            owner[name] = folder
            rank[name] = ORDER.index(folder)
    if len(owner) < 50:
        print(f"check-layers: only {len(owner)} types found; the declaration pattern is broken")
        return 1
    problems = []
    for f in files:
        folder = f.relative_to(CORE).parts[0]
        here = ORDER.index(folder)
        used = set(re.findall(r"\b[A-Z]\w*\b", code_only(f.read_text())))
        for name in sorted(used):
            if name in rank and rank[name] > here:
                problems.append(f"{f.relative_to(CORE)}: uses {name} from {owner[name]}/")
    for line in problems:
        print(line)
    if problems:
        print(f"check-layers: {len(problems)} uses of a later stage; the order is "
              + " ← ".join(ORDER))
        return 1
    print(f"check-layers: {len(files)} files, {len(owner)} types, every use points back along "
          "the pipeline")
    return 0


if __name__ == "__main__":
    sys.exit(main())
