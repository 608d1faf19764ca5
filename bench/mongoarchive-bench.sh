#!/bin/sh
# Writes and re-reads a large gzip mongodump archive under a 48 MiB heap: if memory grew with the
# archive, this would fail with OutOfMemoryError. Usage: bench/mongoarchive-bench.sh [documents]
set -eu
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
java -Xmx48m -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  dev.restoredrill.mongoarchive.MongoArchiveBench target/bench.archive.gz "${1:-2000000}"
rm -f target/bench.archive.gz
