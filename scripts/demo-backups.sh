#!/usr/bin/env bash
# Generates a demo backup set laid out like the runbook's /backups (a reference platform filled from a seed and
# backed up exactly as the runbook does), e.g. to try the drill or the pre-flight on your own terms:
#
#   bash scripts/demo-backups.sh --out backups [--size 20MB] [--days 30] [--seed N] [--as-of YYYY-MM-DD] [--mix spend=W,...]
#
# The drill does this by itself when it finds no backups. Needs what the drill needs (scripts/prepare.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/prepare.sh
mvn -q -B compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
# Ryuk has no image here; the generator removes its source stack itself (see README "Images").
TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_CHECKS_DISABLE=true \
  exec java -cp "target/classes:$(cat target/classpath.txt)" dev.restoredrill.generate.DemoBackups "$@"
