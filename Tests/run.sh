#!/usr/bin/env bash
# The test command of the README: installs what the tests need, runs the whole suite, then a
# short fuzz run of every libFuzzer target (FUZZ_SECONDS each, default 20; 0 skips it): a
# crash or a sanitizer report fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
Tests/scripts/install-deps.sh
swift build --build-tests
swift test --skip-build
if [ "${FUZZ_SECONDS:-20}" != 0 ]; then
  SECONDS_EACH=${FUZZ_SECONDS:-20} Tests/scripts/fuzz.sh
fi
