#!/usr/bin/env bash
# Word segmentation F1 of vnx, underthesea and pyvi side by side on the UD Vietnamese VTB dev
# split, all scored by Tests/scripts/wordseg_score.py (word-boundary P/R/F1 over syllable spans).
#
# The peers are installed from PyPI into a virtual environment (created on first use):
#   underthesea 9.5.0 (word_tokenize, format="text") and pyvi (ViTokenizer.tokenize).
# vnx is scored with the model it ships, or with MODEL=path (e.g. one trained on train only):
#   MODEL=/tmp/train-only.model Tests/scripts/compare_wordseg.sh
#
# usage: Tests/scripts/compare_wordseg.sh [DEV.conllu]     (from the package root)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dev="${1:-$root/../shared/data/ud-vi-vtb/vi_vtb-ud-dev.conllu}"
venv="${VNX_PEERS_VENV:-$root/.build/peers-venv}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check underthesea==9.5.0 pyvi
fi

# The sentences as raw text: the words joined by single spaces (the CoNLL-U "# text" line).
grep '^# text' "$dev" | sed -E 's/^# text ?= ?//' > "$work/dev.txt"

(cd "$root" && swift build -c release --product vnx >/dev/null)
vnx=("$root/.build/release/vnx" tokenize --lines)
if [ -n "${MODEL:-}" ]; then
  lexicons="$work/lexicons"
  mkdir -p "$lexicons/segmentation"
  cp "$root/lexicons/README.md" "$lexicons/"
  cp "$root/lexicons/segmentation/abbreviations.txt" "$lexicons/segmentation/"
  cp "$MODEL" "$lexicons/segmentation/wordseg.model"
  export VNX_LEXICONS="$lexicons"
fi
"${vnx[@]}" "$work/dev.txt" > "$work/vnx.txt"

"$venv/bin/python" - "$work/dev.txt" "$work" <<'PY'
import sys, time
from underthesea import word_tokenize
from pyvi import ViTokenizer
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
for name, segment in [
    ("underthesea", lambda s: word_tokenize(s, format="text")),
    ("pyvi", ViTokenizer.tokenize),
]:
    with open(f"{sys.argv[2]}/{name}.txt", "w", encoding="utf-8") as out:
        for line in lines:
            out.write(" ".join(segment(line).split()) + "\n")
PY

printf '%-12s %s\n' "segmenter" "word-boundary score on $(basename "$dev") ($(wc -l < "$work/dev.txt") sentences)"
for name in vnx underthesea pyvi; do
  printf '%-12s %s\n' "$name" "$(python3 "$root/Tests/scripts/wordseg_score.py" "$dev" "$work/$name.txt")"
done
