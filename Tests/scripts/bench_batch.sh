#!/usr/bin/env bash
# Benchmarks `vnx batch` (not a test): documents/s, MB/s, scaling from 1 to 2 jobs, peak RSS,
# bytes written to disk.
#
#   Tests/scripts/bench_batch.sh [SIZE] [WORKDIR]     # SIZE like 1G, 200M (default 1G)
#   JOBS="1 2" RUNS=1 VNX=.build/release/vnx Tests/scripts/bench_batch.sh 200M
#
# Generates WORKDIR/corpus-SIZE (default WORKDIR /tmp/vnx-bench) with
# Tests/scripts/make_corpus.py (corpus articles repeated with variations, as JSON Lines of
# scraped records) unless it is there, builds vnx in release mode (VNX=path skips that), runs
# `vnx batch --jobs N` for each N of JOBS (default "1 2"), RUNS times each (default 1; the
# runs alternate between the job counts), under /usr/bin/time, and prints one line per run:
# documents/s and MB/s by wall clock and per CPU-second (user + system), peak RSS, and the
# bytes the kernel counted as written (File system outputs, 512-byte units) against the size
# of the outputs. Then the scaling (median wall time of the first job count over the last) and
# whether the outputs of every job count are byte-identical, and check_dataset.py on the last
# (corpora under 300 MB).
#
# WORKDIR must be on a real disk (not tmpfs) for the bytes-written figure to mean anything.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
size=${1:-1G}
work=${2:-/tmp/vnx-bench}
jobs_list=${JOBS:-1 2}
runs=${RUNS:-1}
corpus=$work/corpus-$size
mkdir -p "$work"
if [ -z "${VNX:-}" ]; then swift build -c release --package-path "$root" >/dev/null; fi
vnx=${VNX:-$root/.build/release/vnx}
if [ ! -f "$corpus/.complete" ]; then
  rm -rf "$corpus"
  python3 "$root/Tests/scripts/make_corpus.py" "$corpus" --size "$size"
  touch "$corpus/.complete"
fi
bytes=$(cat "$corpus"/*.jsonl | wc -c)
printf 'corpus: %s (%d bytes, %d records); load average %s\n' "$corpus" "$bytes" \
  "$(cat "$corpus"/*.jsonl | wc -l)" "$(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$work/walls"
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
for run in $(seq 1 "$runs"); do
  for jobs in $jobs_list; do
    out=$work/out-$size-j$jobs
    rm -rf "$out"
    log=$work/time-j$jobs.log
    /usr/bin/time -f "%e %U %S %M %O" -o "$log.time" \
      "$vnx" batch "$corpus" --out "$out" --jobs "$jobs" --quiet 2> "$log"
    read -r wall user system rss blocks < "$log.time"
    documents=$(sed -nE 's/^vnx batch: ([0-9]+) documents.*/\1/p' "$log")
    output=$(du -cb "$out"/* | tail -1 | cut -f1)
    echo "$jobs $wall" >> "$work/walls"
    awk -v j="$jobs" -v d="$documents" -v t="$wall" -v u="$user" -v s="$system" -v b="$bytes" \
      -v r="$rss" -v w="$blocks" -v o="$output" 'BEGIN {
      c = u + s
      printf "jobs %d: %d documents, %.1f s wall, %.1f s CPU (%.1f user + %.1f system): %.1f documents/s and %.2f MB/s wall; %.1f documents and %.2f MB per CPU-second; peak RSS %.0f MB; written %.0f MB for %.0f MB of outputs (output:written %.2f)\n",
        j, d, t, c, u, s, d / t, b / 1e6 / t, d / c, b / 1e6 / c, r / 1024, w * 512 / 1e6, o / 1e6, o / (w * 512) }'
  done
done
first=${jobs_list%% *}
last=${jobs_list##* }
if [ "$first" != "$last" ]; then
  a=$(awk -v j="$first" '$1 == j { print $2 }' "$work/walls" | median)
  b=$(awk -v j="$last" '$1 == j { print $2 }' "$work/walls" | median)
  awk -v a="$a" -v b="$b" -v f="$first" -v l="$last" \
    'BEGIN { printf "scaling %s -> %s jobs: %.2fx (median wall %.1f s -> %.1f s)\n", f, l, a / b, a, b }'
  for jobs in $jobs_list; do
    for name in documents.jsonl entities.csv indicators.csv errors.jsonl; do
      cmp -s "$work/out-$size-j$first/$name" "$work/out-$size-j$jobs/$name" \
        || echo "$name: DIFFERS between $first and $jobs jobs"
    done
  done
  echo "outputs compared across jobs $jobs_list (a difference is printed above)"
fi
rm -f "$work/walls"
# check_dataset.py holds every document in memory: above 300 MB it is left to the byte comparison.
if [ "$bytes" -lt 300000000 ]; then
  python3 "$root/Tests/scripts/check_dataset.py" "$work/out-$size-j$last" --complete
fi
