#!/usr/bin/env bash
# One timed 1M-row child load (the benchmark's own `__child-load`) under `perf record -F 1000`: wall seconds, peak RSS,
# allocations, and CPU seconds per thread (docs/benchmarks.md, "Fifth session" and "Sixth session": each change was
# run against a build of the commit before it, alternating).
# usage: thread-cpu.sh BUILD_DIR [DATA_DIR]   BUILD_DIR: tests/QualityAnalytics.Benchmarks/bin/Release/net10.0 of a
#        Release build; DATA_DIR: a folder with complaints.csv and departments.csv (default /tmp/qa-bench/1000000, as
#        `load --rows 1000000` leaves it)
set -euo pipefail
bin=$1/QualityAnalytics.Benchmarks; data=${2:-/tmp/qa-bench/1000000}; db=/tmp/qa-thread-cpu.db
rm -f $db $db-wal $db-shm
$bin __child-load --db $db --complaints $data/complaints.csv --departments $data/departments.csv --init >/dev/null
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 perf record -F 1000 -o /tmp/qa-thread-cpu.perf \
  $bin __child-load --db $db --complaints $data/complaints.csv 2>&1 | grep -o '"Seconds":[0-9.]*\|allocated.*\|"PeakRssKb":[0-9]*' | tr '\n' ' '
perf report -i /tmp/qa-thread-cpu.perf -n --sort comm -g none 2>/dev/null | grep -v "^#" | grep -v "^$" | awk '{printf "%s=%.2fs ", $3$4, $2/1000}'; echo
