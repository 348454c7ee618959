#!/usr/bin/env bash
# A reload of 1M unchanged rows: the file loaded once (kept between runs unless "fresh" is given), then loaded again,
# timed, under `perf record -F 1000`: wall seconds, unchanged rows, allocations, CPU seconds per thread
# (docs/benchmarks.md, "Sixth session", the reload).
# usage: reload-cpu.sh BUILD_DIR [fresh]
set -euo pipefail
bin=$1/QualityAnalytics.Benchmarks; data=/tmp/qa-bench/1000000; db=/tmp/qa-reload-cpu.db
if [ ! -f $db.ready ] || [ "${2:-}" = fresh ]; then
  rm -f $db $db-wal $db-shm $db.ready
  $bin __child-load --db $db --complaints $data/complaints.csv --departments $data/departments.csv --init >/dev/null
  $bin __child-load --db $db --complaints $data/complaints.csv >/dev/null 2>&1 && touch $db.ready
fi
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 perf record -F 1000 -o /tmp/qa-reload-cpu.perf \
  $bin __child-load --db $db --complaints $data/complaints.csv 2>&1 | grep -o '"Seconds":[0-9.]*\|"Unchanged":[0-9]*\|allocated.*' | tr '\n' ' '
perf report -i /tmp/qa-reload-cpu.perf -n --sort comm -g none 2>/dev/null | grep -v "^#" | grep -v "^$" | awk '{printf "%s=%.2fs ", $3$4, $2/1000}'; echo
