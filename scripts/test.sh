#!/usr/bin/env bash
# Set up, then run every test of the solution twice: on SQLite, then on a real PostgreSQL server (a throwaway one,
# started here on 127.0.0.1 on its own port by scripts/postgres.sh). The browser tests run in the SQLite pass only: the
# pages are the same whatever database answers the API, and the API tests run on both.
# Ends with one "tests: N passed, N failed, N skipped" line over both passes.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1

export QA_PG_PORT=${QA_PG_PORT:-55432}
pg_was_running=no
if pg_isready -q -h 127.0.0.1 -p "$QA_PG_PORT" 2>/dev/null; then pg_was_running=yes; fi
postgres=$(QA_PG_FAST=1 bash scripts/postgres.sh | tail -1) || { echo "could not start PostgreSQL"; exit 1; }
# Only stop the server if this script started it (a developer's running server is left alone).
[ "$pg_was_running" = no ] && trap 'bash scripts/postgres.sh stop' EXIT

dotnet build QualityAnalytics.sln --nologo -v quiet || exit 1
log=$(mktemp)
echo "== pass 1: SQLite =="
dotnet test QualityAnalytics.sln --no-build --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
echo "== pass 2: PostgreSQL ($postgres) =="
QA_TEST_PROVIDER=postgres QA_TEST_POSTGRES="$postgres" \
  dotnet test QualityAnalytics.sln --no-build --nologo --filter "FullyQualifiedName!~.Browser." 2>&1 | tee -a "$log"
pg_status=${PIPESTATUS[0]}
[ "$status" -eq 0 ] && status=$pg_status

passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "tests: $passed passed, $failed failed, $skipped skipped (SQLite and PostgreSQL passes together)"
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then echo "no test ran"; exit 1; fi
exit "$status"
