#!/bin/sh
# Throughput of `vnx article` (release build) on text dumps and HTML pages.
# Usage: Tests/scripts/bench-article.sh [copies]   (default 60 copies of each page)
# Text inputs: ../shared/samples/*.txt (when present) and corpus/pages/*.txt;
# HTML inputs: corpus/pages/*.html. Each page is copied N times into a temporary folder and
# all copies go through one `vnx article` process; prints documents/s and MB/s per form.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
copies=${1:-60}
cd "$root"
[ -n "${VNX_NO_BUILD:-}" ] || swift build -c release --product vnx >/dev/null
vnx="$root/.build/release/vnx"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/text" "$work/html"
for n in $(seq 1 "$copies"); do
  for f in ../shared/samples/*.txt corpus/pages/*.txt; do
    [ -f "$f" ] && cp "$f" "$work/text/$n-$(basename "$f")"
  done
  for f in corpus/pages/*.html; do cp "$f" "$work/html/$n-$(basename "$f")"; done
done
# Figures per wall-clock second and per CPU second (user + system): on a shared, loaded
# machine the second is the one to compare.
for form in text html; do
  files=$(ls "$work/$form" | wc -l)
  bytes=$(cat "$work/$form"/* | wc -c)
  /usr/bin/time -f "%e %U %S" -o "$work/time" "$vnx" article "$work/$form"/* >/dev/null
  read -r wall user system < "$work/time"
  echo "$form $files $bytes $wall $user $system" | awk '{ cpu = $5 + $6; printf "%s: %d documents, %.2f MB: %.2f s wall (%.0f documents/s, %.2f MB/s), %.2f s CPU (%.0f documents/s, %.2f MB/s)\n", $1, $2, $3 / 1e6, $4, $2 / $4, $3 / 1e6 / $4, cpu, $2 / cpu, $3 / 1e6 / cpu }'
done
