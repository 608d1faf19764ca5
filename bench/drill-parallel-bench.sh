#!/usr/bin/env bash
# Benchmark, not a test: the whole drill (mvn verify -Pdrill) on the same backup set twice, one thing after another
# as the runbook does it by hand (-Ddrill.parallel=1: the extractions, the stack's start, the loads, then each count,
# check, the journey, the removal, the report) and side by side (the default: as many things at once as the drill
# host has CPUs: the logical loads while the snapshots are extracted, the counts, the journey's pass over the mongo
# backup while the platform starts, the isolation probe and the stores' checks side by side, the stack's removal
# beside the report and its look in Chromium), and
# prints both wall times and their ratio on one line (the goal is a ratio of at most 0.6), then how busy the host's
# CPUs were in each run (bench/host_cpu.py) and the least wall time they allow for the work: the ratio no schedule of
# that work can beat on this machine.
#
#   nice -n 15 bench/drill-parallel-bench.sh [BACKUPS_DIR]
#   env: BENCH_SIZE (demo set size when no BACKUPS_DIR is given, default 200MB), BENCH_DAYS (its nights, default 7),
#        BENCH_MIX (its mix, default the demo's), BENCH_DIR (default
#        target/bench-drill), BENCH_SCENARIO (default drill-scenarios/quarterly.yml)
# Without BACKUPS_DIR a demo set is generated once into $BENCH_DIR/backups and reused.
# Measured here (2 cores) on 2026-12-03 with BENCH_SIZE=2GB BENCH_DAYS=1 (952 MB of backups), one run each, same host
# and hour: 4fee848 233.4 s against 235.5 s (ratio 0.99), 3996827 206.7 s against 230.4 s (0.90), then 184.7 s
# against 229.5 s (0.80); the day before 70ee17b had 0.69 and 0.74 on the same set. The restores are CPU-bound on two
# cores: 79-80 s one after another, 66-78 s side by side. On 2026-12-04 (98ea0af, 355eeaa), same set size: 203.1 s
# against 285.6 s (0.71), then 181.7 s against 258.2 s (0.70); side by side the CPUs were busy 1.72 and 1.68 of 2, and
# the least time two CPUs allow for the work gave 0.61 and 0.59: the goal asks both CPUs busy from start to end.
set -euo pipefail
cd "$(dirname "$0")/.."

WORK=${BENCH_DIR:-target/bench-drill}
SCENARIO=${BENCH_SCENARIO:-drill-scenarios/quarterly.yml}
BACKUPS=${1:-$WORK/backups}
mkdir -p "$WORK"
if [[ $# -eq 0 && -z "$(ls "$BACKUPS" 2>/dev/null)" ]]; then
  echo "generating a demo set of ${BENCH_SIZE:-200MB} into $BACKUPS" >&2
  bash scripts/demo-backups.sh --out "$BACKUPS" --size "${BENCH_SIZE:-200MB}" --days "${BENCH_DAYS:-7}" \
    ${BENCH_MIX:+--mix "$BENCH_MIX"} >&2
fi
BACKUPS=$(readlink -f "$BACKUPS")
mvn -o -q -B -Ddrill.prepare.skip=true test-compile >&2

drill() { # NAME [extra mvn args] -> prints the wall time in seconds; the drill's log goes to $WORK/NAME.log, the
  # host's CPU marks before and after it to $WORK/NAME.cpu
  local name="$1" start status
  shift
  python3 bench/host_cpu.py mark >"$WORK/$name.cpu"
  start=$(date +%s.%N)
  set +e
  mvn -o -B verify -Pdrill -Ddrill.prepare.skip=true -Ddrill.scenario="$SCENARIO" -Ddrill.backups="$BACKUPS" \
    -Ddrill.reports="$WORK/reports-$name" "$@" >"$WORK/$name.log" 2>&1
  status=$?
  set -e
  python3 bench/host_cpu.py mark >>"$WORK/$name.cpu"
  python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$start" "$(date +%s.%N)"
  echo "drill $name: exit $status; restores: $(grep -o 'restores done in .*' "$WORK/$name.log" | head -1)" >&2
  grep -ho 'isolation and [0-9]* checks .*' "$WORK/$name.log" | sed "s/^/drill $name: /" >&2 || true
}

serial=$(drill serial -Ddrill.parallel=1)
parallel=$(drill parallel)
python3 - "$parallel" "$serial" <<'PY'
import sys
h, b = map(float, sys.argv[1:])
print(f"harness (default: as many at once as the CPUs) {h:.1f} s, baseline (-Ddrill.parallel=1) {b:.1f} s, ratio {h / b:.2f}")
PY
cpu() { # between NAME WALL | bound NAME -> what the host's CPUs did in that run
  python3 bench/host_cpu.py "$1" $(cat "$WORK/$2.cpu") "${@:3}"
}
echo "host CPUs, serial: $(cpu between serial "$serial"); parallel: $(cpu between parallel "$parallel")"
# The two runs' work differs (the serial one's was the larger in each run measured), so the bound takes the lesser.
python3 - "$(cpu bound serial)" "$(cpu bound parallel)" "$serial" <<'PY'
import sys
least, b = min(map(float, sys.argv[1:3])), float(sys.argv[3])
print(f"least wall time the host's CPUs allow for the lesser of the two runs' work {least:.1f} s, baseline {b:.1f} s, "
      f"ratio {least / b:.2f} (no schedule of that work beats it here)")
PY
