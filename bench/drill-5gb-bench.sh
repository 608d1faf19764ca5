#!/usr/bin/env bash
# Benchmark, not a test (not in CI): makes a ~5 GB backup set and runs the quarterly drill on it with the drill's
# JVM capped at -Xmx256m, then the same drill on the demo-size set, and prints both peak heaps (from the drill
# JVM's GC log) and the phases' MB/s lines from the drill's log.
#
#   nice -n 15 bench/drill-5gb-bench.sh
#   env: BENCH_SIZE (default 5GB), BENCH_DIR (default target/bench-5gb), BENCH_HEAP (default 256m)
# The generated sets are kept in $BENCH_DIR and reused. At today's generator speed (about 1.6 MB/s, issue 16) the
# 5 GB set takes about an hour to make; the reference MongoDB stand-in needs MONGO_STANDIN_HEAP large enough for
# the set's documents (compose/reference/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."

WORK=${BENCH_DIR:-target/bench-5gb}
SIZE=${BENCH_SIZE:-5GB}
HEAP=${BENCH_HEAP:-256m}
mkdir -p "$WORK"

for set in big:"$SIZE" demo:20MB; do
  name=${set%%:*}
  if [[ -z "$(ls "$WORK/$name" 2>/dev/null)" ]]; then
    echo "generating the $name set ($(cut -d: -f2 <<<"$set")) into $WORK/$name" >&2
    bash scripts/demo-backups.sh --out "$WORK/$name" --size "${set#*:}" --days 7 >&2
  fi
done

peak() { # GC log -> the largest heap in use before a collection, in MB
  python3 - "$1" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
print(max([int(m) for m in re.findall(r"\) (\d+)M->\d+M\(", text)] + [0]))
PY
}

for name in demo big; do
  start=$(date +%s)
  set +e
  mvn -o -B verify -Pdrill -Ddrill.prepare.skip=true -Ddrill.backups="$(readlink -f "$WORK/$name")" \
    -Ddrill.reports="$WORK/reports-$name" \
    -DargLine="-Xmx$HEAP -Xlog:gc:file=$(readlink -f "$WORK")/gc-$name.log" >"$WORK/drill-$name.log" 2>&1
  status=$?
  set -e
  echo "drill on the $name set: exit $status, $(( $(date +%s) - start )) s, peak heap $(peak "$WORK/gc-$name.log") MB" \
    "(-Xmx$HEAP)"
  grep -hoE '(scan done|restored|streamed|extracted) .*MB/s[^"]*' "$WORK/drill-$name.log" | sort -u | sed 's/^/  /'
done
