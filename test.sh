#!/usr/bin/env bash
# The test command: starts the real services the tests need (PostgreSQL, an S3-compatible server, and
# Debian's Chromium for the Playwright browser tests), then runs every test: fast unit tests and
# integration tests (trait Category=Integration). Pass --unit to run only the unit tests, or any
# `dotnet test` arguments after --.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

filter=()
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --unit) filter=(--filter "Category!=Integration"); shift ;;
    --) shift; extra=("$@"); break ;;
    *) extra+=("$1"); shift ;;
  esac
done

if [ ${#filter[@]} -eq 0 ]; then
  # shellcheck source=scripts/test-services.sh
  source scripts/test-services.sh
fi

log="$(mktemp)"
set +e
dotnet test Raciflow.slnx -c Release --nologo "${filter[@]}" "${extra[@]}" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
