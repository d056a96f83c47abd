#!/usr/bin/env bash
# The test command of the README: installs what the tests need, then runs the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
Tests/scripts/install-deps.sh
swift build --build-tests
swift test --skip-build
