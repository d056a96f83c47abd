#!/usr/bin/env bash
# Normalization throughput: `vnx normalize` next to `uconv -x any-nfc` on the same file.
# Usage: Tests/scripts/bench_normalize.sh [MEGABYTES=64] [RUNS=5]
# Builds a corpus of at least MEGABYTES from the bundled corpus (and ../shared/samples when
# present) in three forms: NFC, NFD, and NFC with the other tone style. Prints MB/s (median
# of RUNS, in CPU time) and the ratio against uconv.
set -euo pipefail
cd "$(dirname "$0")/../.."
size_mb=${1:-64}
runs=${2:-5}
command -v uconv >/dev/null || { apt-get install -y -qq icu-devtools >/dev/null; }
swift build -c release --product vnx >/dev/null
vnx=.build/release/vnx
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Seed text: every UTF-8 article we have, normalized once.
{ find corpus ../shared/samples -name '*.txt' 2>/dev/null || true; } | sort | while read -r f; do
  "$vnx" normalize "$f" 2>/dev/null || true
done >"$work/seed.txt"
[ -s "$work/seed.txt" ] || { echo "no seed text found" >&2; exit 1; }
while [ "$(stat -c %s "$work/seed.txt")" -lt $((size_mb * 1024 * 1024)) ]; do
  cat "$work/seed.txt" "$work/seed.txt" >"$work/grow.txt" && mv "$work/grow.txt" "$work/seed.txt"
done
cp "$work/seed.txt" "$work/nfc.txt"
uconv -x any-nfd "$work/nfc.txt" >"$work/nfd.txt"
"$vnx" normalize --tone-style new "$work/nfc.txt" >"$work/newtone.txt"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
seconds() { # command... → median CPU seconds (user + sys) over $runs runs; CPU time, not
  # wall time, so that other load on a shared machine does not count against either tool.
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%U %S" -o "$work/time" "$@" >/dev/null
    awk '{print $1 + $2}' "$work/time"
  done | median
}

printf '%-10s %10s %12s %12s %8s\n' form MB "vnx MB/s" "uconv MB/s" ratio
for form in nfc nfd newtone; do
  file="$work/$form.txt"
  mb=$(echo "$(stat -c %s "$file") / 1048576" | bc -l)
  ours=$(seconds "$vnx" normalize "$file")
  theirs=$(seconds uconv -x any-nfc "$file")
  printf '%-10s %10.1f %12.1f %12.1f %7.1fx\n' "$form" "$mb" \
    "$(echo "$mb / $ours" | bc -l)" "$(echo "$mb / $theirs" | bc -l)" "$(echo "$theirs / $ours" | bc -l)"
done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(date -u +%F)"
