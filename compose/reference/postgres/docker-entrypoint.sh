#!/usr/bin/env bash
# Entrypoint with the official postgres image's contract, for Debian's postgresql-15:
#   POSTGRES_PASSWORD (required unless POSTGRES_HOST_AUTH_METHOD=trust), POSTGRES_USER (default postgres),
#   POSTGRES_DB (default: the user), PGDATA, POSTGRES_INITDB_ARGS, POSTGRES_HOST_AUTH_METHOD
#   (default scram-sha-256), *_FILE variants of the three POSTGRES_ secrets, /docker-entrypoint-initdb.d.
# An empty PGDATA is initialised once; a PGDATA with data (a restored volume) is started as it is.
# Secrets are never echoed: no `set -x`, passwords go through a pipe or psql variables only.
set -Eeuo pipefail

fail() { echo "postgres entrypoint: $*" >&2; exit 1; }

# file_env VAR: VAR or VAR_FILE (a file holding the value), not both.
file_env() {
	local var="$1" file_var="${1}_FILE" default="${2:-}"
	if [ -n "${!var:-}" ] && [ -n "${!file_var:-}" ]; then
		fail "both $var and $file_var are set; set only one of them."
	fi
	local value="$default"
	if [ -n "${!var:-}" ]; then
		value="${!var}"
	elif [ -n "${!file_var:-}" ]; then
		value="$(< "${!file_var}")"
	fi
	export "$var"="$value"
	unset "$file_var"
}

# `docker run IMAGE -c shared_buffers=256MB` means postgres with those options.
if [ "${1:0:1}" = '-' ]; then
	set -- postgres "$@"
fi
if [ "$1" != 'postgres' ]; then
	exec "$@"
fi

if [ "$(id -u)" = '0' ]; then
	# Restored or foreign volumes: give the data directory to postgres, then drop root.
	mkdir -p "$PGDATA"
	find "$PGDATA" \! -user postgres -exec chown postgres:postgres '{}' +
	chmod 00700 "$PGDATA"
	mkdir -p /var/run/postgresql
	chown postgres:postgres /var/run/postgresql
	chmod 03775 /var/run/postgresql
	exec gosu postgres "$BASH_SOURCE" "$@"
fi

file_env POSTGRES_PASSWORD
file_env POSTGRES_USER postgres
file_env POSTGRES_DB "$POSTGRES_USER"
export POSTGRES_HOST_AUTH_METHOD="${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
	if [ -z "$POSTGRES_PASSWORD" ] && [ "$POSTGRES_HOST_AUTH_METHOD" != 'trust' ]; then
		fail "the database is uninitialized and no superuser password was given. Set POSTGRES_PASSWORD
  (or POSTGRES_PASSWORD_FILE), or POSTGRES_HOST_AUTH_METHOD=trust to allow every connection without one."
	fi
	echo "postgres entrypoint: initialising $PGDATA (superuser '$POSTGRES_USER', database '$POSTGRES_DB')"
	# --pwfile from a pipe: the password is in neither the process list nor a file.
	# shellcheck disable=SC2086 # POSTGRES_INITDB_ARGS is a list of options, split on purpose
	initdb --username="$POSTGRES_USER" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") \
		--auth-local=trust --auth-host=trust ${POSTGRES_INITDB_ARGS:-} >/dev/null
	# initdb trusts local sockets and loopback (like the official image); everyone else signs in.
	printf '\nhost all all all %s\n' "$POSTGRES_HOST_AUTH_METHOD" >> "$PGDATA/pg_hba.conf"

	# A private server, on the socket only, for the database and the init scripts.
	pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -p 5432" -w start >/dev/null
	psql=(psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password --no-psqlrc --dbname postgres)
	if [ "$POSTGRES_DB" != 'postgres' ]; then
		"${psql[@]}" --set db="$POSTGRES_DB" -q <<-'SQL'
			CREATE DATABASE :"db";
		SQL
	fi
	for f in /docker-entrypoint-initdb.d/*; do
		case "$f" in
			*.sh)     echo "postgres entrypoint: running $f"; if [ -x "$f" ]; then "$f"; else . "$f"; fi ;;
			*.sql)    echo "postgres entrypoint: running $f"; "${psql[@]}" --dbname "$POSTGRES_DB" -f "$f" ;;
			*.sql.gz) echo "postgres entrypoint: running $f"; gunzip -c "$f" | "${psql[@]}" --dbname "$POSTGRES_DB" ;;
			*/\*)     ;;
			*)        echo "postgres entrypoint: ignoring $f (not .sh, .sql or .sql.gz)" ;;
		esac
	done
	pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
	echo "postgres entrypoint: initialised; starting the server"
else
	echo "postgres entrypoint: $PGDATA holds a database (PG_VERSION $(< "$PGDATA/PG_VERSION")); starting it as it is"
fi

unset POSTGRES_PASSWORD
exec "$@"
