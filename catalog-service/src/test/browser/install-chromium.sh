#!/usr/bin/env bash
# Installs Debian's chromium and chromium-driver for the portal's browser tests, when missing.
# Needs root (apt-get); .ci/run calls it before the tests, and BrowserIT calls it when it can.
# Prints the paths of the browser and the driver.
set -euo pipefail

have() { command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; }

if ! have; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-chromium: chromium/chromedriver missing and not root; run as root: $0" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends chromium chromium-driver fonts-noto-cjk
fi
echo "chromium=$(command -v chromium)"
echo "chromedriver=$(command -v chromedriver)"
