#!/usr/bin/env bash
# Run by Maven before the container tests and drills (phase pre-integration-test), and by .ci/run: makes sure
# the Docker engine and compose answer, Chromium is there for the report check, and the reference images
# exist (built once, then cached by input hash). Skip with -Ddrill.prepare.skip=true.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-docker.sh
bash scripts/install-chromium.sh   # the report check opens index.html in headless Chromium
bash compose/reference/build.sh
