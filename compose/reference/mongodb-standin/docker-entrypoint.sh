#!/usr/bin/env bash
# As the official mongo image: `mongod [options]` (or options alone) starts the server, anything else runs.
# Run as root, the data directory is given to the mongodb user first (restored volumes), then root is dropped.
set -Eeuo pipefail

if [ "${1:0:1}" = '-' ]; then
	set -- mongod "$@"
fi
if [ "$1" != mongod ]; then
	exec "$@"
fi

if [ "$(id -u)" = 0 ]; then
	mkdir -p /data/db
	find /data/db \! -user mongodb -exec chown mongodb:mongodb '{}' +
	exec setpriv --reuid=mongodb --regid=mongodb --init-groups "$BASH_SOURCE" "$@"
fi

if [ -n "${MONGO_INITDB_ROOT_USERNAME:-}" ]; then
	echo "mongo-standin: MONGO_INITDB_ROOT_USERNAME is ignored: the stand-in has no authentication." >&2
fi
# The data lives in the heap, so the heap bounds what the stand-in can hold: MONGO_STANDIN_HEAP (an -Xmx value) when
# set, else 60 % of the drill host's memory. The parallel collector: every document stays live, and near a full heap
# the serial one spent most of a 1 GB restore collecting. The heap starts at its full size (pages are only touched as
# data arrives): grown step by step, each step cost a full collection of everything loaded so far, 8 of them and
# 38 s of a 121 s restore. A young generation of a ninth keeps the garbage of decoding small beside the data
# (bench/mongo-restore-bench.sh, compose/reference/README.md).
heap=(-XX:MaxRAMPercentage=60 -XX:InitialRAMPercentage=60)
if [ -n "${MONGO_STANDIN_HEAP:-}" ]; then
	heap=(-Xmx"$MONGO_STANDIN_HEAP" -Xms"$MONGO_STANDIN_HEAP")
fi
exec java -XX:+UseParallelGC -XX:NewRatio=8 "${heap[@]}" -cp '/opt/mongo-standin/lib/*' dev.restoredrill.reference.MongoStandIn "$@"
