#!/usr/bin/env python3
"""How quiet the machine was while a measurement ran.

  cpu.py snap FILE PID...   CPU ticks of every process, and which belong to the trees at PID...
  cpu.py diff BEFORE AFTER  prints "wall_s ours_cores others_cores kernel_cores" in between

A process's ticks are utime+stime+cutime+cstime, so they include its reaped children (hyperfine's
runs, a build's compiler processes). "ours": the trees rooted at PID...; "others": every other
user process (other developers' builds and tests); "kernel": kernel threads (writeback, ...),
which work for everybody and so are reported apart.
"""
import json, os, sys, time


def snap(path, roots):
    procs = {}  # pid -> [ppid, ticks, key]
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            text = open(f"/proc/{pid}/stat").read()
        except OSError:
            continue
        f = text[text.rindex(")") + 2:].split()
        # fields after "comm)": state ppid ... utime(11) stime(12) cutime(13) cstime(14) ... starttime(19)
        procs[int(pid)] = [int(f[1]), sum(int(x) for x in f[11:15]), f"{pid}/{f[19]}"]
    children = {}
    for pid, (ppid, _, _) in procs.items():
        children.setdefault(ppid, []).append(pid)

    def tree(roots):
        seen, todo = set(), [r for r in roots if r in procs]
        while todo:
            pid = todo.pop()
            if pid not in seen:
                seen.add(pid)
                todo.extend(children.get(pid, []))
        return seen

    ours, kernel = tree(roots), tree([2])
    json.dump({"t": time.time(),
               "ours": sum(procs[p][1] for p in ours),
               "kernel": {procs[p][2]: procs[p][1] for p in kernel},
               "others": {v[2]: v[1] for p, v in procs.items() if p not in ours and p not in kernel}},
              open(path, "w"))


def diff(before, after):
    a, b = json.load(open(before)), json.load(open(after))
    hz, wall = os.sysconf("SC_CLK_TCK"), b["t"] - a["t"]

    def grown(kind):  # processes alive at the end: what they used since the start (or since birth)
        return sum(t - a[kind].get(k, 0) for k, t in b[kind].items())

    print(f"{wall:.1f} {(b['ours'] - a['ours']) / hz / wall:.2f} "
          f"{grown('others') / hz / wall:.2f} {grown('kernel') / hz / wall:.2f}")


if sys.argv[1] == "snap":
    snap(sys.argv[2], [int(p) for p in sys.argv[3:]])
else:
    diff(sys.argv[2], sys.argv[3])
