#!/usr/bin/env bash
# Benchmark, not a test: lists a bucket of N objects through S3Proxy's S3 front end with an S3 SDK's paginator (pages
# of 1,000 keys), from the MinIO stand-in's store (compose/reference/minio-s3proxy: one walk of the bucket per
# listing) and from S3Proxy 4.1.0's filesystem store as released (a walk of the whole bucket per page), on the same
# files, and prints both times and their ratio on one line. Both servers run in this JVM on loopback ports.
#
#   nice -n 15 bench/s3-listing-bench.sh
#   env: BENCH_OBJECTS (default 20000; the released store's time grows with its square), BENCH_DIR
#        (default target/bench-s3-listing; the bucket is kept there and reused)
set -euo pipefail
cd "$(dirname "$0")/.."

OBJECTS=${BENCH_OBJECTS:-20000}
WORK=$(readlink -f "${BENCH_DIR:-target/bench-s3-listing}")
PROJECT=compose/reference/minio-s3proxy
mkdir -p "$WORK"

mvn -o -q -B -f "$PROJECT/pom.xml" test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$WORK/classpath.txt" >&2
# S3Proxy's logback.xml reads LOG_LEVEL: only warnings and errors, so the result line stands alone.
java -DLOG_LEVEL=warn -Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener \
  -cp "$PROJECT/target/test-classes:$PROJECT/target/classes:$(cat "$WORK/classpath.txt")" \
  dev.restoredrill.reference.minio.ListingBench "$OBJECTS" "$WORK/objects-$OBJECTS"
