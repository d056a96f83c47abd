#!/usr/bin/env bash
# Benchmarks `vnx batch` (not a test): documents/s, MB/s, scaling from 1 to 2 jobs, peak RSS.
#
#   Tests/scripts/bench_batch.sh [SIZE] [WORKDIR]     # SIZE like 1G, 200M (default 1G)
#   VNX=.build/release/vnx Tests/scripts/bench_batch.sh 20M
#
# Generates WORKDIR/corpus-SIZE with Tests/scripts/make_corpus.py (corpus articles repeated with
# variations, as JSON Lines of scraped records), builds vnx in release mode, runs
# `vnx batch --jobs 1` and `--jobs 2` under /usr/bin/time -v, checks that both outputs are
# byte-identical, and prints one line per run.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
size=${1:-1G}
work=${2:-/tmp/vnx-bench}
corpus=$work/corpus-$size
mkdir -p "$work"
# VNX=/path/to/vnx skips the release build.
if [ -z "${VNX:-}" ]; then swift build -c release --package-path "$root" >/dev/null; fi
vnx=${VNX:-$root/.build/release/vnx}
if [ ! -f "$corpus/.complete" ]; then
  rm -rf "$corpus"
  python3 "$root/Tests/scripts/make_corpus.py" "$corpus" --size "$size"
  touch "$corpus/.complete"
fi
bytes=$(cat "$corpus"/*.jsonl | wc -c)
printf 'corpus: %s (%d bytes, %d records)\n' "$corpus" "$bytes" "$(cat "$corpus"/*.jsonl | wc -l)"
declare -A wall
for jobs in 1 2; do
  out=$work/out-$size-j$jobs
  rm -rf "$out"
  /usr/bin/time -v "$vnx" batch "$corpus" --out "$out" --jobs "$jobs" --quiet 2> "$work/time-j$jobs.log"
  summary=$(grep '^vnx batch:' "$work/time-j$jobs.log")
  documents=$(sed -E 's/^vnx batch: ([0-9]+) documents.*/\1/' <<<"$summary")
  elapsed=$(grep 'Elapsed (wall clock)' "$work/time-j$jobs.log" | awk '{print $NF}' \
    | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  cpu=$(grep -E 'User time|System time' "$work/time-j$jobs.log" | awk '{s += $NF} END {print s}')
  rss=$(grep 'Maximum resident' "$work/time-j$jobs.log" | awk '{print $NF}')
  wall[$jobs]=$elapsed
  awk -v j="$jobs" -v d="$documents" -v t="$elapsed" -v c="$cpu" -v b="$bytes" -v r="$rss" 'BEGIN {
    printf "jobs %d: %d documents in %.1f s wall (%.1f s CPU): %.1f documents/s, %.2f MB/s; %.1f documents per CPU-second; peak RSS %.0f MB\n",
      j, d, t, c, d / t, b / 1e6 / t, d / c, r / 1024 }'
done
awk -v a="${wall[1]}" -v b="${wall[2]}" 'BEGIN { printf "scaling 1 -> 2 jobs: %.2fx\n", a / b }'
for name in documents.jsonl entities.csv indicators.csv errors.jsonl; do
  cmp -s "$work/out-$size-j1/$name" "$work/out-$size-j2/$name" && echo "$name: identical for 1 and 2 jobs" \
    || echo "$name: DIFFERS between 1 and 2 jobs"
done
