"""The SQL budget of check-site: the demo build's statements and SQLite virtual-machine steps,
as `almanac build --timings` prints them, against scripts/sql-budget.txt.

Usage: check-budget.py TIMINGS_FILE BUDGET_FILE
"""
import re
import sys

timings, budget_path = open(sys.argv[1]).read(), sys.argv[2]
budget = {}
for line in open(budget_path):
    line = line.split("#", 1)[0].strip()
    if line:
        key, value = line.split("=")
        budget[key.strip()] = int(value.strip().replace("_", ""))
match = re.search(r"^sql: ([\d,]+) statements, ([\d,]+) SQLite VM steps", timings, re.M)
if not match:
    sys.exit("check-budget: --timings printed no 'sql:' line:\n" + timings)
statements, steps = (int(group.replace(",", "")) for group in match.groups())
failures = []
if statements > budget["statements"]:
    failures.append(f"{statements:,} statements, over the budget of {budget['statements']:,}")
if steps > budget["vm_steps"]:
    failures.append(f"{steps:,} VM steps, over the budget of {budget['vm_steps']:,}")
if failures:
    print("check-budget: the demo build ran " + " and ".join(failures) + f" ({budget_path}).")
    print("The plan (--timings):")
    print("\n".join(l for l in timings.splitlines() if l.startswith(("sql:", "plan "))))
    sys.exit(1)
print(f"check-budget: the demo build ran {statements:,} statements and {steps:,} SQLite VM steps, "
      f"within the budget of {budget['statements']:,} and {budget['vm_steps']:,}.")
