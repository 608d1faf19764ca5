#!/usr/bin/env bash
# Benchmark, not a test (not in CI): makes a production-shaped backup set (one night; the Postgres dump about twice
# each other backup: Postgres ~2 GB, MongoDB, ClickHouse and MinIO ~1 GB each at the default size) and runs the
# quarterly drill on it with the drill's JVM capped at -Xmx256m, then the same drill on the demo-size set, and prints
# for both sets the peak heap (the most in use before a collection) and the most left after a collection (from the
# drill JVM's GC log), both ratios, and every phase's throughput line from the drill's log.
#
#   nice -n 15 bench/drill-5gb-bench.sh
#   env: BENCH_SIZE (uncompressed size of the big set's data, default 12GB), BENCH_MIX,
#        BENCH_DIR (default target/bench-5gb), BENCH_HEAP (default 256m)
# The generated sets are kept in $BENCH_DIR and reused. Measured here (2 cores, 24 GiB) on 2026-12-03: the default
# made 4.1 GB of backups (Postgres 1.76 GB, MongoDB 0.90 GB, ClickHouse 0.48 GB, MinIO 1.22 GB with 323,404 objects)
# in 26 minutes (2.6 MB/s). The reference MongoDB stand-in holds its documents in its heap, up to 60 % of the host's
# memory unless MONGO_STANDIN_HEAP fixes it: for this set's 2.9 GB of documents it reached 14.4 GiB, its limit on a
# 24 GiB host, in the source stack and again in the drill's, so this size needs a host of at least 24 GiB.
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

heap() { # GC log -> "<largest heap in use before a collection> <most left after one>", in MB
  python3 - "$1" <<'PY'
import re, sys
pairs = [(int(a), int(b)) for a, b in re.findall(r"\) (\d+)M->(\d+)M\(", open(sys.argv[1]).read())] or [(0, 0)]
print(max(a for a, _ in pairs), max(b for _, b in pairs))
PY
}

declare -A peaks lives
for name in demo big; do
  start=$(date +%s)
  set +e
  mvn -o -B verify -Pdrill -Ddrill.prepare.skip=true -Ddrill.backups="$(readlink -f "$WORK/$name")" \
    -Ddrill.reports="$WORK/reports-$name" \
    -DargLine="-Xmx$HEAP -Xlog:gc:file=$(readlink -f "$WORK")/gc-$name.log" >"$WORK/drill-$name.log" 2>&1
  status=$?
  set -e
  read -r peaks[$name] lives[$name] < <(heap "$WORK/gc-$name.log")
  echo "drill on the $name set ($(du -sh "$WORK/$name" | cut -f1)): exit $status, $(( $(date +%s) - start )) s," \
    "peak heap ${peaks[$name]} MB, most left after a GC ${lives[$name]} MB (-Xmx$HEAP)"
  grep -hoE 'throughput: .*' "$WORK/drill-$name.log" | sort -u | sed 's/^/  /'
done
python3 - "${peaks[big]}" "${peaks[demo]}" "${lives[big]}" "${lives[demo]}" <<'PY'
import sys
h, b, hl, bl = map(float, sys.argv[1:])
print(f"harness (peak heap, big set) {h:.0f} MB, baseline (peak heap, demo set) {b:.0f} MB, ratio {h / b:.2f}")
# The peak before a collection follows the collector's pacing (G1 lets a longer run fill more of -Xmx before it
# collects); what is left after a collection bounds the live set, which is what grows if memory is not flat.
print(f"harness (most left after a GC, big set) {hl:.0f} MB, baseline (demo set) {bl:.0f} MB, ratio {hl / bl:.2f}")
PY
