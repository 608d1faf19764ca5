#!/usr/bin/env bash
# Installs headless Chromium (Debian's chromium package) for the evidence report check: ReportWriterIT opens the
# generated index.html in it, as an auditor's browser would. Idempotent; needs root (or sudo) on Debian 12.
# Prints one line per step. The .ci/run calls it before the tests.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
step() { printf '[install-chromium] %s\n' "$*"; }

if command -v chromium >/dev/null 2>&1; then
  step "present: $(chromium --version 2>/dev/null | head -n 1)"
  exit 0
fi

step "installing chromium from Debian"
$SUDO apt-get update -q >/dev/null
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends chromium >/dev/null
step "installed: $(chromium --version 2>/dev/null | head -n 1)"
