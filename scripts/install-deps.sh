#!/usr/bin/env bash
# Installs the system tools the test layers need, from Debian's packages, when missing.
# Usage: scripts/install-deps.sh COMMAND:PACKAGE ...
set -euo pipefail
missing=()
for pair in "$@"; do
  cmd="${pair%%:*}"; pkg="${pair#*:}"
  if ! command -v "$cmd" >/dev/null 2>&1 && ! dpkg -s "$pkg" >/dev/null 2>&1; then
    missing+=("$pkg")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q >/dev/null || true
$sudo apt-get install -y -q "${missing[@]}" >/dev/null
