#!/usr/bin/env bash
# Benchmark, not a test: the catalog's one streaming pass (sha256 + gunzip + pg_dumpall facts) over a big
# pg_dumpall .sql.gz, against `sha256sum f && gzip -t f` on the same file, with a capped heap.
#
#   bench/catalog-bench.sh [EXISTING.sql.gz]
#   env: BENCH_SIZE_MB (compressed size to generate, default 1024), BENCH_HEAP (default 256m),
#        BENCH_DIR (default target/bench)
# The generated dump is kept in $BENCH_DIR and reused on the next run (delete it to regenerate).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MB=${BENCH_SIZE_MB:-1024}
HEAP=${BENCH_HEAP:-256m}
WORK=${BENCH_DIR:-target/bench}
BACKUPS="$WORK/backups"
mkdir -p "$BACKUPS"

if [[ $# -ge 1 ]]; then
  SRC=$(readlink -f "$1")
  DUMP="$BACKUPS/pg_$(date -u +%F).sql.gz"
  ln -sf "$SRC" "$DUMP"
else
  DUMP=$(ls "$BACKUPS"/pg_*.sql.gz 2>/dev/null | head -1 || true)
  if [[ -z "$DUMP" ]]; then
    DUMP="$BACKUPS/pg_$(date -u +%F).sql.gz"
    # ~92 random-hex bytes a row survive gzip -1: rows for SIZE_MB compressed
    ROWS=$(( SIZE_MB * 1000000 / 92 ))
    echo "generating $DUMP: $ROWS LiteLLM_SpendLogs rows, ~${SIZE_MB} MB gzip'd" >&2
    python3 - "$ROWS" <<'PY' | gzip -1 > "$DUMP.part"
import os, sys
rows = int(sys.argv[1])
out = sys.stdout.buffer
out.write(b"--\n-- PostgreSQL database cluster dump\n--\n\n\\restrict benchkey0\n\nSET client_encoding = 'UTF8';\n\n"
          b"\\unrestrict benchkey0\n\n--\n-- Database \"litellm\" dump\n--\n\n--\n-- PostgreSQL database dump\n--\n\n"
          b"\\restrict benchkey1\n\nCREATE DATABASE litellm;\n\\connect litellm\n\n"
          b"COPY public.\"LiteLLM_SpendLogs\" (request_id, api_key, spend, total_tokens, \"startTime\", model, \"user\") FROM stdin;\n")
chunk = 20000
done = 0
while done < rows:
    n = min(chunk, rows - done)
    rnd = os.urandom(64 * n).hex()
    lines = [b"req-%d\t%s\t0.%04d\t%d\t2026-05-25 10:%02d:%02d\tgpt-4o-mini\t%s\n" % (
        done + i, rnd[128 * i:128 * i + 64].encode(), i % 10000, 100 + i % 900, i % 60, i % 60,
        rnd[128 * i + 64:128 * i + 128].encode()) for i in range(n)]
    out.write(b"".join(lines))
    done += n
out.write(b"\\.\n\n\n--\n-- PostgreSQL database dump complete\n--\n\n\\unrestrict benchkey1\n\n"
          b"--\n-- PostgreSQL database cluster dump complete\n--\n\n")
PY
    mv "$DUMP.part" "$DUMP"
  fi
fi
SIZE=$(stat -L -c %s "$DUMP")
echo "file: $DUMP ($(( SIZE / 1000000 )) MB)" >&2

mvn -o -q -B -Ddrill.prepare.skip=true compile dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" >&2
# A copy of the classes, so a compile during the run does not change what runs.
rm -rf "$WORK/classes" && cp -r target/classes "$WORK/classes"
CP="$WORK/classes:$(cat "$WORK/classpath.txt")"

seconds() { python3 -c "import sys; print(f'{float(sys.argv[1]):.2f}')" "$1"; }
rate() { python3 -c "import sys; print(f'{int(sys.argv[1]) / 1e6 / float(sys.argv[2]):.1f}')" "$SIZE" "$1"; }

GCLOG="$WORK/gc.log"
rm -f "$GCLOG"
start=$(date +%s.%N)
set +e
java -Xmx"$HEAP" -Xlog:gc,gc+heap+exit:file="$GCLOG" -cp "$CP" \
  -Ddrill.backups="$BACKUPS" -Ddrill.manifest="$WORK/manifest.json" -Ddrill.stores=postgres \
  dev.restoredrill.backup.Preflight
status=$?
set -e
catalog=$(python3 -c "import sys; print(float(sys.argv[2]) - float(sys.argv[1]))" "$start" "$(date +%s.%N)")
# Peak heap occupancy = the largest "used" just before a GC, or at exit (occupancy only grows between GCs).
peak=$(python3 - "$GCLOG" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
before = [int(m) for m in re.findall(r"\) (\d+)M->\d+M\(", text)]
exit_used = [int(k) // 1024 for k in re.findall(r"garbage-first heap\s+total \d+K, used (\d+)K", text)]
print(max(before + exit_used + [0]))
PY
)

start=$(date +%s.%N)
sha256sum "$DUMP" >/dev/null && gzip -t "$DUMP"
tools=$(python3 -c "import sys; print(float(sys.argv[2]) - float(sys.argv[1]))" "$start" "$(date +%s.%N)")

echo
echo "file                       : $(( SIZE / 1000000 )) MB compressed"
echo "catalog (1 pass, java)     : $(seconds "$catalog") s, $(rate "$catalog") MB/s, exit $status, -Xmx$HEAP, peak heap ${peak} MB"
echo "sha256sum && gzip -t (2 p.): $(seconds "$tools") s, $(rate "$tools") MB/s"
python3 - "$catalog" "$tools" <<'PY'
import sys
h, b = map(float, sys.argv[1:])
print(f"harness {h:.2f} s, baseline (sha256sum && gzip -t) {b:.2f} s, ratio {h / b:.2f}")
PY
