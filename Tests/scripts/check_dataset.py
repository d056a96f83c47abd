#!/usr/bin/env python3
"""Checks a vnx batch output folder for consistency, even right after a kill -9.

    python3 Tests/scripts/check_dataset.py OUT [--complete] [--reference REF]

Reads the ledger (done.jsonl; a torn last line is ignored, as vnx does) and looks only at what
it confirms: the first `sizes[name]` bytes of each text file, the SQLite rows of confirmed
batches. Checks that every confirmed line is whole JSON, document ids are unique, every id and
error hash is in the ledger, SQLite holds exactly the documents of documents.jsonl (by id, and
entity/indicator counts per document; `entities` and `indicators` are tables in schema 1,
views over entity_rows and indicator_rows in schema 2), and entities.csv / indicators.csv have one row per
entity / indicator. --complete: the files hold nothing beyond the ledger (a finished run).
--reference REF: the document ids and error paths equal those of REF (nothing lost, nothing
added). Prints one summary line; exit 1 with the reason on the first failure.
"""
import csv
import io
import json
import os
import sqlite3
import sys


def fail(message):
    print(f"check_dataset: {sys.argv[1]}: {message}")
    sys.exit(1)


def ledger(out):
    entries = []
    try:
        data = open(os.path.join(out, "done.jsonl"), "rb").read()
    except FileNotFoundError:
        return entries
    for line in data.split(b"\n")[:-1]:
        try:
            entries.append(json.loads(line))
        except ValueError:
            break
    return entries


def confirmed(out, name, sizes, complete):
    path = os.path.join(out, name)
    data = open(path, "rb").read() if os.path.exists(path) else b""
    size = sizes.get(name, 0)
    if len(data) < size:
        fail(f"{name} has {len(data)} bytes, the ledger confirms {size}")
    if complete and len(data) != size:
        fail(f"{name} has {len(data)} bytes after a finished run, the ledger says {size}")
    return data[:size]


def load(out, complete=False):
    entries = ledger(out)
    sizes = entries[-1]["sizes"] if entries else {}
    last = entries[-1]["batch"] if entries else 0
    done = set()
    for entry in entries:
        done.update(entry["done"])
    def json_lines(name):
        objects = []
        for number, line in enumerate(confirmed(out, name, sizes, complete).split(b"\n")[:-1], 1):
            try:
                objects.append(json.loads(line))
            except ValueError:
                fail(f"{name} line {number} is not whole JSON")
        return objects
    documents = json_lines("documents.jsonl")
    errors = json_lines("errors.jsonl")
    ids = [d["source"]["sha256"] for d in documents]
    if len(ids) != len(set(ids)):
        fail(f"{len(ids) - len(set(ids))} duplicate documents in documents.jsonl")
    if not set(ids) <= done:
        fail(f"{len(set(ids) - done)} documents not in the ledger")
    paths = [e.get("path") for e in errors]
    if len(paths) != len(set(paths)):
        fail("an error is reported twice in errors.jsonl")
    for name, column_count in (("entities.csv", "entities"), ("indicators.csv", "indicators")):
        text = confirmed(out, name, sizes, complete).decode("utf-8")
        rows = list(csv.reader(io.StringIO(text)))[1:] if text else []
        expected = sum(len(d[column_count]) for d in documents)
        if len(rows) != expected:
            fail(f"{name} has {len(rows)} rows, documents.jsonl {expected} {column_count}")
    database = os.path.join(out, "vnx.sqlite")
    if os.path.exists(database):
        connection = sqlite3.connect(database)
        rows = dict(connection.execute(
            "SELECT id, entity_count FROM documents WHERE batch <= ?", (last,)).fetchall())
        if set(rows) != set(ids):
            fail(f"SQLite has {len(rows)} confirmed documents, documents.jsonl {len(ids)} "
                 f"({len(set(rows) - set(ids))} only in SQLite, {len(set(ids) - set(rows))} only in JSON Lines)")
        for document in documents:
            if rows[document["source"]["sha256"]] != len(document["entities"]):
                fail("SQLite and documents.jsonl disagree on entities")
        for table, key in (("entities", "entities"), ("indicators", "indicators")):
            count = connection.execute(f"SELECT count(*) FROM {table} WHERE batch <= ?", (last,)).fetchone()[0]
            if count != sum(len(d[key]) for d in documents):
                fail(f"SQLite table {table} has {count} rows, documents.jsonl {sum(len(d[key]) for d in documents)}")
        connection.close()
    return documents, errors, last


def main():
    out = sys.argv[1]
    complete = "--complete" in sys.argv
    documents, errors, last = load(out, complete)
    if "--reference" in sys.argv:
        reference = sys.argv[sys.argv.index("--reference") + 1]
        ref_documents, ref_errors, _ = load(reference, True)
        ours = {d["source"]["sha256"] for d in documents}
        theirs = {d["source"]["sha256"] for d in ref_documents}
        if ours != theirs:
            fail(f"{len(theirs - ours)} documents lost, {len(ours - theirs)} added against {reference}")
        if {e.get("path") for e in errors} != {e.get("path") for e in ref_errors}:
            fail(f"errors differ from {reference}")
    print(f"check_dataset: {out}: {len(documents)} documents, {len(errors)} errors in {last} batches; consistent")


if __name__ == "__main__":
    main()
