#!/usr/bin/env bash
# Serving throughput with wrk (2 threads, 32 connections, 10 s of single-row JSON predictions on loopback) against
# `raciflow serve` (linear model and 100-tree forest, prediction logging on, then off) and against a minimal ASP.NET
# Core endpoint that only parses the same JSON (the ceiling). Writes bench/results/serving.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v wrk >/dev/null || { sudo apt-get install -y -qq wrk >/dev/null 2>&1 || apt-get install -y -qq wrk >/dev/null; }
duration="${DURATION:-10s}"
work="$(mktemp -d /tmp/raciflow-serve-load.XXXX)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build -c Release bench/Raciflow.Bench >/dev/null
dotnet build -c Release src/Raciflow.Cli >/dev/null
bench="artifacts/bin/Raciflow.Bench/release/Raciflow.Bench"
cli="artifacts/bin/Raciflow.Cli/release/Raciflow.Cli"
setup="$("$bench" serve-setup "$work/ws")"

cat >"$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"gender":"female","race_ethnicity":"group C","parental_level_of_education":"bachelor\'s degree","lunch":"standard","test_preparation_course":"completed","reading_score":72,"writing_score":74}'
LUA

wait_up() { for _ in $(seq 1 200); do curl -s -o /dev/null "$1" && return 0; sleep 0.1; done; echo "server at $1 did not start" >&2; exit 1; }
run_wrk() { # url label
  wrk -t2 -c32 -d"$duration" --latency -s "$work/post.lua" "$1" >"$work/wrk.txt"
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
  p50=$(awk '$1=="50%" {print $2}' "$work/wrk.txt")
  p99=$(awk '$1=="99%" {print $2}' "$work/wrk.txt")
  errors=$(awk '/Non-2xx/ {print $4}' "$work/wrk.txt"); errors=${errors:-0}
  echo "| $2 | $rps | $p50 | $p99 | $errors |"
}
serve() { # logging label → starts raciflow serve on 5101
  "$bench" serve-setup "$work/ws" $1 >/dev/null
  "$cli" serve -C "$work/ws" --port 5101 >"$work/serve.log" 2>&1 &
  wait_up http://127.0.0.1:5101/health/ready
  sleep 3 # the alias refresh loads both models
  # Warm-up (JIT, tiered compilation up to tier 1 with dynamic PGO, connection pools), not recorded: 3 s left the
  # first measured run partly in tier-0 code on 2 busy cores.
  for model in linear forest; do wrk -t2 -c32 -d"${WARMUP:-10s}" -s "$work/post.lua" "http://127.0.0.1:5101/api/v1/models/$model/predict" >/dev/null; done
}

rows=()
"$bench" ceiling 5102 & ceiling=$!
wait_up http://127.0.0.1:5102/
wrk -t2 -c32 -d"${WARMUP:-10s}" -s "$work/post.lua" http://127.0.0.1:5102/predict-object >/dev/null
rows+=("$(run_wrk http://127.0.0.1:5102/predict-object "ceiling: minimal endpoint, parse JSON, return a number")")
kill $ceiling; wait $ceiling 2>/dev/null || true

serve ""
rows+=("$(run_wrk http://127.0.0.1:5101/api/v1/models/linear/predict "raciflow serve, linear, logging on")")
rows+=("$(run_wrk http://127.0.0.1:5101/api/v1/models/forest/predict "raciflow serve, 100-tree forest, logging on")")
kill %2 2>/dev/null || pkill -f "Raciflow.Cli serve -C $work/ws" || true; sleep 1
serve --unlogged
rows+=("$(run_wrk http://127.0.0.1:5101/api/v1/models/linear/predict "raciflow serve, linear, logging off")")
rows+=("$(run_wrk http://127.0.0.1:5101/api/v1/models/forest/predict "raciflow serve, 100-tree forest, logging off")")
pkill -f "Raciflow.Cli serve -C $work/ws" || true

{
  echo "# Serving throughput (bench/serve-load.sh)"
  echo
  echo "wrk -t2 -c32 -d$duration, single-row JSON predictions on loopback; $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ)."
  echo "wrk runs on the same 2 cores as the server."
  echo
  echo "| target | requests/s | p50 | p99 | non-2xx |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Model load and alias swap: $setup"
} | tee bench/results/serving.md
