#!/usr/bin/env bash
# The main job: set up, then build a realistic demo warehouse (generate the departments' files, load, score, report)
# and serve the dashboard. `bash scripts/demo.sh --postgres` does the same on PostgreSQL: it starts a local server
# (scripts/postgres.sh, port 55434, data under /tmp) and puts the warehouse, users and job queue in its database `qa_demo`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ "${1:-}" = --postgres ]; then
  shift
  admin=$(QA_PG_PORT=${QA_PG_PORT:-55434} bash scripts/postgres.sh | tail -1)
  set -- --db "${admin/Database=postgres/Database=qa_demo}" "$@"
fi
dotnet run --project web -c Release -- demo "$@"
