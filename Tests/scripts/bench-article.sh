#!/bin/sh
# Throughput of `vnx article` (release build) on text dumps, HTML pages and JSON Lines records.
# Usage: Tests/scripts/bench-article.sh [copies] [runs]   (default 60 copies, 5 runs)
# Text inputs: ../shared/samples/*.txt (when present), corpus/pages/*.txt, corpus/articles/*.txt;
# HTML inputs: corpus/pages/*.html, corpus/articles/*.html; JSON Lines: every one of those pages
# as a {"url", "text"|"html"} record, one file. Each page is copied N times into a temporary
# folder and all copies go through one `vnx article` process (decode + normalize + article +
# JSON output). Prints documents/s and MB/s per CPU second (user + system, the figure to
# compare on a shared machine) and per wall-clock second, medians of the runs.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
copies=${1:-60}
runs=${2:-5}
cd "$root"
[ -n "${VNX_NO_BUILD:-}" ] || swift build -c release --product vnx >/dev/null
vnx=${VNX:-$root/.build/release/vnx}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/text" "$work/html" "$work/jsonl"
for n in $(seq 1 "$copies"); do
  for f in ../shared/samples/*.txt corpus/pages/*.txt corpus/articles/*.txt; do
    [ -f "$f" ] && cp "$f" "$work/text/$n-$(basename "$f")"
  done
  for f in corpus/pages/*.html corpus/articles/*.html; do
    [ -f "$f" ] && cp "$f" "$work/html/$n-$(basename "$f")"
  done
done
python3 - "$work" <<'EOF'
import json, os, sys
work = sys.argv[1]
with open(os.path.join(work, "jsonl", "records.jsonl"), "w") as out:
    for form in ("text", "html"):
        folder = os.path.join(work, form)
        for name in sorted(os.listdir(folder)):
            with open(os.path.join(folder, name), "rb") as f:
                body = f.read().decode("utf-8", "replace")
            out.write(json.dumps({"url": "https://example.vn/" + name, form: body}, ensure_ascii=False) + "\n")
EOF
echo "vnx article, $runs runs, medians (CPU = user + system):"
for form in text html jsonl; do
  documents=$( [ "$form" = jsonl ] && wc -l < "$work/jsonl/records.jsonl" || ls "$work/$form" | wc -l)
  bytes=$(cat "$work/$form"/* | wc -c)
  : > "$work/times"
  for run in $(seq 1 "$runs"); do
    /usr/bin/time -f "%e %U %S" -o "$work/time" "$vnx" article "$work/$form"/* >/dev/null
    awk '{ print $1, $2 + $3 }' "$work/time" >> "$work/times"
  done
  wall=$(cut -d' ' -f1 "$work/times" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  cpu=$(cut -d' ' -f2 "$work/times" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  echo "$form $documents $bytes $cpu $wall" | awk '{
    printf "%-5s: %5d documents, %6.2f MB: %5.2f s CPU (%6.0f documents/s, %6.2f MB/s); %5.2f s wall (%6.0f documents/s, %6.2f MB/s)\n",
      $1, $2, $3 / 1e6, $4, $2 / $4, $3 / 1e6 / $4, $5, $2 / $5, $3 / 1e6 / $5 }'
done
