#!/usr/bin/env bash
# The main job: set up, then build a realistic demo warehouse (generate the departments' files, load, score).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
dotnet run --project web -c Release -- demo "$@"
