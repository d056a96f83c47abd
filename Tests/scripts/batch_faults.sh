#!/usr/bin/env bash
# `vnx batch` under faults (not part of `swift test`; needs root for tmpfs mounts and for
# dropping the capability that lets root read a chmod 000 file).
#
#   Tests/scripts/batch_faults.sh [WORKDIR]          # CYCLES=30 kill -9 / resume cycles
#   CYCLES=100 VNX=.build/release/vnx Tests/scripts/batch_faults.sh
#
# On a generated corpus (make_corpus.py: loose pages and JSON Lines files of records):
#  1. unreadable input (chmod 000): one error, counted as done; a rerun does not report it
#     again; once readable it is processed;
#  2. inputs deleted and truncated while the batch runs;
#  3. output disk full (a small tmpfs), then resumed on a larger disk;
#  4. read-only output folder (a read-only tmpfs);
#  5. SIGTERM and SIGINT: clean stop (exit 130), resumable;
#  6. kill -9 at random moments, CYCLES times, each followed by a consistency check of what
#     the ledger confirms (check_dataset.py), then a resume to the end.
# After every scenario the output is checked with check_dataset.py (whole JSON lines, no
# duplicates, SQLite = JSON Lines = CSV) and, where the inputs are intact, compared with an
# uninterrupted reference run: same documents, and documents.jsonl, entities.csv,
# indicators.csv and errors.jsonl byte-identical. Exit status: the number of failed checks.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-/tmp/vnx-batch-faults}
cycles=${CYCLES:-30}
if [ -z "${VNX:-}" ]; then swift build -c release --product vnx --package-path "$root" >/dev/null || exit 1; fi
vnx=${VNX:-$root/.build/release/vnx}
check="python3 $root/Tests/scripts/check_dataset.py"
mounts=()
cleanup() { for m in "${mounts[@]}"; do umount "$m" 2>/dev/null; done; }
trap cleanup EXIT
for m in "$work"/disk*; do umount "$m" 2>/dev/null; done
rm -rf "$work"
mkdir -p "$work"
failures=0
passed=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
ok() { echo "ok   $*"; passed=$((passed + 1)); }

corpus=$work/corpus
python3 "$root/Tests/scripts/make_corpus.py" "$corpus" --size 1500K --file-size 300K --pages 120 --seed 9 >/dev/null \
  || exit 1
echo "corpus: $(find "$corpus" -type f | wc -l) files, $(du -sk "$corpus" | cut -f1) KB"
batch() { "$vnx" batch "$@" --quiet; }
same_as_reference() {  # OUT: byte-identical text datasets and the same documents as the reference
  local out=$1 name
  for name in documents.jsonl entities.csv indicators.csv errors.jsonl; do
    cmp -s "$out/$name" "$work/reference/$name" || { echo "  $name differs from the reference"; return 1; }
  done
  $check "$out" --complete --reference "$work/reference" >/dev/null
}
ledger_lines() { [ -f "$1/done.jsonl" ] && wc -l < "$1/done.jsonl" || echo 0; }
wait_ledger() {  # OUT LINES PID: until the ledger has LINES lines or the process ends
  local deadline=$((SECONDS + 120))
  while kill -0 "$3" 2>/dev/null && [ "$(ledger_lines "$1")" -lt "$2" ] && [ $SECONDS -lt $deadline ]; do
    sleep 0.05
  done
}

# The reference: one uninterrupted run.
batch "$corpus" --out "$work/reference" --jobs 2 2> "$work/reference.log" || fail "reference run: $(cat "$work/reference.log")"
$check "$work/reference" --complete || fail "reference run inconsistent"
documents=$(wc -l < "$work/reference/documents.jsonl")
echo "reference: $(tail -1 "$work/reference.log")"

# 1. An unreadable input. Root reads anything: drop CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH.
unreadable=$(find "$corpus/pages" -type f | sort | sed -n 5p)
chmod 000 "$unreadable"
nodac() { capsh --drop=cap_dac_override,cap_dac_read_search -- -c "$(printf '%q ' "$@")"; }
out=$work/unreadable
nodac "$vnx" batch "$corpus" --out "$out" --jobs 2 --quiet 2> "$work/unreadable.log"
status=$?
if [ "$status" = 0 ] && grep -q "Permission denied" "$out/errors.jsonl" && grep -qF "$unreadable" "$out/errors.jsonl"; then
  ok "unreadable input: one error line, the batch goes on ($(tail -1 "$work/unreadable.log" | cut -c1-80))"
else
  fail "unreadable input: status $status, $(cat "$out/errors.jsonl" 2>/dev/null | head -3)"
fi
before=$(wc -l < "$out/errors.jsonl")
nodac "$vnx" batch "$corpus" --out "$out" --jobs 2 --quiet 2> "$work/unreadable2.log"
if [ "$(wc -l < "$out/errors.jsonl")" = "$before" ] && grep -q "^vnx batch: 0 documents, 0 errors" "$work/unreadable2.log"; then
  ok "unreadable input: a rerun skips it (done), no second error line"
else
  fail "unreadable input: rerun: $(cat "$work/unreadable2.log")"
fi
chmod 644 "$unreadable"
batch "$corpus" --out "$out" --jobs 2 2> "$work/unreadable3.log"
if grep -q "^vnx batch: 1 documents, 0 errors" "$work/unreadable3.log" && $check "$out" --complete >/dev/null \
  && [ "$(wc -l < "$out/documents.jsonl")" = "$documents" ]; then
  ok "unreadable input: once readable, a rerun processes it and only it"
else
  fail "unreadable input: after chmod 644: $(cat "$work/unreadable3.log")"
fi

# 2. Inputs deleted and truncated while the batch runs (on a copy of the corpus).
moving=$work/corpus-moving
cp -a "$corpus" "$moving"
out=$work/moving
"$vnx" batch "$moving" --out "$out" --jobs 1 --quiet 2> "$work/moving.log" &
pid=$!
wait_ledger "$out" 1 "$pid"
mapfile -t late < <(find "$moving/pages" -type f | sort | tail -40)
for file in "${late[@]:0:10}"; do rm -f "$file"; done
for file in "${late[@]:10:10}"; do truncate -s 200 "$file"; done
for file in "${late[@]:20:5}"; do : > "$file"; done
truncate -s 5000 "$(find "$moving" -name '*.jsonl' | sort | tail -1)"
wait "$pid"
status=$?
if [ "$status" = 0 ] && $check "$out" --complete >/dev/null; then
  ok "deleted and truncated while running: exit 0, consistent ($(tail -1 "$work/moving.log" | cut -c12-60))"
else
  fail "deleted and truncated while running: status $status: $(tail -2 "$work/moving.log")"
fi

# 3. Output disk full: a 1 MB tmpfs, then the folder moved to a larger disk and resumed.
out=$work/disk-full
mkdir -p "$out"
if mount -t tmpfs -o size=1m tmpfs "$out" 2>/dev/null; then
  mounts+=("$out")
  batch "$corpus" --out "$out" --jobs 2 2> "$work/full.log"
  status=$?
  if [ "$status" = 1 ] && grep -qiE "No space left on device|disk is full" "$work/full.log" && $check "$out" >/dev/null; then
    ok "disk full: exit 1, one clear error ($(grep -m1 'vnx batch:' "$work/full.log" | cut -c1-90)), confirmed part consistent"
  else
    fail "disk full: status $status: $(cat "$work/full.log")"
  fi
  cp -a "$out" "$work/disk-full-moved"
  umount "$out"
  batch "$corpus" --out "$work/disk-full-moved" --jobs 2 2> "$work/full2.log"
  if same_as_reference "$work/disk-full-moved"; then
    ok "disk full: resumed on a larger disk, byte-identical to the reference"
  else
    fail "disk full: resume differs: $(cat "$work/full2.log")"
  fi
else
  echo "skip disk full: cannot mount a tmpfs here (not root?)"
fi

# 4. Read-only output: a fresh folder, and a half-done folder, on a read-only tmpfs.
out=$work/disk-readonly
mkdir -p "$out"
if mount -t tmpfs -o size=64m tmpfs "$out" 2>/dev/null; then
  mounts+=("$out")
  mount -o remount,ro "$out"
  batch "$corpus" --out "$out/new" --jobs 2 2> "$work/ro.log"
  status=$?
  if [ "$status" = 1 ] && [ "$(wc -l < "$work/ro.log")" = 1 ] && grep -qiE "read-only|read only" "$work/ro.log"; then
    ok "read-only output: exit 1, one clear error ($(cut -c1-90 "$work/ro.log"))"
  else
    fail "read-only output: status $status: $(cat "$work/ro.log")"
  fi
  mount -o remount,rw "$out"
  "$vnx" batch "$corpus" --out "$out/half" --jobs 1 --quiet 2>/dev/null &
  pid=$!
  wait_ledger "$out/half" 2 "$pid"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  mount -o remount,ro "$out"
  batch "$corpus" --out "$out/half" --jobs 2 2> "$work/ro2.log"
  status=$?
  if [ "$status" = 1 ] && grep -qiE "read-only|read only|readonly" "$work/ro2.log" && $check "$out/half" >/dev/null; then
    ok "read-only output of a killed run: exit 1, one clear error, nothing damaged"
  else
    fail "read-only output of a killed run: status $status: $(cat "$work/ro2.log")"
  fi
  mount -o remount,rw "$out"
  batch "$corpus" --out "$out/half" --jobs 2 2>/dev/null
  same_as_reference "$out/half" && ok "read-only output: resumed once writable, byte-identical" \
    || fail "read-only output: resume differs"
else
  echo "skip read-only output: cannot mount a tmpfs here (not root?)"
fi

# 5. SIGTERM and SIGINT: a clean stop with exit 130, then a resume.
for signal in TERM INT; do
  out=$work/signal-$signal
  "$vnx" batch "$corpus" --out "$out" --jobs 2 --quiet 2> "$work/signal-$signal.log" &
  pid=$!
  # The ledger file exists once the output is open (signal handlers are in place before);
  # half a second later the batch is busy, before its first commit (every 2 s or 512 documents).
  while kill -0 "$pid" 2>/dev/null && [ ! -e "$out/done.jsonl" ]; do sleep 0.02; done
  sleep 0.5
  running=0
  kill -0 "$pid" 2>/dev/null && running=1
  kill -s "$signal" "$pid"
  wait "$pid"
  status=$?
  if { [ "$running" = 1 ] && [ "$status" = 130 ] && grep -q "interrupted; rerun" "$work/signal-$signal.log"; } \
    || { [ "$running" = 0 ] && [ "$status" = 0 ]; }; then
    if $check "$out" --complete >/dev/null; then
      ok "SIG$signal: clean stop (exit $status), outputs complete up to the ledger"
    else
      fail "SIG$signal: outputs not complete after a clean stop"
    fi
  else
    fail "SIG$signal: status $status: $(cat "$work/signal-$signal.log")"
  fi
  batch "$corpus" --out "$out" --jobs 2 2>/dev/null
  same_as_reference "$out" && ok "SIG$signal: resumed, byte-identical to the reference" || fail "SIG$signal: resume differs"
done

# 6. kill -9 at random moments, CYCLES times, each followed by a check; then a resume.
out=$work/killed
RANDOM=20261129
killed=0
for ((cycle = 1; cycle <= cycles; cycle++)); do
  jobs=$((RANDOM % 2 + 1))
  "$vnx" batch "$corpus" --out "$out" --jobs "$jobs" --quiet 2>/dev/null &
  pid=$!
  # A random moment: 0–2.5 s after the start (startup, mid-batch, mid-commit, finishing).
  sleep "$(awk -v r=$RANDOM 'BEGIN { printf "%.3f", r % 2500 / 1000 }')"
  if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
  wait "$pid" 2>/dev/null
  $check "$out" > "$work/kill-check.log" || { fail "kill -9 cycle $cycle: $(cat "$work/kill-check.log")"; break; }
  if [ -f "$out/done.jsonl" ] && [ "$(python3 -c "import json,sys; print(sum(1 for _ in open('$out/documents.jsonl')))" 2>/dev/null || echo 0)" -ge "$documents" ] \
    && $check "$out" --complete >/dev/null 2>&1; then
    # Finished before the kill: start again from nothing so that every cycle can be killed.
    same_as_reference "$out" || fail "kill -9 cycle $cycle: a finished run differs from the reference"
    rm -rf "$out"
  fi
done
batch "$corpus" --out "$out" --jobs 2 2> "$work/killed.log"
if same_as_reference "$out"; then
  ok "kill -9: $cycles cycles ($killed killed while running), each consistent; resumed byte-identical to the reference"
else
  fail "kill -9: resume after $cycles cycles differs: $(cat "$work/killed.log")"
fi

echo "batch faults: $passed passed, $failures failed; $cycles kill -9 cycles; reference $documents documents"
exit "$failures"
