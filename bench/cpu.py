#!/usr/bin/env python3
"""How quiet the machine was while a measurement ran.

  cpu.py snap FILE PID...   CPU ticks of the machine, of the process trees at PID..., of kernel threads
  cpu.py diff BEFORE AFTER  prints "wall_s ours_cores others_cores kernel_cores" for the time between

"ours": the trees rooted at PID..., counted as utime+stime+cutime+cstime, so that short-lived
children (hyperfine's runs, curl) are included once reaped. "kernel": kernel threads (writeback,
...), which work for everybody. "others": the rest of the machine's busy time (/proc/stat),
i.e. other developers' builds and tests.
"""
import json, os, sys, time


def snap(path, roots):
    procs = {}  # pid -> (ppid, ticks, key)
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            text = open(f"/proc/{pid}/stat").read()
        except OSError:
            continue
        f = text[text.rindex(")") + 2:].split()
        # fields after "comm)": state ppid ... utime(11) stime(12) cutime(13) cstime(14) ... starttime(19)
        procs[int(pid)] = (int(f[1]), sum(int(x) for x in f[11:15]), f"{pid}/{f[19]}")
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

    cpu = [int(x) for x in open("/proc/stat").readline().split()[1:8]]
    json.dump({"t": time.time(), "busy": sum(cpu) - cpu[3] - cpu[4],  # all but idle and iowait
               "ours": sum(procs[p][1] for p in tree(roots)),
               "kernel": {procs[p][2]: procs[p][1] for p in tree([2])}},
              open(path, "w"))


def diff(before, after):
    a, b = json.load(open(before)), json.load(open(after))
    hz, wall = os.sysconf("SC_CLK_TCK"), b["t"] - a["t"]
    ours = b["ours"] - a["ours"]
    kernel = sum(t - a["kernel"].get(k, 0) for k, t in b["kernel"].items())  # threads alive at the end
    others = max(0, b["busy"] - a["busy"] - ours - kernel)
    print(" ".join(f"{x:.2f}" for x in (wall, ours / hz / wall, others / hz / wall, kernel / hz / wall)))


if sys.argv[1] == "snap":
    snap(sys.argv[2], [int(p) for p in sys.argv[3:]])
else:
    diff(sys.argv[2], sys.argv[3])
