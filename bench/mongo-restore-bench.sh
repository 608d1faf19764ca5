#!/usr/bin/env bash
# Benchmark, not a test: restores a LibreChat-shaped mongodump archive (gzip) through MongoArchiveRestore into a
# fresh MongoDB stand-in container with the drill's defaults (batches of 1000, 2 writers), counts every document and
# index back, and prints the restore's time and rate (MB/s of archive data), the time the goal of issue 16 allows
# (20 MB/s) and their ratio on one line (at most 1.0 meets the goal).
#
#   bench/mongo-restore-bench.sh
#   env: BENCH_SIZE_MB (gzip'd archive, default 1024), BENCH_IMAGE (default restore-drill/mongodb-standin:1.47.0),
#        BENCH_STANDIN_HEAP (the stand-in's MONGO_STANDIN_HEAP, default: unset, its own default),
#        BENCH_HEAP (client -Xmx, default 256m), BENCH_DIR (default target/bench-mongo)
# The archive is kept in $BENCH_DIR and reused (delete it to regenerate). Run it with nice -n 15 on a shared host.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MB=${BENCH_SIZE_MB:-1024}
IMAGE=${BENCH_IMAGE:-restore-drill/mongodb-standin:1.47.0}
HEAP=${BENCH_HEAP:-256m}
WORK=${BENCH_DIR:-target/bench-mongo}
ARCHIVE="$WORK/mongo_${SIZE_MB}.gz"
mkdir -p "$WORK"

mvn -o -q -B -Ddrill.prepare.skip=true test-compile dependency:build-classpath \
  -Dmdep.outputFile="$WORK/classpath.txt" >&2
# A copy of the classes, so a compile during the run does not change what runs.
rm -rf "$WORK/classes" && mkdir -p "$WORK/classes" && cp -r target/classes target/test-classes "$WORK/classes/"
CP="$WORK/classes/test-classes:$WORK/classes/classes:$(cat "$WORK/classpath.txt")"

NAME="restore-drill-bench-mongo-$$"
cleanup() { docker rm -f -v "$NAME" >/dev/null 2>&1 || true; }
trap cleanup EXIT

restore() { # BATCH WRITERS -> prints the RESULT line
  cleanup
  docker run -d --name "$NAME" --label dev.restoredrill.bench=mongo -p 127.0.0.1::27017 ${BENCH_STANDIN_HEAP:+-e MONGO_STANDIN_HEAP="$BENCH_STANDIN_HEAP"} "$IMAGE" >/dev/null
  local port
  port=$(docker port "$NAME" 27017/tcp | head -1 | sed 's/.*://')
  # Its "listening" line, not the image's health check (every 5 s): the restore starts as soon as it listens.
  for _ in $(seq 1 600); do
    docker logs "$NAME" 2>&1 | grep -q 'mongo-standin: listening' && break
    sleep 1
  done
  java -Xmx"$HEAP" -cp "$CP" dev.restoredrill.restore.MongoRestoreBench "$ARCHIVE" "$SIZE_MB" \
    "mongodb://127.0.0.1:$port/?directConnection=true" "$1" "$2" | grep '^RESULT'
  echo "stand-in memory after the restore: $(docker stats --no-stream --format '{{.MemUsage}}' "$NAME")" >&2
}

result=$(restore 1000 2)
echo "$result" >&2
rate() { sed 's/.* rate=\([0-9.]*\)MB\/s.*/\1/' <<<"$1"; }
secs() { sed 's/.* restore=\([0-9.]*\)s.*/\1/' <<<"$1"; }
python3 - "$(secs "$result")" "$(rate "$result")" <<'PY'
import sys
h, hr = map(float, sys.argv[1:])
size_mb = h * hr
b = size_mb / 20
print(f"harness (MongoDB restore into the stand-in) {h:.1f} s ({hr:.1f} MB/s of archive data), "
      f"baseline (the goal, 20 MB/s) {b:.1f} s, ratio {h / b:.2f}")
PY
