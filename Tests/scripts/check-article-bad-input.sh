#!/bin/sh
# Bad input for `vnx article` at full size (the unit tests in Tests/VNXArticleTests/BadInputTests.swift
# use small versions): a 50 MB one-line text and HTML page, 4 million lines, a million
# paragraphs, 200,000 unclosed elements, unterminated comment/script/attribute, a title with
# 200,000 site-name separators, binary files. Each must end with a warning (exit 0) or a
# clear error (exit 1) — or, for a valid page such as the long title, an article — never a
# crash or a hang, within the CPU-time and memory bounds below.
# Usage: Tests/scripts/check-article-bad-input.sh   (VNX_NO_BUILD=1 to skip the release build)
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
max_cpu=${MAX_CPU:-5}       # seconds of user + system time per file
max_rss=${MAX_RSS:-300000}  # KB of peak resident memory per file
cd "$root"
[ -n "${VNX_NO_BUILD:-}" ] || swift build -c release --product vnx >/dev/null
vnx="$root/.build/release/vnx"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'EOF'
import os, random, sys
out = sys.argv[1]
p = "Đảng bộ xã có 166 đảng viên sinh hoạt tại 13 chi bộ, trong đó có 9 chi bộ nông thôn. "
def write(name, text):
    with open(os.path.join(out, name), "w") as f: f.write(text)
line = p * (50_000_000 // len(p.encode()))
write("line-50mb.txt", line + "\n")
write("line-50mb.html", "<html><body><p>" + line + "</p></body></html>")
write("lines-4m.txt", "a\n" * 4_000_000)
write("paragraphs-1m.html", "<html><body>" + "<p>a</p>" * 1_000_000 + "</body></html>")
write("unclosed-200k.html", "<html><body>" + "<div>" * 200_000 + "<p>" + p + "</p>")
write("inline-200k.html", "<html><body><p>" + "<b>" * 200_000 + p + "</p>")
write("comment.html", "<html><body><p>" + p + "</p><!-- " + p * 100_000)
write("script.html", "<html><body><p>" + p + "</p><script>" + p * 100_000)
write("attribute.html", "<html><body><p>" + p + "</p><div class=\"" + p * 100_000)
write("title.html", "<html><head><title>Một hai ba bốn năm" + " - Báo Lai Châu" * 200_000
      + "</title></head><body><p>" + p + "</p></body></html>")
write("lt-5m.html", "<html><body>" + "<" * 5_000_000)
write("digits.txt", "9" * 1_000_000 + "\n" + "12/12/2020 " * 100_000 + "\n")
write("nested.jsonl", '{"url": "x", "text": ' + "[" * 100_000 + "]" * 100_000 + "}\n")
random.seed(1)
with open(os.path.join(out, "random.bin"), "wb") as f: f.write(bytes(random.getrandbits(8) for _ in range(1_000_000)))
with open(os.path.join(out, "doc.pdf"), "wb") as f: f.write(b"%PDF-1.7\n" + bytes(range(256)) * 100)
with open(os.path.join(out, "image.png"), "wb") as f: f.write(b"\x89PNG\r\n\x1a\n" + bytes(1000))
with open(os.path.join(out, "archive.zip"), "wb") as f: f.write(b"PK\x03\x04" + bytes(1000))
open(os.path.join(out, "empty.txt"), "w").close()
EOF
failures=0
printf '%-20s %6s %8s %9s  %s\n' file exit "CPU s" "peak MB" "message"
for file in "$work"/*; do
  name=$(basename "$file")
  status=0
  /usr/bin/time -f "%U %S %M" -o "$work/.time" timeout 60 "$vnx" article "$file" >"$work/.out" 2>"$work/.err" || status=$?
  read -r user system rss <<EOF_TIME
$(tail -n 1 "$work/.time")
EOF_TIME
  cpu=$(echo "$user $system" | awk '{ printf "%.2f", $1 + $2 }')
  message=$(cat "$work/.err"; sed -n 's/.*"warnings":\[\([^]]*\)\].*/\1/p' "$work/.out" | head -1)
  verdict=ok
  if [ "$status" -gt 1 ]; then verdict="FAIL: exit $status"; fi
  if [ "$status" -eq 1 ] && [ ! -s "$work/.err" ]; then verdict="FAIL: exit 1 without a message"; fi
  if [ "$status" -eq 0 ] && [ -z "$message" ] && ! grep -q '"lead":' "$work/.out"; then
    verdict="FAIL: neither an article nor a warning"
  fi
  if awk -v c="$cpu" -v m="$max_cpu" 'BEGIN { exit !(c > m) }'; then verdict="FAIL: over $max_cpu s CPU"; fi
  if [ "${rss:-0}" -gt "$max_rss" ]; then verdict="FAIL: over $((max_rss / 1000)) MB"; fi
  [ "$verdict" = ok ] || failures=$((failures + 1))
  printf '%-20s %6s %8s %9.0f  %s  [%s]\n' "$name" "$status" "$cpu" "$((${rss:-0} / 1000))" \
    "$(echo "$message" | tr '\n' ' ' | cut -c1-90)" "$verdict"
done
[ "$failures" -eq 0 ] && echo "all bad inputs handled" || { echo "$failures failures"; exit 1; }
