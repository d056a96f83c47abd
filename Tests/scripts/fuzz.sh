#!/usr/bin/env bash
# Fuzzes vnx with libFuzzer and AddressSanitizer (not part of `swift test` nor of the package
# build; Tests/run.sh, hence CI, runs it with SECONDS_EACH=20). Targets, in Tests/Fuzz/:
# decode, normalize, tokenize, article, extract.
#
#   Tests/scripts/fuzz.sh                      # every target, 60 s each
#   SECONDS_EACH=600 Tests/scripts/fuzz.sh extract article
#   FUZZ_STRICT=1 Tests/scripts/fuzz.sh normalize   # also check idempotence
#
# 1. Builds the library modules with coverage and ASan into .build/fuzz
#    (swift build -c release -Xswiftc -sanitize=fuzzer,address, no executable linked).
# 2. Compiles each Tests/Fuzz/TARGET.swift with swiftc -sanitize=fuzzer,address against those
#    modules and links their object files (libFuzzer brings its own main).
# 3. Runs each for SECONDS_EACH seconds (-max_total_time) from a seed corpus: the corpus/
#    articles, pages and encodings, cut to at most 4 KB (-max_len), plus the regression
#    inputs in Tests/Fuzz/Regressions/ (crashes found before, each run first: a new crash
#    goes there once fixed). New interesting inputs go to .build/fuzz/corpus-TARGET
#    (kept between runs); a crash leaves .build/fuzz/crash-* and stops that target.
# Prints one line per target with its executions, and the total; the exit status is the
# number of targets that found a crash (100 when the build fails).
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
seconds=${SECONDS_EACH:-60}
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(decode normalize tokenize article extract)
build=$root/.build/fuzz
mkdir -p "$build"

swift build -c release --build-path "$build" --target VNX \
  -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address > "$build/build.log" 2>&1 \
  || { tail -30 "$build/build.log"; exit 100; }
release=$build/release
modules=(CICU VNXText VNXLexicons VNXArticle VNXSegmentation VNXExtraction VNX)
objects=()
for module in "${modules[@]}"; do
  while IFS= read -r object; do objects+=("$object"); done < <(find "$release/$module.build/" -name '*.o' | sort)
done
# Clang module maps of the C targets, for the modules that import them.
maps=()
while IFS= read -r map; do maps+=(-Xcc "-fmodule-map-file=$map"); done \
  < <(find "$release/" -maxdepth 2 -name module.modulemap; echo "$root/Sources/CLibXML2/module.modulemap"; echo "$root/Sources/COpenSSL/module.modulemap")

seeds=$build/seeds
if [ ! -d "$seeds" ]; then
  mkdir -p "$seeds"
  find corpus -type f \( -name '*.txt' -o -name '*.html' -o -name '*.jsonl' \) | sort | while read -r file; do
    head -c 4096 "$file" > "$seeds/$(echo "$file" | tr '/' '_')"
  done
fi

failed=0
total=0
for target in "${targets[@]}"; do
  binary=$build/fuzz-$target
  if [ ! -x "$binary" ] || [ "Tests/Fuzz/$target.swift" -nt "$binary" ] || [ "$build/build.log" -nt "$binary" ]; then
    swiftc -O -parse-as-library -sanitize=fuzzer,address -module-cache-path "$build/module-cache" \
      -I "$release/Modules" -I "$root/Sources/CICU/include" "${maps[@]}" $(pkg-config --cflags-only-I libxml-2.0 | sed "s/-I/-Xcc -I/g") \
      "Tests/Fuzz/$target.swift" "${objects[@]}" \
      -licuuc -licui18n -licudata -lxml2 -lcrypto -o "$binary" > "$build/$target.build.log" 2>&1 \
      || { echo "fuzz $target: build failed"; tail -20 "$build/$target.build.log"; failed=$((failed + 1)); continue; }
  fi
  corpus=$build/corpus-$target
  mkdir -p "$corpus"
  regressions=()
  [ -d Tests/Fuzz/Regressions ] && regressions=(Tests/Fuzz/Regressions)
  ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 "$binary" "$corpus" "$seeds" "${regressions[@]}" \
    -max_total_time="$seconds" -max_len=4096 -timeout=20 -rss_limit_mb=3072 -print_final_stats=1 \
    -artifact_prefix="$build/crash-$target-" > "$build/$target.log" 2>&1
  status=$?
  runs=$(grep -E '^stat::number_of_executed_units' "$build/$target.log" | awk '{print $2}')
  total=$((total + ${runs:-0}))
  if [ "$status" != 0 ]; then
    failed=$((failed + 1))
    echo "fuzz $target: FOUND A CRASH after ${runs:-?} executions (status $status): $(ls -t "$build"/crash-"$target"-* 2>/dev/null | head -1)"
    grep -m3 -E 'ERROR|Fatal error|fatal error|Precondition|SUMMARY' "$build/$target.log"
  else
    echo "fuzz $target: ${runs:-?} executions in $seconds s, no crash (corpus $(ls "$corpus" | wc -l) inputs)"
  fi
done
echo "fuzz: $total executions, $failed of ${#targets[@]} targets crashed"
exit "$failed"
