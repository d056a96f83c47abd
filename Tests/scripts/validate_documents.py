#!/usr/bin/env python3
"""Validates vnx.document/1 JSON Lines against Tests/scripts/document.schema.json.

    python3 Tests/scripts/validate_documents.py out/documents.jsonl [more.jsonl ...]
    vnx extract corpus/articles/*.txt | python3 Tests/scripts/validate_documents.py -

Exit status 0 when every line validates, 1 otherwise (one message per bad line),
77 when the `jsonschema` module is not installed (tests treat it as "skipped").
Beyond the schema, checks what JSON Schema cannot: offsets within the text (with --text),
start <= end, and entity/indicator references inside the entity list.
"""
import json
import os
import sys

try:
    import jsonschema
except ImportError:
    print("jsonschema is not installed (pip install jsonschema): skipped", file=sys.stderr)
    sys.exit(77)

SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "document.schema.json")


def problems(document, validator):
    for error in validator.iter_errors(document):
        yield "/".join(str(p) for p in error.absolute_path) + ": " + error.message
    text = document.get("text")
    entities = document.get("entities", [])
    for name, items in (("entities", entities), ("indicators", document.get("indicators", []))):
        for index, item in enumerate(items):
            if item.get("start", 0) > item.get("end", 0):
                yield f"{name}/{index}: start after end"
            if text is not None:
                if item.get("end", 0) > len(text):
                    yield f"{name}/{index}: end {item['end']} beyond the text ({len(text)})"
                elif text[item["start"]:item["end"]] != item["text"] and name == "indicators":
                    yield f"{name}/{index}: text {item['text']!r} is not the span {text[item['start']:item['end']]!r}"
            for key in ("parent", "place", "subject"):
                if key in item and not 0 <= item[key] < len(entities):
                    yield f"{name}/{index}: {key} {item[key]} is not an entity index"


def main(paths):
    with open(SCHEMA, encoding="utf-8") as handle:
        schema = json.load(handle)
    validator = jsonschema.Draft202012Validator(schema)
    bad = 0
    count = 0
    for path in paths:
        stream = sys.stdin if path == "-" else open(path, encoding="utf-8")
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            count += 1
            try:
                document = json.loads(line)
            except json.JSONDecodeError as error:
                print(f"{path}:{number}: not JSON: {error}")
                bad += 1
                continue
            found = list(problems(document, validator))
            for problem in found:
                print(f"{path}:{number}: {problem}")
            bad += bool(found)
    print(f"{count} documents, {bad} invalid", file=sys.stderr)
    return 1 if bad or count == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["-"]))
