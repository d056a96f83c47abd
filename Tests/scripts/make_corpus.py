#!/usr/bin/env python3
"""Generates a large corpus of scraped records for benchmarks and the Spark recipe.

    python3 Tests/scripts/make_corpus.py OUT_DIR [--size 1G] [--file-size 64M] [--seed 7] [--pages N]

Takes the articles of corpus/articles (text dumps and HTML pages, UTF-8 or UTF-16) and writes
them over and over as JSON Lines files of {"url", "text"|"html"} records (OUT_DIR/part-00000.jsonl, ...)
until SIZE bytes are written. Every copy is varied so that no two records are equal (different
content hashes, realistic work for the pipeline): each number is replaced by another with the same
number of digits, some paragraphs are dropped or swapped, and the URL is unique. With --pages N,
the first N records are also written as loose .txt/.html files in OUT_DIR/pages/ (the other
input forms of vnx batch).
"""
import argparse
import json
import os
import random
import re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def size(text):
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    text = text.upper()
    return int(float(text[:-1]) * units[text[-1]]) if text[-1] in units else int(text)


def load_articles():
    folder = os.path.join(ROOT, "corpus", "articles")
    articles = []
    for name in sorted(os.listdir(folder)):
        if not (name.endswith(".txt") or name.endswith(".html")):
            continue
        data = open(os.path.join(folder, name), "rb").read()
        if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
            text = data.decode("utf-16")
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                continue  # legacy encodings: not valid in a JSON record as they are
        articles.append((name, "html" if name.endswith(".html") else "text", text))
    return articles


NUMBER = re.compile(r"\d+")


def vary(text, kind, rng):
    def number(match):
        digits = match.group(0)
        first = str(rng.randint(1, 9)) if digits[0] != "0" else "0"
        return first + "".join(str(rng.randint(0, 9)) for _ in digits[1:])

    text = NUMBER.sub(number, text)
    if kind == "text":
        lines = text.split("\n")
        body = [i for i, line in enumerate(lines) if len(line) > 120]
        if len(body) > 3:
            if rng.random() < 0.5:
                del lines[rng.choice(body[1:])]
            else:
                a, b = rng.sample(body[1:], 2)
                lines[a], lines[b] = lines[b], lines[a]
        text = "\n".join(lines)
    return text


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--size", default="1G")
    parser.add_argument("--file-size", default="64M")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--pages", type=int, default=0)
    args = parser.parse_args()
    total, per_file = size(args.size), size(args.file_size)
    rng = random.Random(args.seed)
    articles = load_articles()
    os.makedirs(args.out, exist_ok=True)
    if args.pages:
        os.makedirs(os.path.join(args.out, "pages"), exist_ok=True)
    written = records = part = 0
    handle = None
    while written < total:
        if handle is None or handle.tell() >= per_file:
            if handle:
                handle.close()
            handle = open(os.path.join(args.out, f"part-{part:05d}.jsonl"), "w", encoding="utf-8")
            part += 1
        name, kind, text = articles[records % len(articles)]
        body = vary(text, kind, rng)
        stem = name.rsplit(".", 1)[0]
        record = {"url": f"https://example.vn/{stem}/{records}", kind: body}
        line = json.dumps(record, ensure_ascii=False) + "\n"
        handle.write(line)
        written += len(line.encode("utf-8"))
        if records < args.pages:
            extension = "html" if kind == "html" else "txt"
            with open(os.path.join(args.out, "pages", f"{records:06d}-{stem}.{extension}"), "w", encoding="utf-8") as page:
                page.write(body)
        records += 1
    if handle:
        handle.close()
    print(f"{records} records, {written} bytes in {part} files under {args.out}")


if __name__ == "__main__":
    main()
