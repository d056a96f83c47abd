#!/usr/bin/env bash
# Benchmarks (not a test): every stage of vnx and the end-to-end `vnx batch` next to named
# baselines measured in the same run on the same text; prints one Markdown table.
#
#   Tests/scripts/bench.sh [--size MB] [--runs N] [--corpus DIR] [--only LIST] [--jobs LIST]
#                          [--work DIR] [--peer-kb KB] [--ner-kb KB]
#
#   --size MB     generate a corpus of MB megabytes (default 50) with make_corpus.py: the
#                 corpus articles repeated with variations, as JSON Lines of scraped records
#                 (kept in WORK/corpus-MB for the next run)
#   --corpus DIR  take that folder of .jsonl files instead
#   --runs N      runs of every command; figures are medians (default 3)
#   --only LIST   comma-separated rows to run: wc, uconv, decode, article, segment, entities,
#                 extract, pipeline, batch, peers (default: all), e.g. --only batch,wc for a
#                 large corpus
#   --jobs LIST   the --jobs values of the batch rows (default "1,2")
#   --work DIR    where corpora, outputs and logs go (default /tmp/vnx-bench)
#   --peer-kb KB  size of the slice of article text for underthesea word_tokenize and pyvi
#                 (default 256); --ner-kb KB the slice for underthesea ner (default 32)
#   VNX=path      use that vnx binary instead of building .build/release/vnx
#
# Rows. wc -w and uconv read the raw pages; `vnx bench STAGE` (a hidden subcommand) runs the
# stages before STAGE untimed and times STAGE alone per document with the thread CPU clock:
#   decode    decode + normalize each page (input: the page, as uconv's)
#   article   ArticleReader on each record: JSON, decode, normalize, boilerplate (input: the record)
#   segment   sentences + tokens + words on the article text (input: article text)
#   entities  entity extraction alone on the segmented article text (input: article text);
#             its ratio column is its CPU time ÷ the segment row's (issue 5: ≤ 0.5)
#   extract   entities + indicators on the segmented article text (input: article text)
#   pipeline  all of `vnx extract` per record: Pipeline + SHA-256 + JSON encoding, no output
#   batch     `vnx batch --jobs 1` and `--jobs 2` writing JSON Lines, CSV and SQLite; the whole
#             process under /usr/bin/time (startup and lexicon loading included)
#   peers     underthesea 9.5.0 word_tokenize and ner, pyvi ViTokenizer, one call per sentence
#             (vnx's sentences) on a slice of the article text, spread over every article;
#             installed from PyPI into .build/bench-venv (VNX_BENCH_VENV), skipped with a note
#             when that fails; model loading is not timed
# MB/s and documents/s are per second of CPU time (user + system), the fair figure on a shared
# machine; wall-clock MB/s is given too. Peak RSS is the largest over the runs.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
size=50
runs=3
corpus=
only=wc,uconv,decode,article,segment,entities,extract,pipeline,batch,peers
work=/tmp/vnx-bench
peer_kb=256
batch_jobs=1,2
ner_kb=32
while [ $# -gt 0 ]; do
  case $1 in
    --size) size=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --corpus) corpus=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --jobs) batch_jobs=$2; shift 2 ;;
    --peer-kb) peer_kb=$2; shift 2 ;;
    --ner-kb) ner_kb=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
wants() { [[ ",$only," == *",$1,"* ]]; }
mkdir -p "$work"
work=$(cd "$work" && pwd)
if [ -z "${VNX:-}" ]; then (cd "$root" && swift build -c release --product vnx >/dev/null); fi
vnx=${VNX:-$root/.build/release/vnx}
command -v uconv >/dev/null || echo "note: uconv not found (apt-get install icu-devtools): uconv row skipped" >&2

if [ -z "$corpus" ]; then
  corpus=$work/corpus-${size}M
  if [ ! -f "$corpus/.complete" ]; then
    rm -rf "$corpus"
    python3 "$root/Tests/scripts/make_corpus.py" "$corpus" --size "${size}M" >&2
    touch "$corpus/.complete"
  fi
fi
files=("$corpus"/*.jsonl)
results=$work/results.tsv
: > "$results"
log=$work/log
mkdir -p "$log"

median() { sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
maximum() { sort -g | tail -1; }
# record ROW TOOL INPUT BYTES DOCUMENTS CPU WALL RSS_KB
record() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >> "$results"; }

# The corpus: records and bytes; the raw pages (what uconv and the decode stage read).
documents=$(cat "${files[@]}" | grep -c .)
corpus_bytes=$(cat "${files[@]}" | wc -c)
pages=$work/pages-$(basename "$corpus").txt
if wants uconv && [ ! -s "$pages" ]; then
  python3 - "${files[@]}" > "$pages" <<'PY'
import json, sys
for name in sys.argv[1:]:
    for line in open(name, encoding="utf-8"):
        if line.strip():
            record = json.loads(line)
            sys.stdout.write((record.get("html") or record.get("text") or record.get("content") or "") + "\n")
PY
fi
echo "corpus: $corpus ($documents records, $corpus_bytes bytes); $runs runs per row" >&2

# time_command ROW TOOL INPUT BYTES DOCUMENTS COMMAND...: N runs under /usr/bin/time.
time_command() {
  local row=$1 tool=$2 input=$3 bytes=$4 docs=$5
  shift 5
  local i
  for i in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S %M" -o "$log/time" "$@" > /dev/null 2> "$log/$row.err" \
      || { echo "bench.sh: $row failed: $(tail -3 "$log/$row.err")" >&2; return 0; }
    cat "$log/time"
  done > "$log/$row.runs"
  record "$row" "$tool" "$input" "$bytes" "$docs" \
    "$(awk '{print $2 + $3}' "$log/$row.runs" | median)" "$(awk '{print $1}' "$log/$row.runs" | median)" \
    "$(awk '{print $4}' "$log/$row.runs" | maximum)"
}

if wants wc; then
  echo "wc -w ..." >&2
  time_command wc "wc -w" "corpus files" "$corpus_bytes" "$documents" wc -w "${files[@]}"
fi
if wants uconv && command -v uconv >/dev/null; then
  echo "uconv -x any-nfc ..." >&2
  time_command uconv "uconv -x any-nfc" pages "$(wc -c < "$pages")" "$documents" uconv -x any-nfc "$pages"
fi

declare -A stage_input=([decode]=pages [article]=records [segment]="article text" [entities]="article text"
  [extract]="article text" [pipeline]=records)
declare -A stage_tool=([decode]="vnx decode + normalize" [article]="vnx article" [segment]="vnx sentences + tokens + words"
  [entities]="vnx entities" [extract]="vnx entities + indicators" [pipeline]="vnx extract (no output)")
for stage in decode article segment entities extract pipeline; do
  wants "$stage" || continue
  echo "vnx bench $stage ..." >&2
  for i in $(seq "$runs"); do
    /usr/bin/time -f "%M" -o "$log/time" "$vnx" bench "$stage" "${files[@]}" > "$log/bench.out"
    echo "$(cat "$log/bench.out") rss=$(cat "$log/time")"
  done > "$log/$stage.runs"
  field() { sed -E "s/.*(^| )$1=([^ ]*).*/\2/" "$log/$stage.runs"; }
  record "$stage" "${stage_tool[$stage]}" "${stage_input[$stage]}" "$(field stage_bytes | head -1)" \
    "$(field documents | head -1)" "$(field cpu | median)" "$(field wall | median)" "$(field rss | maximum)"
done

if wants batch; then
  for jobs in ${batch_jobs//,/ }; do
    echo "vnx batch --jobs $jobs ..." >&2
    out=$work/batch-out-j$jobs
    for i in $(seq "$runs"); do
      rm -rf "$out"
      /usr/bin/time -f "%e %U %S %M" -o "$log/time" "$vnx" batch "${files[@]}" --out "$out" --jobs "$jobs" --quiet \
        2> "$log/batch-j$jobs.err"
      cat "$log/time"
    done > "$log/batch-j$jobs.runs"
    batch_documents=$(grep -c . "$out/documents.jsonl" || true)
    record "batch-j$jobs" "vnx batch --jobs $jobs" "records" "$corpus_bytes" "$batch_documents" \
      "$(awk '{print $2 + $3}' "$log/batch-j$jobs.runs" | median)" \
      "$(awk '{print $1}' "$log/batch-j$jobs.runs" | median)" "$(awk '{print $4}' "$log/batch-j$jobs.runs" | maximum)"
  done
  for name in documents.jsonl entities.csv indicators.csv; do
    [[ ",$batch_jobs," == *,1,* && ",$batch_jobs," == *,2,* ]] || break
    cmp -s "$work/batch-out-j1/$name" "$work/batch-out-j2/$name" \
      || echo "note: $name differs between --jobs 1 and --jobs 2" >&2
  done
  # The datasets take about eight times the corpus on disk.
  rm -rf "$work"/batch-out-j*
fi

if wants peers; then
  venv=${VNX_BENCH_VENV:-$root/.build/bench-venv}
  if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import underthesea, pyvi' 2>/dev/null; then
    echo "installing underthesea 9.5.0 and pyvi from PyPI into $venv ..." >&2
    { python3 -m venv "$venv" \
      && "$venv/bin/pip" install --quiet --disable-pip-version-check underthesea==9.5.0 pyvi; } >&2 \
      || echo "note: could not install underthesea and pyvi: peer rows skipped" >&2
  fi
  if "$venv/bin/python" -c 'import underthesea, pyvi' 2>/dev/null; then
    # The slices: vnx's sentences of the articles of the first records (one per line), every
    # k-th sentence so that a slice spreads over every article of the corpus.
    head -n 200 "${files[0]}" > "$log/head.jsonl"
    "$vnx" extract --text "$log/head.jsonl" > "$log/head.documents.jsonl"
    python3 - "$log/head.documents.jsonl" "$log" "$peer_kb" "$ner_kb" <<'PY'
import json, sys
sentences = []
for line in open(sys.argv[1], encoding="utf-8"):
    document = json.loads(line)
    text = document["text"]
    sentences += [" ".join(text[start:end].split()) for start, end in document["sentences"]]
sentences = [s for s in sentences if s]
total = sum(len(s.encode()) + 1 for s in sentences)
for name, kilobytes in [("words", int(sys.argv[3])), ("ner", int(sys.argv[4]))]:
    step, chosen, size = max(1, total // (kilobytes * 1024)), [], 0
    for sentence in sentences[::step]:
        if size >= kilobytes * 1024:
            break
        chosen.append(sentence)
        size += len(sentence.encode()) + 1
    open(f"{sys.argv[2]}/slice-{name}.txt", "w", encoding="utf-8").write("\n".join(chosen) + "\n")
PY
    cat > "$log/peer.py" <<'PY'
import resource, sys, time
tool, path = sys.argv[1], sys.argv[2]
lines = open(path, encoding="utf-8").read().splitlines()
if tool == "pyvi":
    from pyvi import ViTokenizer
    run = ViTokenizer.tokenize
elif tool == "word_tokenize":
    from underthesea import word_tokenize as run
else:
    from underthesea import ner as run
run("Xã Hòa Bình giảm 120 hộ nghèo.")  # load the model outside the timing
cpu, wall = time.process_time(), time.perf_counter()
for line in lines:
    run(line)
cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
print(sum(len(l.encode()) + 1 for l in lines), cpu, wall, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
PY
    for tool in word_tokenize pyvi ner; do
      slice=$log/slice-words.txt
      [ "$tool" = ner ] && slice=$log/slice-ner.txt
      echo "$tool on $(wc -c < "$slice") bytes ..." >&2
      for i in $(seq "$runs"); do "$venv/bin/python" "$log/peer.py" "$tool" "$slice"; done > "$log/$tool.runs" 2> "$log/$tool.err" \
        || { echo "note: $tool failed: $(tail -2 "$log/$tool.err")" >&2; continue; }
      name="underthesea $tool"
      [ "$tool" = pyvi ] && name="pyvi ViTokenizer"
      record "$tool" "$name" "article text slice" "$(head -1 "$log/$tool.runs" | cut -d' ' -f1)" 0 \
        "$(cut -d' ' -f2 "$log/$tool.runs" | median)" "$(cut -d' ' -f3 "$log/$tool.runs" | median)" \
        "$(cut -d' ' -f4 "$log/$tool.runs" | maximum)"
    done
  fi
fi

python3 - "$results" "$runs" <<'PY'
import sys
rows = {}
order = []
for line in open(sys.argv[1], encoding="utf-8"):
    row, tool, source, size, documents, cpu, wall, rss = line.rstrip("\n").split("\t")
    rows[row] = dict(tool=tool, input=source, bytes=float(size), documents=int(documents),
                     cpu=float(cpu), wall=float(wall), rss=float(rss))
    order.append(row)
# Documents per second for the text slices: the mean article size of the segment stage.
text = rows.get("segment") or rows.get("extract")
article_bytes = text["bytes"] / text["documents"] if text and text["documents"] else None
def fmt(value):
    return f"{value:.3g}" if value < 1000 else f"{value:,.0f}"
def speed(row):
    r = rows[row]
    return r["bytes"] / 1e6 / r["cpu"] if r["cpu"] > 0 else float("inf")
ratios = {
    "decode": ["uconv", "wc"], "article": ["wc"], "segment": ["word_tokenize", "pyvi"],
    "entities": ["ner"], "extract": ["ner"], "pipeline": ["wc", "ner"], "batch-j1": ["wc", "ner"], "batch-j2": ["wc"],
}
names = {"wc": "wc -w", "uconv": "uconv", "word_tokenize": "word_tokenize", "pyvi": "pyvi", "ner": "ner"}
print(f"| row | input | MB | documents | CPU s | MB/s (CPU) | documents/s (CPU) | MB/s (wall) | peak RSS MB | vnx ÷ baseline (CPU MB/s) |")
print("|---|---|---|---|---|---|---|---|---|---|")
for row in order:
    r = rows[row]
    documents = r["documents"]
    docs_per_s = documents / r["cpu"] if documents and r["cpu"] > 0 else None
    note = ""
    if not documents and article_bytes:
        docs_per_s = r["bytes"] / article_bytes / r["cpu"]
        note = "≈"
    versus = [f"{fmt(speed(row) / speed(b))}× {names[b]}" for b in ratios.get(row, []) if b in rows]
    if row in ("entities", "extract") and "segment" in rows and rows["segment"]["cpu"] > 0:
        # Issue 5: entity extraction adds at most half to the time of tokenization (same text).
        versus.append(f"{r['cpu'] / rows['segment']['cpu']:.2f}× the CPU time of sentences + tokens + words")
    if row == "extract" and "entities" in rows and rows["entities"]["cpu"] >= r["cpu"]:
        print(f"note: entities alone ({rows['entities']['cpu']:.2f} s) not below entities + indicators "
              f"({r['cpu']:.2f} s)", file=sys.stderr)
    if row == "batch-j2" and "batch-j1" in rows:
        j1 = rows["batch-j1"]
        versus.append(f"scaling 1→2 jobs: {j1['wall'] / r['wall']:.2f}× wall, "
                      f"{(j1['bytes'] / j1['cpu']) / (r['bytes'] / r['cpu']):.2f} CPU-time ratio")
    per_second = note + fmt(docs_per_s) if docs_per_s is not None else "-"
    print(f"| {r['tool']} | {r['input']} | {r['bytes'] / 1e6:.2f} | {documents or '-'} | {r['cpu']:.2f} | "
          f"{fmt(speed(row))} | {per_second} | {fmt(r['bytes'] / 1e6 / r['wall'])} | {r['rss'] / 1024:.0f} | "
          f"{'; '.join(versus)} |")
print(f"\nMedians of {sys.argv[2]} runs; MB = 10^6 bytes of each row's input; ≈ documents/s of a slice = "
      "its MB/s ÷ the mean article text size.")
PY
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB; load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%F %H:%M UTC')"
