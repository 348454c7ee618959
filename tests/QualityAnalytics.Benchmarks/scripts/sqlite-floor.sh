#!/usr/bin/env bash
# SQLite's own cost of storing a loaded warehouse's complaints again, per shape of fact_complaint (docs/benchmarks.md,
# "SQLite's own floor for this schema"): INSERT … SELECT in the sqlite3 shell, no parsing, binding or validation.
# usage: sqlite-floor.sh WAREHOUSE.db [WORK_DIR]   (WAREHOUSE.db: e.g. `load --rows 1000000 --keep`'s warehouse)
set -euo pipefail
src=$(realpath "$1"); work=${2:-/tmp/qa-sqlite-floor}; mkdir -p "$work"
cols='complaint_id, department_key, received_at, received_date_key, quarter_key, channel_key, valid, customer_key, category_key, description, replied_at, resolved_at, direct_deduction, handler, satisfaction, batch_id, source_file_id, source_line'
defs='"complaint_id" TEXT NOT NULL, "department_key" INTEGER NOT NULL, "received_at" TEXT NOT NULL, "received_date_key" INTEGER NOT NULL, "quarter_key" INTEGER NOT NULL, "channel_key" INTEGER NOT NULL, "valid" INTEGER NOT NULL, "customer_key" INTEGER NULL, "category_key" INTEGER NULL, "description" TEXT NULL, "replied_at" TEXT NULL, "resolved_at" TEXT NULL, "direct_deduction" TEXT NULL, "handler" TEXT NULL, "satisfaction" TEXT NULL, "batch_id" INTEGER NOT NULL, "source_file_id" INTEGER NOT NULL, "source_line" INTEGER NOT NULL'
rowid="CREATE TABLE fact_complaint (id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, $defs)"
unique='CREATE UNIQUE INDEX u ON fact_complaint (complaint_id)'
qd='CREATE INDEX qd ON fact_complaint (quarter_key, department_key)'
sqlite3 "$src" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
# the same rows in time order with ids issued in that order, as a real export would have them
sqlite3 "$src" "CREATE TABLE IF NOT EXISTS floor_time_ordered AS SELECT printf('TS%010d', row_number() OVER (ORDER BY received_at, id)) AS complaint_id,
  ${cols#complaint_id, } FROM fact_complaint ORDER BY received_at, id"

floor() { # name, schema, source table[, id expression (default: SQLite issues it)[, journal mode and synchronous]]
  local db="$work/$1.db" id=${4:-NULL} journal=${5:-WAL NORMAL}; rm -f "$db" "$db-wal" "$db-shm" "$db-journal"
  sqlite3 "$db" "PRAGMA page_size=16384; PRAGMA journal_mode=${journal% *};" >/dev/null
  sqlite3 "$db" "$2"
  /usr/bin/time -f "$1: %e s (user %U, sys %S)" sqlite3 "$db" "PRAGMA journal_mode=${journal% *}; PRAGMA synchronous=${journal#* };
    PRAGMA cache_size=-65536; ATTACH '$src' AS s;
    BEGIN; INSERT INTO fact_complaint (id, $cols) SELECT $id, $cols FROM s.$3 ORDER BY rowid; COMMIT;" >/dev/null
}
for round in 1 2; do
  floor warehouse "$rowid; $unique; $qd" fact_complaint
  floor no-autoincrement "${rowid/ AUTOINCREMENT/}; $unique; $qd" fact_complaint
  floor no-quarter-index "$rowid; $unique" fact_complaint
  floor quarter-only "$rowid; $unique; CREATE INDEX q ON fact_complaint (quarter_key)" fact_complaint
  floor without-rowid "CREATE TABLE fact_complaint (id INTEGER NULL, $defs, PRIMARY KEY (complaint_id)) WITHOUT ROWID; $qd" fact_complaint
  floor no-index "CREATE TABLE fact_complaint (id INTEGER NULL, $defs)" fact_complaint
  floor time-ordered "$rowid; $unique; $qd" floor_time_ordered
  # eighth session: a rollback journal as `.import` has it (pages written once, no checkpoint), and the table itself
  # clustered by quarter (and department) through the rowid instead of the (quarter_key, department_key) index
  floor rollback-journal "$rowid; $unique; $qd" fact_complaint NULL "DELETE FULL"
  floor clustered-quarter "${rowid/ AUTOINCREMENT/}; $unique" fact_complaint "(quarter_key << 40) + rowid"
  floor clustered-quarter-department "${rowid/ AUTOINCREMENT/}; $unique" fact_complaint "(quarter_key << 40) + (department_key << 32) + rowid"
done
/usr/bin/time -f "index built after (on no-quarter-index): %e s" sqlite3 "$work/no-quarter-index.db" "PRAGMA cache_size=-65536; $qd"
