#!/usr/bin/env bash
# Two builds of the benchmark against each other (docs/benchmarks.md, "Fourteenth session"): PAIRS times, a fresh 1M-row
# load by build A's timed child, the same by build B's, then sqlite3 .import of the same file into a plain table; wall
# seconds (the child's own "Seconds") and user+system CPU of each.
# usage: alternate-builds.sh PAIRS BUILD_A BUILD_B [VAR=VALUE...]   BUILD_x: a copy of
#        tests/QualityAnalytics.Benchmarks/bin/Release/net10.0; VAR=VALUE: environment for build B's timed child only
#        (the same build twice and GLIBC_TUNABLES=glibc.malloc.hugetlb=1: "Twenty-third session"); the 1M file as
#        `load --rows 1000000` leaves it in /tmp/qa-bench/1000000
set -u
pairs=$1; A=$2; B=$3; shift 3; envB=("$@"); data=/tmp/qa-bench/1000000
cols="(complaint_id TEXT, department TEXT, received_at TEXT, channel TEXT, is_valid TEXT, customer TEXT, category TEXT, description TEXT, replied_at TEXT, resolved_at TEXT, direct_deduction TEXT, handler TEXT, satisfaction TEXT)"
one() { local bin=$1/QualityAnalytics.Benchmarks db=/tmp/qa-alternate-w.db; shift; rm -f $db $db-wal $db-shm
  $bin __child-load --db $db --complaints $data/complaints.csv --departments $data/departments.csv --init >/dev/null
  sync; sleep 1
  env "$@" /usr/bin/time -f "cpu %U+%S faults %R" $bin __child-load --db $db --complaints $data/complaints.csv 2>&1 | grep -o "\"Seconds\":[0-9.]*\|^cpu.*" | tr "\n" " " ; }
imp() { local db=/tmp/qa-alternate-i.db; rm -f $db*; sync; sleep 1
  /usr/bin/time -f "%e" sqlite3 $db "CREATE TABLE complaints_raw $cols;" ".mode csv" ".import --skip 1 $data/complaints.csv complaints_raw" 2>&1 | tail -1; }
for i in $(seq $pairs); do
  a=$(one $A); b=$(one $B "${envB[@]}"); c=$(imp)
  echo "pair $i: A $a  B $b  import $c  load $(cut -d' ' -f1 /proc/loadavg)"
done
