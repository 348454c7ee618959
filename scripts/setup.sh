#!/usr/bin/env bash
# Installs what QualityAnalytics needs on a fresh Debian machine with the .NET 10 SDK, skipping what is there.
# Safe to run again and again; the demo and test scripts call it first.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
# sqlite3: the loader benchmark compares against `sqlite3 .import`; handy for looking into the warehouse.
command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3)
# CJK font for charts and the PDF (TrueType outlines: text extracts correctly from Skia's PDF, unlike CFF fonts).
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need+=(fonts-wqy-microhei)
# pdftoppm: the report tests render every page to check none is blank.
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
# chromium: the browser tests drive Debian's Chromium through Playwright (nothing is downloaded).
[ -e /usr/bin/chromium ] || need+=(chromium)
# Node.js and npm: the first build runs `npm ci` for ECharts (web/package-lock.json).
command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
# PostgreSQL: the second test pass (and `Warehouse:Provider=postgres`) runs on a real server; scripts/postgres.sh starts one.
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
# tzdata: business dates are Asia/Shanghai.
[ -e /usr/share/zoneinfo/Asia/Shanghai ] || need+=(tzdata)
# ICU: .NET's globalisation (Chinese collation and formats).
ls /usr/lib/x86_64-linux-gnu/libicuuc.so.* >/dev/null 2>&1 || ls /usr/lib/*/libicuuc.so.* >/dev/null 2>&1 || need+=(libicu72)

if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

dotnet tool restore >/dev/null
dotnet restore QualityAnalytics.sln --verbosity quiet
