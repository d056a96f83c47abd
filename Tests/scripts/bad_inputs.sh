#!/usr/bin/env bash
# The bad-input suite (not part of `swift test`: it writes ~350 MB and takes a few minutes).
#
#   Tests/scripts/bad_inputs.sh [WORKDIR]            # all inputs, incl. 100 MB and 60 MB lines
#   SMALL=1 Tests/scripts/bad_inputs.sh              # without the largest files (~20 s)
#   VNX=.build/release/vnx SECONDS_LIMIT=60 MEMORY_MB=1024 Tests/scripts/bad_inputs.sh
#
# Generates hostile and broken inputs with make_bad_inputs.py (invalid UTF-8 of every kind,
# mixed encodings, NUL bytes, binary files, empty files, a 100 MB line, HTML nested 100,000
# deep, unterminated markup, 10,000-digit numbers, 1 MB of one syllable, broken JSON Lines…),
# then runs each through `vnx extract`, and the whole folder through `vnx batch --jobs 2`,
# each run under a time bound (CPU seconds, ulimit -t SECONDS_LIMIT, default 60 s; wall clock
# ten times that) and a memory bound (peak RSS from /usr/bin/time -f %M, MEMORY_MB, default
# 1024 MB). A run passes when it
# ends by itself (no signal, no timeout), within the memory bound, with either documents
# (valid vnx.document/1 JSON, exit 0) or clear errors (exit 1, every stderr line
# "vnx extract: FILE…: message", one line for a file that is not JSON Lines). The batch must
# account for every input (a document or an errors.jsonl line each), agree with SQLite, and
# skip everything on a rerun. Exit status: the number of failed checks (0 = all passed).
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-/tmp/vnx-bad-inputs}
limit=${SECONDS_LIMIT:-60}
memory=${MEMORY_MB:-1024}
if [ -z "${VNX:-}" ]; then swift build -c release --product vnx --package-path "$root" >/dev/null || exit 1; fi
vnx=${VNX:-$root/.build/release/vnx}
inputs=$work/inputs
rm -rf "$work"
mkdir -p "$work/runs"
python3 "$root/Tests/scripts/make_bad_inputs.py" "$inputs" ${SMALL:+--small} > "$work/inputs.tsv" || exit 1
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }

# Runs "$@" under the bounds: CPU time (ulimit -t, so that a loaded machine does not fail a
# run), a generous wall-clock timeout, and peak RSS; sets status, seconds (CPU), rss (MB).
bounded() {
  local name=$1; shift
  ( ulimit -t "$limit"; exec timeout -s KILL "$((limit * 10))" /usr/bin/time -f '%M %U %S' \
      -o "$work/runs/$name.rss" "$@" ) > "$work/runs/$name.out" 2> "$work/runs/$name.err"
  status=$?
  local line
  line=$(grep -E '^[0-9]+ [0-9.]+ [0-9.]+$' "$work/runs/$name.rss" 2>/dev/null | tail -1)
  rss=$(( ${line%% *} / 1024 ))
  seconds=$(awk '{ printf "%.1f", $2 + $3 }' <<<"${line:-0 0 0}")
  if [ "$status" -ge 124 ] || grep -q 'terminated by signal' "$work/runs/$name.rss" 2>/dev/null; then
    fail "$name: killed or timed out (status $status, $seconds s CPU): $(head -c 300 "$work/runs/$name.err")"
    return 1
  fi
  if [ "$rss" -gt "$memory" ]; then fail "$name: peak RSS $rss MB above $memory MB"; return 1; fi
  return 0
}

count=0
documents=0
errors=0
max_rss=0
max_seconds=0
printf '%-34s %10s %6s %7s %6s  %s\n' input bytes status CPU-s MB result
while IFS=$'\t' read -r name bytes; do
  count=$((count + 1))
  bounded "$name" "$vnx" extract "$inputs/$name" || continue
  [ "$rss" -gt "$max_rss" ] && max_rss=$rss
  max_seconds=$(awk -v a="$max_seconds" -v b="$seconds" 'BEGIN { print (b > a) ? b : a }')
  out=$work/runs/$name.out
  err=$work/runs/$name.err
  lines=$(wc -l < "$out")
  errlines=$(wc -l < "$err")
  result="$lines documents, $errlines errors"
  case $status in
    0|1) ;;
    *) fail "$name: exit status $status"; continue ;;
  esac
  if [ "$status" = 0 ] && [ "$lines" = 0 ]; then fail "$name: exit 0 without a document"; continue; fi
  if [ "$status" = 1 ] && [ "$errlines" = 0 ]; then fail "$name: exit 1 without an error line"; continue; fi
  if grep -qvE "^vnx extract: $inputs/$name(#line [0-9]+)?: .+" "$err"; then
    fail "$name: unclear error output: $(head -c 300 "$err")"
    continue
  fi
  if [[ $name != *.jsonl ]] && [ "$errlines" -gt 1 ]; then fail "$name: $errlines error lines for one file"; continue; fi
  if ! python3 - "$out" <<'EOF'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    document = json.loads(line)
    assert document["schema"] == "vnx.document/1", document.get("schema")
EOF
  then fail "$name: output is not vnx.document/1 JSON Lines"; continue; fi
  documents=$((documents + lines))
  errors=$((errors + errlines))
  [ "$status" = 1 ] && result="$result: $(head -1 "$err" | sed -E "s|^vnx extract: $inputs/||" | cut -c1-70)"
  printf '%-34s %10d %6d %7s %6d  %s\n' "$name" "$bytes" "$status" "$seconds" "$rss" "$result"
done < "$work/inputs.tsv"
echo "vnx extract: $count inputs, $documents documents, $errors error lines; slowest $max_seconds s CPU, peak RSS $max_rss MB (bounds: $limit s CPU, $memory MB)"

# The whole folder through vnx batch: every input accounted for, SQLite = JSON Lines, rerun skips all.
out=$work/batch
if bounded batch "$vnx" batch "$inputs" --out "$out" --jobs 2 --quiet; then
  [ "$status" = 0 ] || fail "batch: exit status $status: $(cat "$work/runs/batch.err")"
  echo "$(cat "$work/runs/batch.err") (peak RSS $rss MB, $seconds s CPU)"
  python3 - "$inputs" "$out" <<'EOF' || fail "batch: outputs do not account for every input"
import hashlib, json, os, sqlite3, sys
inputs, out = sys.argv[1], sys.argv[2]
names = {os.path.join(inputs, n) for n in os.listdir(inputs)}
documents = [json.loads(l) for l in open(os.path.join(out, "documents.jsonl"), encoding="utf-8")]
errors = [json.loads(l) for l in open(os.path.join(out, "errors.jsonl"), encoding="utf-8")]
seen = {d["source"]["path"].split("#line ")[0] for d in documents} | {e["path"].split("#line ")[0] for e in errors}
hashes = {d["source"]["sha256"] for d in documents} | {e.get("sha256") for e in errors}
# An input with the same bytes as another (empty.txt, empty.html) is done once, by content hash.
missing = {n for n in names - seen if hashlib.sha256(open(n, "rb").read()).hexdigest() not in hashes}
assert not missing, f"inputs with neither a document nor an error: {sorted(missing)}"
ids = [d["source"]["sha256"] for d in documents]
assert len(ids) == len(set(ids)), "duplicate documents"
database = sqlite3.connect(os.path.join(out, "vnx.sqlite"))
rows = {r[0] for r in database.execute("SELECT id FROM documents")}
assert rows == set(ids), f"SQLite has {len(rows)} documents, documents.jsonl {len(ids)}"
print(f"vnx batch: {len(names)} files -> {len(documents)} documents + {len(errors)} errors; SQLite agrees")
EOF
fi
if bounded batch-rerun "$vnx" batch "$inputs" --out "$out" --jobs 2 --quiet; then
  grep -q "^vnx batch: 0 documents, 0 errors" "$work/runs/batch-rerun.err" \
    || fail "batch rerun did new work: $(cat "$work/runs/batch-rerun.err")"
fi
echo "bad inputs: $count files; $failures failed checks"
exit "$failures"
