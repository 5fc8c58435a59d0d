#!/usr/bin/env bash
# Run the calendar tests (every day of 2019-2030 against the list in lagen (1989:253) and
# 2 § lagen (1930:173)) with several versions of the holidays package, on both sides of 0.88
# (where midsommarafton, julafton and nyårsafton moved from "public" to "de_facto").
# Usage: tools/holidays-versions.sh [VERSION ...]   (default: 0.60 0.87 0.88 and the newest)
set -euo pipefail
cd "$(dirname "$0")/.."
versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(0.60 0.87 0.88 "")
for version in "${versions[@]}"; do
  venv=$(mktemp -d)
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q -e '.[test]'
  if [ -n "$version" ]; then "$venv/bin/pip" install -q "holidays==$version"; fi
  echo "== holidays $("$venv/bin/python" -c 'import holidays; print(holidays.__version__)')"
  "$venv/bin/python" -m pytest -q -p no:cacheprovider tests/test_calendar.py tests/test_notice.py \
    tests/test_reporting.py
  rm -rf "$venv"
done
