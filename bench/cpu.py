#!/usr/bin/env python3
"""How quiet the machine was while a measurement ran.

  cpu.py snap FILE PID...   CPU ticks of the whole machine and of the process trees rooted at PID...
  cpu.py diff BEFORE AFTER  prints "wall_s ours_cores others_cores" for the time in between

"Ours" is the CPU time of the roots and their descendants, reaped children included
(utime+stime+cutime+cstime), so it also covers short-lived children such as hyperfine's runs.
"Others" is everything else the machine did meanwhile (other developers' builds and tests).
"""
import json, os, sys, time

def proc_stats():
    procs = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            text = open(f"/proc/{pid}/stat").read()
        except OSError:
            continue
        f = text[text.rindex(")") + 2:].split()
        # after "comm)": state ppid ... utime(11) stime(12) cutime(13) cstime(14)
        procs[int(pid)] = (int(f[1]), sum(int(x) for x in f[11:15]))
    return procs

def snap(path, roots):
    procs = proc_stats()
    children = {}
    for pid, (ppid, _) in procs.items():
        children.setdefault(ppid, []).append(pid)
    ours, todo = set(), [r for r in roots if r in procs]
    while todo:
        pid = todo.pop()
        if pid not in ours:
            ours.add(pid)
            todo.extend(children.get(pid, []))
    cpu = [int(x) for x in open("/proc/stat").readline().split()[1:]]
    busy = sum(cpu) - cpu[3] - cpu[4]  # all but idle and iowait
    json.dump({"t": time.time(), "busy": busy, "ours": sum(procs[p][1] for p in ours)}, open(path, "w"))

def diff(before, after):
    a, b = json.load(open(before)), json.load(open(after))
    hz, wall = os.sysconf("SC_CLK_TCK"), b["t"] - a["t"]
    ours = (b["ours"] - a["ours"]) / hz
    others = max(0.0, (b["busy"] - a["busy"]) / hz - ours)
    print(f"{wall:.1f} {ours / wall:.2f} {others / wall:.2f}")

if sys.argv[1] == "snap":
    snap(sys.argv[2], [int(p) for p in sys.argv[3:]])
else:
    diff(sys.argv[2], sys.argv[3])
