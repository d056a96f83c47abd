#!/bin/bash
# What a commit of `vnx batch` costs in SQLite when the secondary indexes already exist (kept up
# to date by the inserts), against none (built once at the end, as vnx does): a benchmark tool,
# not a test. It settles whether indexes maintained row by row could replace the index build
# that ends a run.
#
#   Tests/scripts/bench_index_upkeep.sh OUT/vnx.sqlite [--repeat N] [--fill F] [--batches B] [SQL...]
#
# Copies the database without its indexes (with --repeat N, its rows N times, keys shifted, as
# a corpus N times larger would give), keeps the documents up to the fraction F of the keys
# (default 0.95) and their rows, then appends the next B batches of 512 documents (default 10),
# one transaction each, with the pragmas vnx writes with (journal TRUNCATE, synchronous FULL,
# 8 MB cache): once into that copy, once into a copy where the indexes (each CREATE INDEX
# statement given, or those of the source database) were built first. Prints each commit's
# wall and CPU seconds (sqlite3's .timer) and the means.
set -euo pipefail
source_db=$1; shift
repeat=1; fill=0.95; batches=10; statements=()
while (($#)); do
  case $1 in
    --repeat) repeat=$2; shift 2 ;;
    --fill) fill=$2; shift 2 ;;
    --batches) batches=$2; shift 2 ;;
    *) statements+=("$1"); shift ;;
  esac
done
work=$(mktemp -d /tmp/vnx-index-upkeep-XXXXXX)
trap 'rm -rf "$work"' EXIT
full=$work/full.sqlite
cp "$source_db" "$full"
if ((${#statements[@]} == 0)); then
  mapfile -t statements < <(sqlite3 "$full" "SELECT sql || ';' FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
fi
sqlite3 "$full" "SELECT 'DROP INDEX ' || name || ';' FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL" \
  | sqlite3 "$full"
top=$(sqlite3 "$full" "SELECT max(key) FROM documents")
for ((r = 1; r < repeat; r++)); do
  sqlite3 "$full" "
    CREATE TEMP TABLE d AS SELECT * FROM documents WHERE key <= $top;
    UPDATE d SET key = key + $r * $top, id = id || '-$r';
    CREATE TEMP TABLE e AS SELECT * FROM entity_rows WHERE document_key <= $top;
    UPDATE e SET document_key = document_key + $r * $top;
    CREATE TEMP TABLE i AS SELECT * FROM indicator_rows WHERE document_key <= $top;
    UPDATE i SET document_key = document_key + $r * $top;
    BEGIN; INSERT INTO documents SELECT * FROM d; INSERT INTO entity_rows SELECT * FROM e;
    INSERT INTO indicator_rows SELECT * FROM i; COMMIT;"
done
last=$(sqlite3 "$full" "SELECT max(key) FROM documents")
kept=$(python3 -c "print(int($last * $fill))")
if ((kept + batches * 512 > last)); then echo "not enough documents after the fill: lower --fill or --batches" >&2; exit 1; fi
bare=$work/bare.sqlite
cp "$full" "$bare"
sqlite3 "$bare" "PRAGMA cache_size = -8192; BEGIN; DELETE FROM documents WHERE key > $kept;
  DELETE FROM entity_rows WHERE document_key > $kept; DELETE FROM indicator_rows WHERE document_key > $kept; COMMIT;"
indexed=$work/indexed.sqlite
cp "$bare" "$indexed"
sqlite3 "$indexed" "PRAGMA threads = 2; PRAGMA cache_size = -2048; BEGIN; ${statements[*]} COMMIT;" >/dev/null
echo "$kept of $last documents kept, then $batches commits of 512 documents"
for variant in bare indexed; do
  copy=$work/copy.sqlite
  cp "$work/$variant.sqlite" "$copy"
  sync
  {
    echo "PRAGMA journal_mode = TRUNCATE; PRAGMA synchronous = FULL; PRAGMA cache_size = -8192;"
    echo "ATTACH '$full' AS source;"
    echo ".timer on"
    for ((b = 0; b < batches; b++)); do
      low=$((kept + 1 + b * 512)); high=$((low + 511))
      echo "BEGIN; INSERT INTO documents SELECT * FROM source.documents WHERE key BETWEEN $low AND $high;" \
        "INSERT INTO entity_rows SELECT * FROM source.entity_rows WHERE document_key BETWEEN $low AND $high;" \
        "INSERT INTO indicator_rows SELECT * FROM source.indicator_rows WHERE document_key BETWEEN $low AND $high; COMMIT;"
    done
  } | sqlite3 "$copy" 2>&1 | awk -v v="$variant" '/^Run Time/ {n++; r += $4; c += $6 + $8; line = line sprintf(" %.2f/%.3f", $4, $6 + $8)}
        END {printf "%-8s per commit, wall/CPU s:%s\n%-8s mean %.3f s wall, %.3f CPU-s\n", v, line, v, r / n, c / n}'
  rm -f "$copy" "$copy-journal"
done
