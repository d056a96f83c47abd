#!/usr/bin/env bash
# Installs the Debian packages vnx needs to build and test, when they are missing
# (chromium renders the evaluation report in a test).
set -euo pipefail
missing=()
for package in libicu-dev libxml2-dev libssl-dev pkg-config unicode-data icu-devtools sqlite3 chromium; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "Installing ${missing[*]}…" >&2
  SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
