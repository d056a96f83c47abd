#!/usr/bin/env bash
# 5-fold cross-validation of the word segmenter on the UD Vietnamese VTB train split, with
# contiguous folds (neighbouring sentences, mostly of one article, stay in one fold, as new
# articles would), then the dev score of a model trained on all of train. Extra arguments go to
# `vnx train-segmenter` (default: the options of the shipped model).
#
# usage: Tests/scripts/cv_wordseg.sh [train-segmenter options...]     (from the package root)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="$root/../shared/data/ud-vi-vtb"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
options=("$@")
[ ${#options[@]} -gt 0 ] || options=(--words "$root/lexicons/segmentation/words.txt" --epochs 20 --runs 5)

(cd "$root" && swift build -c release --product vnx >/dev/null)
vnx="$root/.build/release/vnx"

python3 - "$data/vi_vtb-ud-train.conllu" "$work" <<'PY'
import sys
sentences = open(sys.argv[1], encoding="utf-8").read().strip().split("\n\n")
n, k = len(sentences), 5
for fold in range(k):
    low, high = n * fold // k, n * (fold + 1) // k
    with open(f"{sys.argv[2]}/test{fold}.conllu", "w", encoding="utf-8") as out:
        out.write("\n\n".join(sentences[low:high]) + "\n\n")
    with open(f"{sys.argv[2]}/train{fold}.conllu", "w", encoding="utf-8") as out:
        out.write("\n\n".join(sentences[:low] + sentences[high:]) + "\n\n")
PY

f1() { sed -E 's/.*F1 ([0-9.]+).*/\1/'; }
scores=()
for fold in 0 1 2 3 4; do
  "$vnx" train-segmenter --train "$work/train$fold.conllu" "${options[@]}" \
    --output "$work/fold$fold.model" >/dev/null
  scores+=("$("$vnx" train-segmenter --model "$work/fold$fold.model" \
    --dev "$work/test$fold.conllu" | f1)")
done
"$vnx" train-segmenter --train "$data/vi_vtb-ud-train.conllu" "${options[@]}" \
  --output "$work/train.model" >/dev/null
dev="$("$vnx" train-segmenter --model "$work/train.model" --dev "$data/vi_vtb-ud-dev.conllu" | f1)"
mean="$(printf '%s\n' "${scores[@]}" | awk '{ s += $1 } END { printf "%.4f", s / NR }')"
echo "folds ${scores[*]}  CV F1 $mean  dev F1 $dev"
