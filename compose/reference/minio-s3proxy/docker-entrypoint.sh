#!/bin/sh
# As minio/minio's entrypoint: `server ...` (or `minio server ...`) starts the server; anything else runs.
set -eu
if [ "${1:-}" = minio ]; then
	shift
fi
if [ "${1:-}" = server ]; then
	exec minio "$@"
fi
exec "$@"
