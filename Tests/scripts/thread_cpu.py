#!/usr/bin/env python3
"""CPU seconds per thread of a `vnx batch` run (a benchmark tool, not a test).

    python3 Tests/scripts/thread_cpu.py -- .build/release/vnx batch CORPUS --out OUT --jobs 2 --quiet

Runs the command, samples /proc/PID/task/*/stat every 50 ms and prints each thread's user and
system CPU seconds and lifetime, then one summary line splitting the batch's CPU into
  writer-run    the main thread until the workers end (before the third session's combining
                change, the writer; since, only progress: the workers write in turn),
  tail          what runs after them: the index build on the main thread (tail-main) and
                SQLite's sorter threads (tail-helpers, PRAGMA threads),
  workers       the pipeline threads, reader the thread that splits inputs into records,
so that the 2-job wall time on an idle 2-core machine can be estimated under load:
  wall(jobs 2) ≈ startup + (workers + reader + writer-run) / 2 + tail wall,
  wall(jobs 1) ≈ startup + max(workers, reader + writer-run) + tail wall.
With the workers writing (writer-run ≈ 0), both are startup + (workers + reader) / jobs plus
the tail wall, jobs 1 on one core.
Threads are told apart by when they start and end: the reader starts first, workers run
until the end of the input and take the most CPU, sorter threads start after.
"""
import os
import resource
import subprocess
import sys
import time

tick = os.sysconf("SC_CLK_TCK")
command = sys.argv[sys.argv.index("--") + 1:]
start = time.time()
process = subprocess.Popen(command)
threads = {}  # tid -> [user, system, first seen, last seen]
order = []
main_series = []
while process.poll() is None:
    now = time.time() - start
    try:
        tids = os.listdir(f"/proc/{process.pid}/task")
    except FileNotFoundError:
        break
    for tid in tids:
        try:
            stat = open(f"/proc/{process.pid}/task/{tid}/stat").read()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        user, system, tid = int(fields[11]) / tick, int(fields[12]) / tick, int(tid)
        if tid not in threads:
            threads[tid] = [user, system, now, now]
            order.append(tid)
        threads[tid][0:2] = [user, system]
        threads[tid][3] = now
    if process.pid in threads:
        main_series.append((now, sum(threads[process.pid][0:2])))
    time.sleep(0.05)
wall = time.time() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
total = usage.ru_utime + usage.ru_stime
cpu = lambda tid: threads[tid][0] + threads[tid][1]
print(f"wall {wall:.1f} s, CPU {total:.2f} s ({usage.ru_utime:.2f} user + {usage.ru_stime:.2f} system), "
      f"peak RSS {usage.ru_maxrss / 1024:.0f} MB")
for number, tid in enumerate(order):
    user, system, first, last = threads[tid]
    if user + system >= 0.02:
        print(f"  thread {number:2d}: {user:7.2f} user {system:6.2f} system, alive {first:6.1f}-{last:6.1f} s")
others = [tid for tid in order if tid != process.pid]
busy = [tid for tid in others if cpu(tid) > 0.5]
if busy and main_series:
    end = max(threads[tid][3] for tid in busy)
    before = max([c for (at, c) in main_series if at <= end] or [0])
    most = max(map(cpu, busy))
    workers = [tid for tid in busy if threads[tid][2] < end - 1 and cpu(tid) > 0.3 * most]
    helpers = [tid for tid in others if threads[tid][2] >= end - 0.5]
    reader = [tid for tid in others if tid not in workers and tid not in helpers]
    print(f"summary: writer-run {before:.2f}, tail-main {main_series[-1][1] - before:.2f}, "
          f"tail-helpers {sum(map(cpu, helpers)):.2f}, workers {sum(map(cpu, workers)):.2f} "
          f"({len(workers)}), reader {sum(map(cpu, reader)):.2f}; tail wall {wall - end:.1f} s")
sys.exit(process.returncode)
