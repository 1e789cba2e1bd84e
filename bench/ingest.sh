#!/usr/bin/env bash
# Ingest benchmark: generates a ~1 GB CSV with mixed column types (or uses FILE), then measures our SHA-256
# against sha256sum, a full `data add` (MB/s and peak memory via /usr/bin/time -v), the two passes apart,
# and re-adding the unchanged file. Usage: bench/ingest.sh [FILE] [MB]   Output: bench/results/ingest-raw.txt
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
file="${1:-/tmp/raciflow-bench-1g.csv}"
mb="${2:-1024}"
command -v /usr/bin/time >/dev/null || { apt-get install -y time >/dev/null; }
# Precompiled (ReadyToRun) like ./raciflow, so the cold ingest is timed as `raciflow data add` runs it.
scripts/publish-ready-to-run.sh bench/Raciflow.Bench artifacts/bench >/dev/null
./raciflow --version >/dev/null
bench=(dotnet artifacts/bench/Raciflow.Bench.dll)
out=bench/results/ingest-raw.txt
speeds="$(mktemp)"
trap 'rm -f "$speeds"' EXIT
mkdir -p bench/results
{
  echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  [ -f "$file" ] || "${bench[@]}" generate "$file" "$mb"
  ls -l "$file"
  cat "$file" > /dev/null   # warm the page cache so both hashers read from memory
  echo "## sha256sum"
  /usr/bin/time -f "sha256sum: %e s wall, %U s user, %M KB max RSS" sha256sum "$file"
  echo "## ours"
  /usr/bin/time -f "ours: %e s wall, %U s user, %M KB max RSS" "${bench[@]}" hash "$file"
  echo "## ingest (fresh workspace) and re-add"
  # Several cold runs and their median: on a shared 2-core machine one run can be 30 % off the next, and the user
  # CPU of the same work rises with the other tenants' load, so single runs say little.
  runs="${RUNS:-5}"
  : >"$speeds"
  for run in $(seq 1 "$runs"); do
    echo "### run $run, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    /usr/bin/time -v "${bench[@]}" ingest "$file" 2>&1 | grep -E "ingest|schema|re-add|gc heap|allocated|Maximum resident|Elapsed|Percent of CPU|User time|System time" | tee -a "$speeds"
  done
  grep -Eo '= [0-9.]+ MB/s' "$speeds" | awk '{print $2}' | sort -g | awk '{ a[NR] = $1 } END { printf "### %d cold runs: median %.1f MB/s, range %.1f-%.1f MB/s\n", NR, (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2), a[1], a[NR] }'
  echo "## the CLI end to end: ./raciflow data add into a fresh workspace (process start, stores, ingest, commit)"
  for run in 1 2; do
    ws="$(mktemp -d /tmp/raciflow-bench-ws.XXXX)"
    ./raciflow init "$ws" >/dev/null
    /usr/bin/time -v ./raciflow data add "$file" --name bench -C "$ws" --json 2>&1 >/dev/null | grep -E "Maximum resident|Elapsed|User time|System time"
    rm -rf "$ws"
  done
  echo "## passes apart"
  "${bench[@]}" passes "$file"
  echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
} 2>&1 | tee "$out"
