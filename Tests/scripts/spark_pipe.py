#!/usr/bin/env python3
"""Runs vnx on Apache Spark: PySpark RDD.pipe over `vnx extract --jsonl`, in local mode.

Recipe (Java 17+; PySpark from PyPI):

    python3 -m venv /tmp/spark && /tmp/spark/bin/pip install pyspark
    swift build -c release
    /tmp/spark/bin/python Tests/scripts/spark_pipe.py scraped/ --out spark-out \\
        --vnx .build/release/vnx --master 'local[2]' --check batch-out

INPUT... are JSON Lines files of scraped {"url", "html"|"text"} records, or folders of them
(*.jsonl, *.ndjson, walked like `vnx batch` does). Each record line goes through vnx unchanged;
vnx answers one line per record, in order, so results are zipped back to their file and line.
Writes OUT/documents.jsonl and OUT/errors.jsonl in the order and with the paths of
`vnx batch` (a repeated record is kept once, at its first place). With --check BATCH_OUT, compares
them with the documents.jsonl and errors.jsonl of `vnx batch INPUT... --out BATCH_OUT`
(as JSON values) and exits 1 when they differ.

On a cluster, ship the vnx binary and lexicons/ to every node (e.g. --files, or a shared
path) and point --vnx at it; nothing else changes.
"""
import argparse
import json
import os
import shlex
import sys


def input_files(arguments):
    """The JSON Lines files named, in the order `vnx batch` reads them."""
    files = []
    for argument in arguments:
        if os.path.isdir(argument):
            found = []
            for root, folders, names in os.walk(argument):
                folders[:] = [f for f in folders if not f.startswith(".")]
                for name in names:
                    if not name.startswith(".") and name.lower().endswith((".jsonl", ".ndjson")):
                        found.append(os.path.join(root, name))
            files += sorted(found, key=lambda p: p.encode("utf-8"))
        elif os.path.isfile(argument):
            files.append(argument)
        else:
            sys.exit(f"spark_pipe.py: {argument}: no such file or folder")
    return files


def dumps(value):
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def run(args):
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master(args.master).appName("vnx extract --jsonl")
        .config("spark.ui.enabled", "false").getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    context = spark.sparkContext
    files = input_files(args.inputs)
    command = [os.path.abspath(args.vnx), "extract", "--jsonl"]
    parts = []
    for number, path in enumerate(files):
        lines = context.textFile("file://" + os.path.abspath(path), minPartitions=args.partitions)
        # (file number, line number, record), blank lines left out as vnx leaves them out.
        parts.append(
            lines.zipWithIndex()
            .filter(lambda pair: pair[0].strip())
            .map(lambda pair, number=number: (number, pair[1] + 1, pair[0]))
        )
    records = context.union(parts) if len(parts) > 1 else parts[0]
    records = records.cache()
    results = records.map(lambda record: record[2]).pipe(" ".join(shlex.quote(c) for c in command))
    joined = records.map(lambda record: (record[0], record[1])).zip(results).collect()
    spark.stop()
    joined.sort(key=lambda item: item[0])
    documents, errors, seen = [], [], set()
    for (number, line), output in joined:
        result = json.loads(output)
        path = f"{files[number]}#line {line}"
        sha = result.get("sha256") if result.get("schema") == "vnx.error/1" else result["source"]["sha256"]
        if sha in seen:
            continue
        seen.add(sha)
        if result.get("schema") == "vnx.error/1":
            errors.append({"error": result["error"], "path": path, "sha256": sha})
        else:
            result["source"]["path"] = path
            documents.append(result)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "documents.jsonl"), "w", encoding="utf-8") as handle:
        handle.writelines(dumps(d) + "\n" for d in documents)
    with open(os.path.join(args.out, "errors.jsonl"), "w", encoding="utf-8") as handle:
        handle.writelines(dumps(e) + "\n" for e in errors)
    print(f"spark_pipe.py: {len(documents)} documents, {len(errors)} errors from {len(files)} files -> {args.out}")
    return documents, errors


def read_jsonl(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def check(documents, errors, batch_out):
    ok = True
    for name, ours in (("documents.jsonl", documents), ("errors.jsonl", errors)):
        theirs = read_jsonl(os.path.join(batch_out, name))
        if ours == theirs:
            print(f"{name}: equal to vnx batch ({len(ours)} lines)")
            continue
        ok = False
        print(f"{name}: DIFFERS from vnx batch ({len(ours)} vs {len(theirs)} lines)")
        for index, (a, b) in enumerate(zip(ours, theirs)):
            if a != b:
                print(f"  first difference at line {index + 1}:\n  spark: {dumps(a)[:300]}\n  batch: {dumps(b)[:300]}")
                break
    return ok


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--out", required=True)
    parser.add_argument("--vnx", default=".build/release/vnx")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--partitions", type=int, default=2)
    parser.add_argument("--check", metavar="BATCH_OUT")
    args = parser.parse_args()
    documents, errors = run(args)
    if args.check and not check(documents, errors, args.check):
        sys.exit(1)


if __name__ == "__main__":
    main()
