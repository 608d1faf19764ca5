#!/usr/bin/env bash
# Records an approval of a finished drill, after the fact, without editing its evidence:
#
#   bash scripts/approve.sh reports/2026-Q4 "Dana Ops"
#
# Appends one line to reports/2026-Q4/approvals.txt: the time (UTC), the approver and the sha256 of the folder's
# SHA256SUMS, i.e. exactly the files the approval covers. Refused when the folder no longer matches SHA256SUMS.
# evidence.json, summary.md and SHA256SUMS are never touched. Needs only Java (the harness's classes).
set -euo pipefail
if [ "$#" -ne 2 ]; then
  echo "usage: scripts/approve.sh <report folder, e.g. reports/2026-Q4> \"<approver's name>\"" >&2
  exit 2
fi
folder=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/.."
if [ ! -f target/classes/dev/restoredrill/evidence/Approvals.class ]; then
  mvn -q -B compile
fi
exec java -cp target/classes dev.restoredrill.evidence.Approvals "$folder" "$2"
