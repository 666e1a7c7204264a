#!/usr/bin/env bash
# Runs BidPortal's whole test suite and ends with the line "N passed, N failed".
# First installs what the tests need when it is missing: Chromium (browser tests), the
# WenQuanYi font (Chinese in screenshots) and PostgreSQL (the PostgreSQL migration test).
set -uo pipefail
cd "$(dirname "$0")"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${missing[*]} ..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null || {
      echo "apt-get could not install ${missing[*]}"; echo "0 passed, 0 failed"; exit 1; }
  else
    echo "The tests need: ${missing[*]}."
    echo "On Debian or Ubuntu: sudo apt-get install ${missing[*]}"
    echo "Elsewhere: Chromium at /usr/bin/chromium, the WenQuanYi Micro Hei font, and a PostgreSQL 15+ server"
    echo "with a login given in BIDPORTAL_TEST_POSTGRES (an Npgsql connection string that may create databases)."
    echo "0 passed, 0 failed"
    exit 1
  fi
fi

# PostgreSQL on 127.0.0.1 with a login that may create the test databases.
if [ -z "${BIDPORTAL_TEST_POSTGRES:-}" ]; then
  if [ "$(id -u)" = 0 ]; then
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    pg_lsclusters -h | grep -q . || pg_createcluster "$version" main >/dev/null
    pg_ctlcluster "$version" main start 2>/dev/null || true
    su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='bidportal'\"" | grep -q 1 \
      || su postgres -c "psql -qc \"CREATE ROLE bidportal LOGIN CREATEDB PASSWORD 'bidportal'\""
  fi
  export BIDPORTAL_TEST_POSTGRES="Host=127.0.0.1;Username=bidportal;Password=bidportal;Database=postgres"
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export BIDPORTAL_SCREENSHOTS="${BIDPORTAL_SCREENSHOTS:-$PWD/TestResults/screenshots}"
rm -rf TestResults
dotnet test BidPortal.Tests --logger "trx;LogFileName=results.trx" --results-directory TestResults
status=$?

trx=$(ls TestResults/*.trx 2>/dev/null | head -n 1)
if [ -z "$trx" ]; then
  echo "No test results were written."
  echo "0 passed, 0 failed"
  exit 1
fi
counters=$(grep -o '<Counters [^>]*>' "$trx")
passed=$(echo "$counters" | sed -E 's/.* passed="([0-9]+)".*/\1/')
failed=$(echo "$counters" | sed -E 's/.* failed="([0-9]+)".*/\1/')
echo "Screenshots: $BIDPORTAL_SCREENSHOTS"
echo "$passed passed, $failed failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi
