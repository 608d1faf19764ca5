#!/usr/bin/env bash
# Benchmark, not a test: restores a big (~1 GB of SQL) and a small (~10 MB) pg_dumpall .sql.gz into a fresh
# restore-drill/postgres:15 through PostgresLogicalRestore, each in its own JVM with the same small heap, and
# prints both peak heaps. A restore that streams needs the same heap for both; one that buffers fails or grows.
#
#   bench/restore-memory-bench.sh
#   env: BENCH_BIG_MB (uncompressed SQL, default 1024), BENCH_SMALL_MB (default 10), BENCH_HEAP (default 64m),
#        BENCH_DIR (default target/bench-restore), BENCH_GENERATE_ONLY=1 (write the dumps, restore nothing)
# The generated dumps are kept in $BENCH_DIR and reused on the next run (delete them to regenerate).
set -euo pipefail
cd "$(dirname "$0")/.."
export TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_CHECKS_DISABLE=true

BIG_MB=${BENCH_BIG_MB:-1024}
SMALL_MB=${BENCH_SMALL_MB:-10}
HEAP=${BENCH_HEAP:-64m}
WORK=${BENCH_DIR:-target/bench-restore}
mkdir -p "$WORK"

# A pg_dumpall-shaped dump of one database with one table: ~170 bytes of SQL a COPY row (random hex, so gzip
# cannot shrink the load away).
generate() { # MB FILE
  [[ -s "$2" ]] && return
  echo "generating $2: ~$1 MB of SQL" >&2
  python3 - "$(( $1 * 1000000 / 170 ))" <<'PY' | gzip -1 > "$2.part"
import os, sys
rows = int(sys.argv[1])
out = sys.stdout.buffer
out.write(b"--\n-- PostgreSQL database cluster dump\n--\n\nSET client_encoding = 'UTF8';\n\n"
          b"CREATE DATABASE bench_restore;\n\\connect bench_restore\n\n"
          b"CREATE TABLE public.spend_logs (request_id text, api_key text, spend numeric, total_tokens integer,"
          b" start_time timestamp, model text, end_user text);\n\n"
          b"COPY public.spend_logs (request_id, api_key, spend, total_tokens, start_time, model, end_user) FROM stdin;\n")
done, chunk = 0, 20000
while done < rows:
    n = min(chunk, rows - done)
    rnd = os.urandom(64 * n).hex()
    out.write(b"".join(b"req-%d\t%s\t0.%04d\t%d\t2026-05-25 10:%02d:%02d\tgpt-4o-mini\t%s\n" % (
        done + i, rnd[128 * i:128 * i + 64].encode(), i % 10000, 100 + i % 900, i % 60, i % 60,
        rnd[128 * i + 64:128 * i + 128].encode()) for i in range(n)))
    done += n
out.write(b"\\.\n\n--\n-- PostgreSQL database cluster dump complete\n--\n\n")
PY
  mv "$2.part" "$2"
}

BIG="$WORK/pg_big.sql.gz"
SMALL="$WORK/pg_small.sql.gz"
generate "$BIG_MB" "$BIG"
generate "$SMALL_MB" "$SMALL"
[[ -n "${BENCH_GENERATE_ONLY:-}" ]] && exit 0

mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" >&2
CP="target/test-classes:target/classes:$(cat "$WORK/classpath.txt")"

# Peak heap occupancy from the GC log = the largest "used" before a GC, or at exit.
gc_peak() {
  python3 - "$1" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
before = [int(m) for m in re.findall(r"\) (\d+)M->\d+M\(", text)]
exit_used = [int(k) // 1024 for k in re.findall(r"heap\s+total \d+K, used (\d+)K", text)]
print(max(before + exit_used + [0]))
PY
}

for dump in "$SMALL" "$BIG"; do
  name=$(basename "$dump" .sql.gz)
  gclog="$WORK/gc-$name.log"
  rm -f "$gclog"
  java -Xmx"$HEAP" -Xlog:gc,gc+heap+exit:file="$gclog" -cp "$CP" \
    dev.restoredrill.restore.PgRestoreBench "$dump" "$WORK/work-$name" | tee "$WORK/result-$name.txt"
  echo "$name: -Xmx$HEAP, peak heap (GC log) $(gc_peak "$gclog") MB"
done
