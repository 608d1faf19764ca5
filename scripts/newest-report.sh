#!/usr/bin/env bash
# Copies the newest drill report folder (reports/<YYYY>-Q<n>[-<run>], not pre-flights) into a folder CI publishes
# as an artifact:   scripts/newest-report.sh <reports dir> <target dir>
set -euo pipefail
reports=${1:?usage: scripts/newest-report.sh <reports dir> <target dir>}
target=${2:?usage: scripts/newest-report.sh <reports dir> <target dir>}
newest=$(ls -1dt "$reports"/[0-9][0-9][0-9][0-9]-Q[1-4]*/ 2>/dev/null | head -n 1 || true)
if [ -z "$newest" ]; then
  echo "[newest-report] no drill report folder under $reports (the drill stopped before writing one)" >&2
  exit 0
fi
mkdir -p "$target"
cp -a "$newest" "$target/"
echo "[newest-report] $newest -> $target/$(basename "$newest")"
