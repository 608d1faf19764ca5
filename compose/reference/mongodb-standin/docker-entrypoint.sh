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
# The data lives in the heap: MONGO_STANDIN_HEAP bounds what the stand-in can hold (an -Xmx value).
exec java -XX:+UseSerialGC -Xmx"${MONGO_STANDIN_HEAP:-8g}" -cp '/opt/mongo-standin/lib/*' dev.restoredrill.reference.MongoStandIn "$@"
