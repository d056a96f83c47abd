#!/usr/bin/env bash
# Decoding benchmark (not a timed test): detection + decoding throughput of `vnx` on ~30-40 MB
# files built by repeating the encoded corpus (corpus/encodings) 4,096 times per form.
# Usage: bash Tests/scripts/bench_decoding.sh   (from the package root; builds release)
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product vnx >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for form in nfc tcvn3 vni cp1258 viqr utf16le; do
  out="$work/big.$form.txt"
  for f in corpus/encodings/*."$form".txt; do
    # UTF-16: drop every BOM, then write one in front, so the repetition is one UTF-16 text.
    if [ "$form" = utf16le ]; then tail -c +3 "$f"; else cat "$f"; fi
  done > "$out.part"
  for _ in $(seq 1 12); do cat "$out.part" "$out.part" > "$out.tmp" && mv "$out.tmp" "$out.part"; done
  if [ "$form" = utf16le ]; then printf '\xff\xfe' > "$out"; else : > "$out"; fi
  cat "$out.part" >> "$out" && rm "$out.part"
done
.build/release/vnx encode --detect "$work"/big.*.txt
