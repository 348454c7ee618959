#!/usr/bin/env bash
# SQLite's own floor for the warehouse's complaint table (sqlite-floor.sh's first case), run through two builds of the
# library by one small C driver (dlopen, one sqlite3_exec, timed): the loader's bundled libe_sqlite3.so against the
# distribution's libsqlite3.so.0, alternating (docs/benchmarks.md, "Twelfth session").
# usage: sqlite-lib-floor.sh WAREHOUSE.db BUILD_DIR [ROUNDS]   WAREHOUSE.db: `load --rows 1000000 --keep`'s warehouse;
#        BUILD_DIR: tests/QualityAnalytics.Benchmarks/bin/Release/net10.0 of a Release build
set -euo pipefail
src=$(realpath "$1"); bundled=$(realpath "$2")/runtimes/linux-x64/native/libe_sqlite3.so; rounds=${3:-3}
system=$(ls /usr/lib/x86_64-linux-gnu/libsqlite3.so.0); work=/tmp/qa-sqlite-lib-floor; mkdir -p "$work"
cat > "$work/run.c" <<'C'
#include <dlfcn.h>
#include <stdio.h>
#include <time.h>
typedef int (*open_t)(const char*, void**);
typedef int (*exec_t)(void*, const char*, void*, void*, char**);
typedef const char* (*version_t)(void);
int main(int argc, char** argv) {
  (void)argc;
  void* lib = dlopen(argv[1], RTLD_NOW); if (!lib) { fprintf(stderr, "%s\n", dlerror()); return 1; }
  open_t open = (open_t)dlsym(lib, "sqlite3_open"); exec_t exec = (exec_t)dlsym(lib, "sqlite3_exec");
  version_t version = (version_t)dlsym(lib, "sqlite3_libversion");
  void* db; if (open(argv[2], &db)) return 2;
  struct timespec a, b; clock_gettime(CLOCK_MONOTONIC, &a);
  char* error = 0; int rc = exec(db, argv[3], 0, 0, &error);
  clock_gettime(CLOCK_MONOTONIC, &b);
  if (rc) { fprintf(stderr, "rc %d %s\n", rc, error); return 3; }
  printf("%s %s: %.3f s\n", version(), argv[1], (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9);
  return 0;
}
C
# libe_sqlite3 needs libm's symbols from the program that loads it
gcc -O2 -o "$work/run" "$work/run.c" -ldl -Wl,--no-as-needed -lm
cols='complaint_id, department_key, received_at, received_date_key, quarter_key, channel_key, valid, customer_key, category_key, description, replied_at, resolved_at, direct_deduction, handler, satisfaction, batch_id, source_file_id, source_line'
defs='"complaint_id" TEXT NOT NULL, "department_key" INTEGER NOT NULL, "received_at" TEXT NOT NULL, "received_date_key" INTEGER NOT NULL, "quarter_key" INTEGER NOT NULL, "channel_key" INTEGER NOT NULL, "valid" INTEGER NOT NULL, "customer_key" INTEGER NULL, "category_key" INTEGER NULL, "description" TEXT NULL, "replied_at" TEXT NULL, "resolved_at" TEXT NULL, "direct_deduction" TEXT NULL, "handler" TEXT NULL, "satisfaction" TEXT NULL, "batch_id" INTEGER NOT NULL, "source_file_id" INTEGER NOT NULL, "source_line" INTEGER NOT NULL'
sqlite3 "$src" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
for _ in $(seq "$rounds"); do
  for lib in "$bundled" "$system"; do
    db="$work/t.db"; rm -f "$db" "$db-wal" "$db-shm"
    sqlite3 "$db" "PRAGMA page_size=16384; PRAGMA journal_mode=WAL; CREATE TABLE fact_complaint (id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, $defs);
      CREATE UNIQUE INDEX u ON fact_complaint (complaint_id); CREATE INDEX qd ON fact_complaint (quarter_key, department_key);" >/dev/null
    "$work/run" "$lib" "$db" "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA cache_size=-65536; ATTACH '$src' AS s;
      BEGIN; INSERT INTO fact_complaint (id, $cols) SELECT NULL, $cols FROM s.fact_complaint ORDER BY rowid; COMMIT;"
  done
done
