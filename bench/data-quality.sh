#!/usr/bin/env bash
# Data-quality benchmark: validation, profile statistics, profile HTML and a stratified split of an in-memory
# frame of 100,000 rows (BenchmarkDotNet, in process, short job). Usage: bench/data-quality.sh
# Output: the BenchmarkDotNet table on stdout and in bench/results/data-quality-raw.txt
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet build bench/Raciflow.Bench -c Release -v q -nologo >/dev/null
mkdir -p bench/results
{
  echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  (cd bench/Raciflow.Bench && dotnet ../../artifacts/bin/Raciflow.Bench/release/Raciflow.Bench.dll micro --filter '*DataQuality*') | grep -E '^\|'
  echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
} 2>&1 | tee bench/results/data-quality-raw.txt
