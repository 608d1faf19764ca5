#!/usr/bin/env bash
# Entrypoint for Debian's ClickHouse 18.16 with the official image's environment contract:
#   CLICKHOUSE_USER / CLICKHOUSE_PASSWORD: when either is set, that user (default: default) is the only
#     one, with that password (stored as SHA-256) and access from every address; as in the official image
#     the built-in passwordless `default` user is removed. Neither set: `default` without a password.
#   CLICKHOUSE_DB: created (with /docker-entrypoint-initdb.d/*.sql|*.sh) on a fresh data directory.
# A data directory restored from a tarball is given to the clickhouse user and started as it is.
set -Eeuo pipefail

fail() { echo "clickhouse entrypoint: $*" >&2; exit 1; }

DATA_DIR=/var/lib/clickhouse
CONFIG=/etc/clickhouse-server/config.xml
USERS_FILE=/etc/clickhouse-server/users.d/docker-user.xml

if [ "${1:0:1}" = '-' ]; then
	set -- clickhouse-server --config-file="$CONFIG" "$@"
fi
if [ "$1" != 'clickhouse-server' ]; then
	exec "$@"
fi

if [ "$(id -u)" = '0' ]; then
	mkdir -p "$DATA_DIR"
	find "$DATA_DIR" \! -user clickhouse -exec chown clickhouse:clickhouse '{}' +
	chown clickhouse:clickhouse /var/log/clickhouse-server /etc/clickhouse-server/users.d
	exec gosu clickhouse "$BASH_SOURCE" "$@"
fi

user="${CLICKHOUSE_USER:-default}"
password="${CLICKHOUSE_PASSWORD:-}"
if [ -n "${CLICKHOUSE_USER:-}" ] || [ -n "$password" ]; then
	[[ "$user" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] \
		|| fail "CLICKHOUSE_USER must be letters, digits and underscores (it becomes an XML element name); found '$user'."
	password_xml='<password></password>'
	if [ -n "$password" ]; then
		password_xml="<password_sha256_hex>$(printf '%s' "$password" | sha256sum | cut -d' ' -f1)</password_sha256_hex>"
	fi
	remove_default=''
	[ "$user" = 'default' ] || remove_default='<default remove="remove"/>'
	umask 077
	cat >"$USERS_FILE" <<-XML
		<?xml version="1.0"?>
		<!-- Written by the entrypoint from CLICKHOUSE_USER / CLICKHOUSE_PASSWORD. -->
		<yandex>
		    <users>
		        $remove_default
		        <$user replace="replace">
		            $password_xml
		            <networks><ip>::/0</ip></networks>
		            <profile>default</profile>
		            <quota>default</quota>
		        </$user>
		    </users>
		</yandex>
	XML
	umask 022
else
	rm -f "$USERS_FILE"
fi

shopt -s nullglob
initdb_scripts=(/docker-entrypoint-initdb.d/*.sql /docker-entrypoint-initdb.d/*.sh)
shopt -u nullglob
database="${CLICKHOUSE_DB:-}"
if [ ! -d "$DATA_DIR/metadata" ] && { [ -n "$database" ] && [ "$database" != default ] || [ ${#initdb_scripts[@]} -gt 0 ]; }; then
	echo "clickhouse entrypoint: fresh data directory; creating database '${database:-default}', running init scripts"
	# A private server for the initialisation (the real one is exec'd below, as PID 1).
	"$@" >/dev/null 2>&1 &
	init_pid=$!
	client=(clickhouse-client --user "$user")
	[ -z "$password" ] || client+=(--password "$password")   # argv of a short-lived child, never logged
	for _ in $(seq 1 120); do
		"${client[@]}" --query 'SELECT 1' >/dev/null 2>&1 && break
		kill -0 "$init_pid" 2>/dev/null || fail "the server stopped during initialisation; start it without CLICKHOUSE_DB to see why."
		sleep 0.5
	done
	if [ -n "$database" ]; then
		"${client[@]}" --query "CREATE DATABASE IF NOT EXISTS \`$database\`"
	fi
	for f in "${initdb_scripts[@]}"; do
		echo "clickhouse entrypoint: running $f"
		case "$f" in
			*.sql) "${client[@]}" --multiquery <"$f" ;;
			*.sh)  if [ -x "$f" ]; then "$f"; else . "$f"; fi ;;
		esac
	done
	kill "$init_pid"
	wait "$init_pid" || true
fi

exec "$@"
