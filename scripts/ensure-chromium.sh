#!/usr/bin/env bash
# Browser tests drive Debian's Chromium through playwright-core (a downloaded browser cannot
# work here). Installs it when missing; needs root, as on CI and the development machines.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "Chromium mangler – installerer Debians chromium-pakke …"
if [ "$(id -u)" -ne 0 ]; then
  echo "Kør som root, eller installér chromium selv: apt-get install -y chromium" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
/usr/bin/chromium --version
