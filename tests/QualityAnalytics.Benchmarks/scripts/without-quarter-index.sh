#!/usr/bin/env bash
# The best any layout without the (quarter_key, department_key) index could do (docs/benchmarks.md, "Twenty-sixth
# session"): PAIRS times, a fresh 1M-row load by the timed child into the warehouse as it is, the same into a warehouse
# whose IX_fact_complaint_quarter_key_department_key was dropped after the untimed init, then sqlite3 .import of the
# same file into a plain table; wall seconds (the child's own "Seconds") and user+system CPU of each.
# usage: without-quarter-index.sh PAIRS BUILD   BUILD: a copy of tests/QualityAnalytics.Benchmarks/bin/Release/net10.0;
#        the 1M file as `load --rows 1000000` leaves it in /tmp/qa-bench/1000000
set -u
pairs=$1; bin=$2/QualityAnalytics.Benchmarks; data=/tmp/qa-bench/1000000
cols="(complaint_id TEXT, department TEXT, received_at TEXT, channel TEXT, is_valid TEXT, customer TEXT, category TEXT, description TEXT, replied_at TEXT, resolved_at TEXT, direct_deduction TEXT, handler TEXT, satisfaction TEXT)"
one() { local db=/tmp/qa-noindex.db; rm -f $db $db-wal $db-shm
  $bin __child-load --db $db --complaints $data/complaints.csv --departments $data/departments.csv --init >/dev/null
  if [ "$1" = drop ]; then sqlite3 $db 'DROP INDEX "IX_fact_complaint_quarter_key_department_key"'; fi
  sync; sleep 1
  /usr/bin/time -f "cpu %U+%S" $bin __child-load --db $db --complaints $data/complaints.csv 2>&1 | grep -o "\"Seconds\":[0-9.]*\|^cpu.*" | sed 's/"Seconds"://' | tr "\n" " " ; }
imp() { local db=/tmp/qa-alternate-i.db; rm -f $db*; sync; sleep 1
  /usr/bin/time -f "%e" sqlite3 $db "CREATE TABLE complaints_raw $cols;" ".mode csv" ".import --skip 1 $data/complaints.csv complaints_raw" 2>&1 | tail -1; }
for i in $(seq $pairs); do
  a=$(one keep); b=$(one drop); c=$(imp)
  echo "pair $i: with index $a  without $b  import $c  cpu pressure $(awk '/some/ {print $2}' /proc/pressure/cpu)"
done
