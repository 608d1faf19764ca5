#!/usr/bin/env bash
# The scheduled drill (ci-templates/systemd/restore-drill.service, ci-templates/cron/restore-drill.cron): loads
# the drill's environment from a file only the drill user may read, then runs the drill:
#
#   DRILL_ENV_FILE=/etc/restore-drill/drill.env scripts/scheduled-drill.sh [-Ddrill.scenario=...] [more -D options]
#
# The file holds the drill account, the gateway key and the notification URL (ci-templates/drill.env.example); it
# must be owned by the user running the drill with no access for group or others, else nothing runs. Exit code:
# the drill's (non-zero when the drill fails).
set -euo pipefail
cd "$(dirname "$0")/.."
env_file=${DRILL_ENV_FILE:-/etc/restore-drill/drill.env}
say() { printf '[scheduled-drill] %s\n' "$*" >&2; }

if [ ! -f "$env_file" ]; then
  say "no environment file at $env_file: expected the drill's secrets there (see ci-templates/drill.env.example)."
  exit 2
fi
mode=$(stat -c %a "$env_file")
owner=$(stat -c %U "$env_file")
if [ "$owner" != "$(id -un)" ] || [ $(( 8#$mode & 8#077 )) -ne 0 ]; then
  say "$env_file is mode $mode, owner $owner: expected owner $(id -un) and mode 600 (it holds the drill's secrets)."
  say "fix: chown $(id -un) '$env_file' && chmod 600 '$env_file'"
  exit 2
fi
set -a
# shellcheck disable=SC1090
. "$env_file"
set +a

args=(-B -ntp verify -Pdrill)
[ -n "${DRILL_BACKUPS:-}" ] && args+=("-Ddrill.backups=$DRILL_BACKUPS")
[ -n "${DRILL_REPORTS:-}" ] && args+=("-Ddrill.reports=$DRILL_REPORTS")
[ -n "${DRILL_GPG_KEY:-}" ] && args+=("-Ddrill.gpg-key=$DRILL_GPG_KEY")
[ -n "${DRILL_OPERATOR:-}" ] && args+=("-Ddrill.operator=$DRILL_OPERATOR")
# DRILL_NOTIFY_URL is read from the environment by the drill: a webhook's token stays out of `ps`.
say "running: mvn ${args[*]} $*"
exec mvn "${args[@]}" "$@"
