#!/usr/bin/env python3
"""Word-boundary P/R/F1 over syllable spans, the same scorer for every segmenter.

Gold: a CoNLL-U file whose FORM holds one word (syllables separated by spaces).
Prediction: one line per gold sentence, words separated by spaces, syllables of a word
joined by "_" (vnx tokenize --lines, pyvi, underthesea format="text").
A predicted word is correct when a gold word covers exactly the same characters
(spans counted over non-blank characters, so tokenization differences count as errors).

usage: wordseg_score.py GOLD.conllu PREDICTED.txt [--errors N]
"""
import sys


def read_conllu(path):
    sentences, words = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            if words:
                sentences.append(words)
            words = []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        words.append(cols[1].split())
    if words:
        sentences.append(words)
    return sentences


def spans(words):
    """Character spans (over non-blank characters) of words given as syllable lists."""
    out, offset = [], 0
    for syllables in words:
        length = sum(len(s) for s in syllables)
        out.append((offset, offset + length))
        offset += length
    return out


def predicted_words(line):
    return [w.replace("_", " ").split() for w in line.split()]


def score(gold_sentences, predicted_lines):
    gold_n = pred_n = correct = 0
    errors = []
    for gold, line in zip(gold_sentences, predicted_lines):
        pred = predicted_words(line)
        g, p = set(spans(gold)), set(spans(pred))
        gold_n += len(g)
        pred_n += len(p)
        correct += len(g & p)
        if g != p:
            errors.append((gold, pred))
    precision = correct / pred_n if pred_n else 0.0
    recall = correct / gold_n if gold_n else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, gold_n, pred_n, correct, errors


def main():
    gold = read_conllu(sys.argv[1])
    lines = open(sys.argv[2], encoding="utf-8").read().split("\n")
    if len(lines) > len(gold) and lines[-1] == "":
        lines = lines[:-1]
    if len(lines) != len(gold):
        sys.exit(f"{sys.argv[2]}: {len(lines)} lines for {len(gold)} gold sentences")
    p, r, f, g, n, c, errors = score(gold, lines)
    print(f"P {p:.4f} R {r:.4f} F1 {f:.4f} (gold {g}, predicted {n}, correct {c})")
    if "--errors" in sys.argv:
        limit = int(sys.argv[sys.argv.index("--errors") + 1])
        for gold_words, pred in errors[:limit]:
            gs, ps = set(spans(gold_words)), set(spans(pred))
            missing = [" ".join(w) for w, s in zip(gold_words, spans(gold_words)) if s not in ps]
            extra = ["_".join(w) for w, s in zip(pred, spans(pred)) if s not in gs]
            print("gold-only:", " | ".join(missing), "   predicted-only:", " | ".join(extra))


if __name__ == "__main__":
    main()
