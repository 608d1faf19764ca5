#!/usr/bin/env bash
# Benchmark, not a test: a two-database pg_dumpall (.sql.gz, litellm and langfuse, ~half the SQL each, Debian's
# \restrict lines, primary keys added after the data as pg_dump writes them) restored
#   - by hand, as the runbook does: `gunzip < f | docker exec -i CONTAINER psql` into a fresh postgres container at
#     the image's default settings;
#   - by the harness: PostgresLogicalRestore (globals, then the databases in parallel sessions, each one
#     transaction) into a fresh reference postgres of a drill stack, which took compose/postgres-bulk-load.sql
#     (wal_level=minimal, fsync=off, maintenance_work_mem=16MB) at its initialisation (PgRestoreBench);
# and prints both times and their ratio on one line (the goal is a ratio of at most 0.7).
#
#   nice -n 15 bench/pg-restore-bench.sh
#   env: BENCH_SQL_MB (uncompressed SQL, default 1024), BENCH_HEAP (default 64m), BENCH_DIR (default target/bench-pg)
# The dump is kept in $BENCH_DIR and reused on the next run (delete it to regenerate).
set -euo pipefail
cd "$(dirname "$0")/.."
export TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_CHECKS_DISABLE=true

SQL_MB=${BENCH_SQL_MB:-1024}
HEAP=${BENCH_HEAP:-64m}
WORK=${BENCH_DIR:-target/bench-pg}
DUMP="$WORK/pg_two_databases_${SQL_MB}.sql.gz"
IMAGE=restore-drill/postgres:15
mkdir -p "$WORK"

if [[ ! -s "$DUMP" ]]; then
  echo "generating $DUMP: ~$SQL_MB MB of SQL in two databases" >&2
  python3 - "$(( SQL_MB * 1000000 / 170 / 2 ))" <<'PY' | gzip -1 > "$DUMP.part"
import os, sys
rows = int(sys.argv[1])
out = sys.stdout.buffer
out.write(b"--\n-- PostgreSQL database cluster dump\n--\n\n\\restrict benchkey0\n\nSET default_transaction_read_only = off;\n"
          b"SET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\n\n\\unrestrict benchkey0\n\n"
          b"--\n-- Databases\n--\n\n")
for n, db in enumerate([b"litellm", b"langfuse"], start=1):
    key = b"benchkey%d" % n
    out.write(b"--\n-- Database \"" + db + b"\" dump\n--\n\n--\n-- PostgreSQL database dump\n--\n\n\\restrict " + key + b"\n\n"
              b"CREATE DATABASE " + db + b" WITH TEMPLATE = template0 ENCODING = 'UTF8';\n\n\\unrestrict " + key + b"\n"
              b"\\connect " + db + b"\n\\restrict " + key + b"\n\n"
              b"CREATE TABLE public.spend_logs (request_id text NOT NULL, api_key text, spend numeric, total_tokens integer,"
              b" start_time timestamp, model text, end_user text);\n\n"
              b"COPY public.spend_logs (request_id, api_key, spend, total_tokens, start_time, model, end_user) FROM stdin;\n")
    done, chunk = 0, 20000
    while done < rows:
        k = min(chunk, rows - done)
        rnd = os.urandom(64 * k).hex()
        out.write(b"".join(b"req-%d\t%s\t0.%04d\t%d\t2026-05-25 10:%02d:%02d\tgpt-4o-mini\t%s\n" % (
            done + i, rnd[128 * i:128 * i + 64].encode(), i % 10000, 100 + i % 900, i % 60, i % 60,
            rnd[128 * i + 64:128 * i + 128].encode()) for i in range(k)))
        done += k
    out.write(b"\\.\n\n\nALTER TABLE ONLY public.spend_logs\n    ADD CONSTRAINT spend_logs_pkey PRIMARY KEY (request_id);\n\n"
              b"--\n-- PostgreSQL database dump complete\n--\n\n\\unrestrict " + key + b"\n\n")
out.write(b"--\n-- PostgreSQL database cluster dump complete\n--\n\n")
PY
  mv "$DUMP.part" "$DUMP"
fi
echo "dump: $DUMP ($(( $(stat -c %s "$DUMP") / 1000000 )) MB gzip'd)" >&2

mvn -o -q -B -Ddrill.prepare.skip=true test-compile dependency:build-classpath \
  -Dmdep.outputFile="$WORK/classpath.txt" >&2
# A copy of the classes, so a compile during the run does not change what runs.
rm -rf "$WORK/classes" && mkdir -p "$WORK/classes" && cp -r target/classes target/test-classes "$WORK/classes/"
CP="$WORK/classes/test-classes:$WORK/classes/classes:$(cat "$WORK/classpath.txt")"

# By hand: a fresh container, the runbook's pipe.
NAME="restore-drill-bench-pg-$$"
trap 'docker rm -f -v "$NAME" >/dev/null 2>&1 || true' EXIT
docker run -d --name "$NAME" --label dev.restoredrill.bench=pg -e POSTGRES_PASSWORD=bench "$IMAGE" >/dev/null
docker logs -f "$NAME" >"$WORK/baseline-postgres.log" 2>&1 &
# Ready = the final server over TCP (the entrypoint's first, initdb-time server listens on the socket only).
for _ in $(seq 1 600); do
  docker exec "$NAME" pg_isready -h 127.0.0.1 -U postgres -q >/dev/null 2>&1 && break
  sleep 1
done
start=$(date +%s.%N)
gunzip < "$DUMP" | docker exec -i "$NAME" psql -X -q -v ON_ERROR_STOP=1 -U postgres -d postgres >/dev/null
baseline=$(python3 -c "import sys; print(float(sys.argv[2]) - float(sys.argv[1]))" "$start" "$(date +%s.%N)")
rows=$(docker exec "$NAME" psql -U postgres -d langfuse -Atc 'select count(*) from spend_logs')
docker rm -f -v "$NAME" >/dev/null
echo "by hand: ${baseline} s, langfuse.spend_logs has $rows rows" >&2

# The harness, in its own JVM with a small heap.
result=$(java -Xmx"$HEAP" -cp "$CP" dev.restoredrill.restore.PgRestoreBench "$DUMP" "$WORK/stack" | grep '^RESULT')
echo "$result" >&2
harness=$(sed 's/.* restore=\([0-9.]*\)s.*/\1/' <<<"$result")
python3 - "$harness" "$baseline" "$(stat -c %s "$DUMP")" <<'PY'
import sys
h, b, size = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
print(f"harness {h:.1f} s ({size / 1e6 / h:.1f} MB/s gzip'd), baseline (gunzip | docker exec -i psql) {b:.1f} s "
      f"({size / 1e6 / b:.1f} MB/s), ratio {h / b:.2f}")
PY
