#!/bin/bash
# The SQLite index build that ends a `vnx batch` run, measured alone (a benchmark tool, not a
# test): the serial tail of the batch, the same for any --jobs.
#
#   Tests/scripts/bench_index_build.sh OUT/vnx.sqlite [--repeat N] [--threads T] [--instructions] [--together] [SQL...]
#
# Copies the database without its indexes to a temporary folder (with --repeat N, its rows N
# times, keys shifted, as a corpus N times larger would give), then builds each index of the
# copy, or each CREATE INDEX statement given, on a fresh copy with the pragmas vnx uses
# (journal TRUNCATE, synchronous FULL, 8 MB cache, threads T, default 2) and prints its CPU
# seconds (user + system), the main thread's share, and wall; with --instructions, the
# instructions it executes instead (valgrind cachegrind, threads 0: deterministic, slow).
# With --together, builds them all in one transaction on one copy, as vnx does, with the
# 2 MB cache vnx builds with, and prints each statement's wall and CPU seconds (sqlite3's
# .timer) and the sums: the whole tail.
set -euo pipefail
source_db=$1; shift
repeat=1; threads=2; instructions=0; together=0; statements=()
while (($#)); do
  case $1 in
    --repeat) repeat=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --instructions) instructions=1; shift ;;
    --together) together=1; shift ;;
    *) statements+=("$1"); shift ;;
  esac
done
work=$(mktemp -d /tmp/vnx-index-build-XXXXXX)
trap 'rm -rf "$work"' EXIT
base=$work/base.sqlite
cp "$source_db" "$base"
if ((${#statements[@]} == 0)); then
  mapfile -t statements < <(sqlite3 "$base" "SELECT sql || ';' FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
fi
sqlite3 "$base" "SELECT 'DROP INDEX ' || name || ';' FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL" \
  | sqlite3 "$base"
if ((repeat > 1)); then
  top=$(sqlite3 "$base" "SELECT max(key) FROM documents")
  for ((r = 1; r < repeat; r++)); do
    sqlite3 "$base" "
      CREATE TEMP TABLE d AS SELECT * FROM documents WHERE key <= $top;
      UPDATE d SET key = key + $r * $top, id = id || '-$r';
      CREATE TEMP TABLE e AS SELECT * FROM entity_rows WHERE document_key <= $top;
      UPDATE e SET document_key = document_key + $r * $top;
      CREATE TEMP TABLE i AS SELECT * FROM indicator_rows WHERE document_key <= $top;
      UPDATE i SET document_key = document_key + $r * $top;
      BEGIN; INSERT INTO documents SELECT * FROM d; INSERT INTO entity_rows SELECT * FROM e;
      INSERT INTO indicator_rows SELECT * FROM i; COMMIT;"
  done
fi
sqlite3 "$base" "SELECT (SELECT count(*) FROM documents) || ' documents, ' || (SELECT count(*) FROM entity_rows)
  || ' entity rows, ' || (SELECT count(*) FROM indicator_rows) || ' indicator rows'"
pragmas="PRAGMA journal_mode = TRUNCATE; PRAGMA synchronous = FULL; PRAGMA cache_size = -8192;"
if ((together)); then
  copy=$work/copy.sqlite
  cp "$base" "$copy"
  sync
  { echo "$pragmas PRAGMA threads = $threads; PRAGMA cache_size = -2048; BEGIN;"; echo ".timer on"
    printf '%s\n' "${statements[@]}"; echo "COMMIT;"; } \
    | sqlite3 "$copy" 2>&1 | awk '/^Run Time/ {n++; r += $4; c += $6 + $8; printf "%6.2f s wall %6.2f CPU-s  statement %d\n", $4, $6 + $8, n}
        END {printf "%6.2f s wall %6.2f CPU-s  in all (the last statement is the COMMIT)\n", r, c}'
  exit
fi
total=0
for statement in "${statements[@]}"; do
  copy=$work/copy.sqlite
  cp "$base" "$copy"
  sync
  if ((instructions)); then
    count=$(valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
      sqlite3 "$copy" "$pragmas PRAGMA threads = 0; BEGIN; $statement COMMIT;" 2>&1 >/dev/null \
      | sed -n 's/.*I *refs: *//p' | tr -d ,)
    printf '%6.2f G instructions  %s\n' "$(echo "$count / 1000000000" | bc -l)" "$statement"
  else
    python3 "$(dirname "$0")/thread_cpu.py" -- \
      sqlite3 "$copy" "$pragmas PRAGMA threads = $threads; BEGIN; $statement COMMIT;" 2>&1 \
      | awk -v s="$statement" '/^wall/ {wall = $2; cpu = $5} /thread  0:/ {main = $3 + $5}
          END {printf "%6.2f CPU-s (main thread %.2f), %5.1f s wall  %s\n", cpu, main, wall, s}'
  fi
  rm -f "$copy" "$copy-journal"
done
