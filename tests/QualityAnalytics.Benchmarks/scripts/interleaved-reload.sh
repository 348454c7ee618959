#!/usr/bin/env bash
# The worst case for a reload that reads stored rows first: stored and new rows alternating. Every other row of the 1M
# file is loaded first, then the whole file is loaded and timed (~499,500 new and ~499,500 unchanged rows, interleaved)
# (docs/benchmarks.md, "Sixth session", the reload).
# usage: interleaved-reload.sh BUILD_DIR
set -euo pipefail
bin=$1/QualityAnalytics.Benchmarks; data=/tmp/qa-bench/1000000; half=/tmp/qa-interleaved; db=$half/warehouse.db
mkdir -p $half
[ -f $half/half.csv ] || awk 'NR == 1 || NR % 2 == 0' $data/complaints.csv > $half/half.csv
rm -f $db $db-wal $db-shm
$bin __child-load --db $db --complaints $half/half.csv --departments $data/departments.csv --init >/dev/null
$bin __child-load --db $db --complaints $half/half.csv >/dev/null 2>&1
sync
$bin __child-load --db $db --complaints $data/complaints.csv 2>&1 | grep -o '"Seconds":[0-9.]*\|"Loaded":[0-9]*\|"Unchanged":[0-9]*' | tr '\n' ' '; echo
