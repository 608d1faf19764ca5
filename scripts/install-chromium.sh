#!/usr/bin/env bash
# Installs headless Chromium (Debian's chromium package) for the evidence report check: ReportWriterIT opens the
# generated index.html in it, as an auditor's browser would, and the drill prints evidence.pdf with it. Also
# poppler-utils (pdftoppm, pdftotext), with which the tests look at that PDF. Idempotent; needs root (or sudo)
# on Debian 12.
# Prints one line per step. The .ci/run calls it before the tests.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
step() { printf '[install-chromium] %s\n' "$*"; }

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
if [ "${#missing[@]}" -eq 0 ]; then
  step "present: $(chromium --version 2>/dev/null | head -n 1); $(pdftoppm -v 2>&1 | head -n 1)"
  exit 0
fi

step "installing ${missing[*]} from Debian"
$SUDO apt-get update -q >/dev/null
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
step "installed: $(chromium --version 2>/dev/null | head -n 1); $(pdftoppm -v 2>&1 | head -n 1)"
