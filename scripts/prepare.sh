#!/usr/bin/env bash
# Run by Maven before the container tests and drills (phase pre-integration-test): makes sure the Docker
# engine and compose answer, and that the reference images exist (built once, then cached by input hash).
# Skip with -Ddrill.prepare=false when the machine is managed otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-docker.sh
bash compose/reference/build.sh
