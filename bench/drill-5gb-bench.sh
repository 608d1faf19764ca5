#!/usr/bin/env bash
# Benchmark, not a test (not in CI): makes a production-shaped backup set (one night; the Postgres dump about twice
# each other backup: Postgres ~2 GB, MongoDB, ClickHouse and MinIO ~1 GB each at the default size) and runs the
# quarterly drill on it with the drill's JVM capped at -Xmx256m, then the same drill on the demo-size set, and prints
# both peak heaps (from the drill JVM's GC log), their ratio, and every phase's throughput line from the drill's log.
#
#   nice -n 15 bench/drill-5gb-bench.sh
#   env: BENCH_SIZE (uncompressed size of the big set's data, default 12GB: about 5 GB of backups), BENCH_MIX,
#        BENCH_DIR (default target/bench-5gb), BENCH_HEAP (default 256m)
# The generated sets are kept in $BENCH_DIR and reused. The generator makes about 3 MB/s of backups here (2 cores;
# BENCH_SIZE=5GB made 2.14 GB in 11 minutes), so the default set takes about half an hour. The reference MongoDB
# stand-in holds its documents in its heap (up to 60 % of the host's memory, about 6 GB of documents on 24 GiB, unless
# MONGO_STANDIN_HEAP fixes it). The MinIO stand-in lists a bucket from one walk of it (the default set's bucket holds
# about 320,000 objects; compose/reference/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."

WORK=${BENCH_DIR:-target/bench-5gb}
SIZE=${BENCH_SIZE:-12GB}
MIX=${BENCH_MIX:-spend=51,conversations=24,traces=17,media=8}
HEAP=${BENCH_HEAP:-256m}
mkdir -p "$WORK"

for set in big:"$SIZE" demo:20MB; do
  name=${set%%:*}
  if [[ -z "$(ls "$WORK/$name" 2>/dev/null)" ]]; then
    echo "generating the $name set ($(cut -d: -f2 <<<"$set")) into $WORK/$name" >&2
    mix=()
    [[ $name == big ]] && mix=(--mix "$MIX")
    bash scripts/demo-backups.sh --out "$WORK/$name" --size "${set#*:}" --days 1 "${mix[@]}" >&2
  fi
done

peak() { # GC log -> the largest heap in use before a collection, in MB
  python3 - "$1" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
print(max([int(m) for m in re.findall(r"\) (\d+)M->\d+M\(", text)] + [0]))
PY
}

declare -A peaks
for name in demo big; do
  start=$(date +%s)
  set +e
  mvn -o -B verify -Pdrill -Ddrill.prepare.skip=true -Ddrill.backups="$(readlink -f "$WORK/$name")" \
    -Ddrill.reports="$WORK/reports-$name" \
    -DargLine="-Xmx$HEAP -Xlog:gc:file=$(readlink -f "$WORK")/gc-$name.log" >"$WORK/drill-$name.log" 2>&1
  status=$?
  set -e
  peaks[$name]=$(peak "$WORK/gc-$name.log")
  echo "drill on the $name set ($(du -sh "$WORK/$name" | cut -f1)): exit $status, $(( $(date +%s) - start )) s," \
    "peak heap ${peaks[$name]} MB (-Xmx$HEAP)"
  grep -hoE 'throughput: .*' "$WORK/drill-$name.log" | sort -u | sed 's/^/  /'
done
python3 - "${peaks[big]}" "${peaks[demo]}" <<'PY'
import sys
h, b = map(float, sys.argv[1:])
print(f"harness (peak heap, big set) {h:.0f} MB, baseline (peak heap, demo set) {b:.0f} MB, ratio {h / b:.2f}")
PY
