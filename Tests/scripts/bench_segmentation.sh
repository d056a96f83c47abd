#!/usr/bin/env bash
# Segmentation speed: sentences + tokens + words with vnx (release build, one core), and
# underthesea's word_tokenize on the same text in the same run, with the ratio.
#
# Text: the sample articles in ../shared/samples (or the files given), decoded and normalized
# once; vnx repeats them until MEGABYTES (default 20) were segmented and reports MB per second
# of CPU time (and of wall-clock time). underthesea segments the same text once per sentence
# line (its word_tokenize has no sentence splitter of its own worth timing here).
#
# usage: Tests/scripts/bench_segmentation.sh [FILE...]     (from the package root)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="${VNX_PEERS_VENV:-$root/.build/peers-venv}"
megabytes="${MEGABYTES:-20}"
if [ $# -eq 0 ]; then set -- "$root"/../shared/samples/*.txt; fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check underthesea==9.5.0 pyvi
fi
(cd "$root" && swift build -c release --product vnx >/dev/null)
vnx="$root/.build/release/vnx"

echo "vnx (sentences + tokens + words):"
vnx_line="$("$vnx" tokenize --benchmark "$megabytes" "$@")"
echo "  $vnx_line"
echo "vnx (sentences + tokens only):"
echo "  $("$vnx" tokenize --benchmark "$megabytes" --no-words "$@")"

# The same normalized text, one line per vnx sentence, for underthesea.
"$vnx" tokenize --no-words --json "$@" | python3 -c '
import json, sys
for line in sys.stdin:
    print(json.loads(line)["text"].replace("\n", " "))' > "$work/sentences.txt"
peer_line="$("$venv/bin/python" - "$work/sentences.txt" <<'PY'
import sys, time
from underthesea import word_tokenize
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
size = sum(len(l.encode("utf-8")) + 1 for l in lines)
word_tokenize("khởi động")  # load the model outside the timing
cpu, wall = time.process_time(), time.perf_counter()
for line in lines:
    word_tokenize(line)
cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
print(f"{size / 1e6:.2f} MB: {size / 1e6 / cpu:.3f} MB/s of CPU time ({cpu:.2f} s), "
      f"{size / 1e6 / wall:.3f} MB/s wall clock ({wall:.2f} s)")
PY
)"
echo "underthesea word_tokenize:"
echo "  $peer_line"
python3 - "$vnx_line" "$peer_line" <<'PY'
import re, sys
vnx = float(re.search(r"([0-9.]+) MB/s of CPU", sys.argv[1]).group(1))
peer = float(re.search(r"([0-9.]+) MB/s of CPU", sys.argv[2]).group(1))
print(f"ratio (CPU time): vnx is {vnx / peer:.0f}x faster than underthesea word_tokenize")
PY
