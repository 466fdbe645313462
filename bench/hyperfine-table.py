#!/usr/bin/env python3
"""hyperfine-table.py JSON REF [NAME=LABEL...]: a table of hyperfine's export, with each mean
divided by the mean of the command whose name contains REF (the "x ref" column)."""
import json, sys

res = json.load(open(sys.argv[1]))["results"]
labels = dict(a.split("=", 1) for a in sys.argv[3:])
ref = next(r for r in res if sys.argv[2] in r["command"])["mean"]
rows = [(labels.get(r["command"], r["command"]), r) for r in res]
w = max(len(name) for name, _ in rows)
print(f"{'command':<{w}}  {'mean ms':>8}  {'± ms':>6}  {'min ms':>7}  {'max ms':>7}  {'x ref':>6}")
for name, r in rows:
    print(f"{name:<{w}}  {r['mean']*1e3:8.2f}  {r['stddev']*1e3:6.2f}  {r['min']*1e3:7.2f}  {r['max']*1e3:7.2f}  {r['mean']/ref:6.2f}")
