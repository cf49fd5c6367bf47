#!/usr/bin/env bash
# Browser tests drive Debian's chromium; install it from Debian's packages when missing (never a downloaded build).
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
echo "chromium not found: installing Debian's chromium package" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
command -v chromium >/dev/null
