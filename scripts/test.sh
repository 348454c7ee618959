#!/usr/bin/env bash
# Set up, then run every test of the solution. Ends with one "N passed, N failed" line over all test projects.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
log=$(mktemp)
dotnet test QualityAnalytics.sln --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then echo "no test ran"; exit 1; fi
exit "$status"
