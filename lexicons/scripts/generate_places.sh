#!/bin/sh
# Generates lexicons/places/divisions-2024.tsv and divisions-2025.tsv: every province,
# district and commune of Vietnam before the 2025 reform (63 provinces, with districts) and
# after it (34 provinces, no districts).
#
# Public source: the PyPI package `vietnam-provinces` (https://pypi.org/project/vietnam-provinces/,
# data from the General Statistics Office, danhmuchanhchinh.gso.gov.vn, and the 2025
# resolutions of the National Assembly Standing Committee). Its 0.6.x versions carry the old
# structure, its 2025.x versions the new one; both ship `data/nested-divisions.json`.
#
# Usage: sh lexicons/scripts/generate_places.sh   (from the package root; needs python3 + PyPI)
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/old"
python3 -m venv "$work/new"
"$work/old/bin/pip" install -q 'vietnam-provinces==0.6.0'
"$work/new/bin/pip" install -q 'vietnam-provinces==2025.10.1'
"$work/old/bin/python" "$root/lexicons/scripts/dump_divisions.py" 2024 \
  > "$root/lexicons/places/divisions-2024.tsv"
"$work/new/bin/python" "$root/lexicons/scripts/dump_divisions.py" 2025 \
  > "$root/lexicons/places/divisions-2025.tsv"
