#!/usr/bin/env bash
# Serving throughput with wrk (2 threads, 32 connections, 10 s of single-row JSON predictions on loopback) against
# `raciflow serve` (linear model and 100-tree forest, prediction logging on and off) and against a minimal ASP.NET
# Core endpoint that only parses the same JSON (the ceiling). Logging on and off are two servers running side by
# side, measured in turns (REPEATS rounds, order alternating) with the ceiling measured first in every round, and the
# medians are compared: on this shared machine one 10 s run can be 30% off the next, so two back-to-back blocks of
# runs said little. Each Raciflow run also records the server's GC collections and pause time per second (the usual
# cause of a p99 that moves). Writes bench/results/serving.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v wrk >/dev/null || { sudo apt-get install -y -qq wrk >/dev/null 2>&1 || apt-get install -y -qq wrk >/dev/null; }
duration="${DURATION:-10s}"
work="$(mktemp -d /tmp/raciflow-serve-load.XXXX)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

# The CLI as ./raciflow publishes it (ReadyToRun), and the bench tool built the same way.
./raciflow --version >/dev/null
scripts/publish-ready-to-run.sh bench/Raciflow.Bench artifacts/bench >/dev/null
bench="artifacts/bench/Raciflow.Bench"
cli="artifacts/raciflow/Raciflow.Cli"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
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
serve() { # workspace port → starts raciflow serve
  "$cli" serve -C "$1" --port "$2" >"$work/serve-$2.log" 2>&1 &
  wait_up "http://127.0.0.1:$2/health/ready"
}
warm() { # port: JIT, tiered compilation up to tier 1 with dynamic PGO, connection pools; not recorded
  for model in linear forest; do wrk -t2 -c32 -d"${WARMUP:-10s}" -s "$work/post.lua" "http://127.0.0.1:$1/api/v1/models/$model/predict" >/dev/null; done
}
to_ms() { awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.2f", v }' <<<"$1"; }
median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

# GC counters from a server's /metrics: collections (all), collections of gen1 or older, seconds paused, bytes allocated.
gc_snapshot() {
  curl -s "http://127.0.0.1:$1/metrics" | awk '
    /^dotnet_collection_count_total\{generation="0"\}/ { g0 = $2 }
    /^dotnet_collection_count_total\{generation="1"\}/ { g1 = $2 }
    /^dotnet_gc_pause_seconds_total / { p = $2 }
    /^dotnet_gc_allocated_bytes_total / { b = $2 }
    END { printf "%d %d %s %.0f\n", g0, g1, p + 0, b }'
}
seconds="$(to_ms "$duration" | awk '{ print $1 / 1000 }')"
gc_rates() { # before after requests/s → "collections/s | gen1+/s | pause ms/s | KB allocated per request"
  awk -v s="$seconds" -v b="$1" -v a="$2" -v r="$3" 'BEGIN { split(b, x, " "); split(a, y, " "); printf "%.1f | %.1f | %.1f | %.1f", (y[1] - x[1]) / s, (y[2] - x[2]) / s, 1000 * (y[3] - x[3]) / s, (y[4] - x[4]) / (r * s) / 1024 }'
}

rows=()
"$bench" ceiling 5102 & ceiling=$!
wait_up http://127.0.0.1:5102/
wrk -t2 -c32 -d"${WARMUP:-10s}" -s "$work/post.lua" http://127.0.0.1:5102/predict-object >/dev/null

cp -r "$work/ws" "$work/ws-off"
"$bench" serve-setup "$work/ws-off" --unlogged >/dev/null
serve "$work/ws" 5101
serve "$work/ws-off" 5103
sleep 3 # the alias refresh loads both models
warm 5101
warm 5103
repeats="${REPEATS:-3}"
: >"$work/runs.txt"
for rep in $(seq 1 "$repeats"); do
  # The ceiling is measured in every round, so each round's figures can be read against it: the other tenants of
  # this machine move the tail by more than the differences being measured.
  row="$(run_wrk http://127.0.0.1:5102/predict-object "ceiling: minimal endpoint, parse JSON, return a number, round $rep")"
  rows+=("$row | | | |")
  echo "ceiling - $(awk -F'|' '{print $3}' <<<"$row") $(to_ms "$(awk -F'|' '{gsub(/ /, "", $5); print $5}' <<<"$row")")" >>"$work/runs.txt"
  order=(5101 5103); [ $((rep % 2)) -eq 0 ] && order=(5103 5101)
  for model in linear forest; do
    for port in "${order[@]}"; do
      logging=on; [ "$port" = 5103 ] && logging=off
      before="$(gc_snapshot "$port")"
      row="$(run_wrk "http://127.0.0.1:$port/api/v1/models/$model/predict" "raciflow serve, $model, logging $logging, round $rep")"
      rows+=("$row $(gc_rates "$before" "$(gc_snapshot "$port")" "$(awk -F'|' '{print $3}' <<<"$row")") |")
      echo "$model $logging $(awk -F'|' '{print $3}' <<<"$row") $(to_ms "$(awk -F'|' '{gsub(/ /, "", $5); print $5}' <<<"$row")")" >>"$work/runs.txt"
    done
  done
done
kill $ceiling; wait $ceiling 2>/dev/null || true
pkill -f "Raciflow.Cli serve -C $work/ws" || true

ceiling_rps=$(awk '$1 == "ceiling" {print $3}' "$work/runs.txt" | median)
ceiling_p99=$(awk '$1 == "ceiling" {print $4}' "$work/runs.txt" | median)
summary=("| ceiling | $ceiling_rps | ${ceiling_p99} ms | |")
for model in linear forest; do
  for logging in on off; do
    rps=$(awk -v m=$model -v l=$logging '$1 == m && $2 == l {print $3}' "$work/runs.txt" | median)
    p99=$(awk -v m=$model -v l=$logging '$1 == m && $2 == l {print $4}' "$work/runs.txt" | median)
    summary+=("| $model, logging $logging | $rps | ${p99} ms | $(awk -v a="$rps" -v b="$ceiling_rps" 'BEGIN { printf "%.0f%%", 100 * a / b }') |")
  done
  on=$(awk -v m=$model '$1 == m && $2 == "on" {print $3}' "$work/runs.txt" | median)
  off=$(awk -v m=$model '$1 == m && $2 == "off" {print $3}' "$work/runs.txt" | median)
  summary+=("| $model: logging on / off | $(awk -v a="$on" -v b="$off" 'BEGIN { printf "%.0f%%", 100 * a / b }') | | |")
done

{
  echo "# Serving throughput (bench/serve-load.sh)"
  echo
  echo "wrk -t2 -c32 -d$duration, single-row JSON predictions on loopback; $(nproc) cores; load average before: $load_before; $(date -u +%Y-%m-%dT%H:%MZ)."
  echo "wrk runs on the same 2 cores as the server. Logging on and off: two servers side by side, $repeats rounds in turns, the ceiling first in each round."
  echo
  echo "GC columns are per second of the run, from the server's /metrics (prometheus-net): collections of any"
  echo "generation, those of gen1 or older, and milliseconds paused; and managed memory allocated per request."
  echo
  echo "| target | requests/s | p50 | p99 | non-2xx | collections/s | gen1+/s | paused ms/s | KB/request |"
  echo "|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Medians over the rounds:"
  echo
  echo "| target | requests/s | p99 | of the ceiling's requests/s |"
  echo "|---|---|---|---|"
  printf '%s\n' "${summary[@]}"
  echo
  echo "Model load and alias swap: $setup"
} | tee bench/results/serving.md
