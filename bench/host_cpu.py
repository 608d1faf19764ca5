#!/usr/bin/env python3
"""How busy the host's CPUs were between two marks, for the benchmarks (not a test).

The drill's work runs in the JVM, the engine and the containers, all on this host's kernel, so /proc/stat counts it
all. A run's busy CPU-seconds over the CPUs it had give the least wall time any schedule of the same work can take
here: that bound is what says whether a goal is out of reach on this machine or a matter of scheduling. Anything
else the host runs meanwhile counts too, so measure on a quiet host.

  python3 bench/host_cpu.py mark                      -> one line: busy and iowait ticks, the CPUs (from /proc/stat)
  python3 bench/host_cpu.py between MARK1 MARK2 WALL  -> "B CPU-s busy over W s (x of n CPUs), I CPU-s idle waiting on the disk"
  python3 bench/host_cpu.py bound MARK1 MARK2         -> the least wall time n CPUs allow for that work, in seconds
"""
import os
import sys

TICKS = os.sysconf("SC_CLK_TCK")


def mark():
    with open("/proc/stat") as stat:
        lines = stat.read().splitlines()
    # cpu user nice system idle iowait irq softirq steal guest guest_nice; guest time is already in user.
    fields = [int(v) for v in lines[0].split()[1:]]
    busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + fields[7]
    cpus = sum(1 for line in lines if line.startswith("cpu") and line[3].isdigit())
    return f"{busy}:{fields[4]}:{cpus}"


def parse(m):
    busy, iowait, cpus = (int(v) for v in m.split(":"))
    return busy, iowait, cpus


def used(m1, m2):
    (b1, w1, cpus), (b2, w2, _) = parse(m1), parse(m2)
    return (b2 - b1) / TICKS, (w2 - w1) / TICKS, cpus


def main(argv):
    if argv[:1] == ["mark"]:
        print(mark())
    elif len(argv) == 4 and argv[0] == "between":
        busy, iowait, cpus = used(argv[1], argv[2])
        wall = float(argv[3])
        print(f"{busy:.0f} CPU-s busy over {wall:.0f} s ({busy / wall:.2f} of {cpus} CPUs), "
              f"{iowait:.0f} CPU-s idle waiting on the disk")
    elif len(argv) == 3 and argv[0] == "bound":
        busy, _, cpus = used(argv[1], argv[2])
        print(f"{busy / cpus:.1f}")
    else:
        sys.exit("usage: host_cpu.py mark | between MARK1 MARK2 WALL | bound MARK1 MARK2")


if __name__ == "__main__":
    main(sys.argv[1:])
