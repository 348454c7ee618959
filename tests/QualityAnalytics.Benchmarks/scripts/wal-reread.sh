#!/usr/bin/env bash
# One timed 1M-row child load under `perf record` of the pread64 system call: how many WAL frames SQLite reads back
# during the load, the commit and the checkpoint after it (docs/benchmarks.md, "Eighteenth session"). A read of one
# frame with its header (page + 24 bytes) is SQLite re-checksumming the WAL at the commit (walRewriteChecksums), which it
# does when the transaction overwrote a frame it had already written; a read of a page alone is the checkpoint copying
# it (timed after the load). The loader should show none of the first kind.
# usage: wal-reread.sh BUILD_DIR [DATA_DIR]   (as thread-cpu.sh)
set -euo pipefail
bin=$1/QualityAnalytics.Benchmarks; data=${2:-/tmp/qa-bench/1000000}; db=/tmp/qa-wal-reread.db; page=16384
rm -f $db $db-wal $db-shm
$bin __child-load --db $db --complaints $data/complaints.csv --departments $data/departments.csv --init >/dev/null
perf record -q -e syscalls:sys_enter_pread64 -o /tmp/qa-wal-reread.perf \
  $bin __child-load --db $db --complaints $data/complaints.csv 2>&1 | grep -o '"Seconds":[0-9.]*' | tr '\n' ' '
frames=$(perf script -i /tmp/qa-wal-reread.perf 2>/dev/null | grep -c "count: 0x$(printf '%08x' $((page + 24)))" || true)
pages=$(perf script -i /tmp/qa-wal-reread.perf 2>/dev/null | grep -c "count: 0x$(printf '%08x' $page)" || true)
echo "frames re-read with their headers (commit re-checksum): $frames; pages read (checkpoint): $pages"
