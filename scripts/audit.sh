#!/usr/bin/env bash
# Supply chain check (battery item 21), in two parts:
#  1. version floors of the runtime dependencies that guard the websocket endpoint, on what is
#     installed (scripts/supply-chain.mjs); works offline, fails on a missed floor;
#  2. `npm audit --omit=dev`: no high or critical advisory in runtime dependencies.
# Some registry mirrors have no advisory endpoint (this machine's answers 405). Then part 2 is
# reported as NOT CHECKED, never as passed: the script exits 0 so CI can run there, unless
# AUDIT_REQUIRE_ADVISORIES=1, which makes an unchecked audit fail.
set -uo pipefail
cd "$(dirname "$0")/.."
node scripts/supply-chain.mjs
floors=$?
out=$(npm audit --omit=dev --audit-level=high 2>&1)
status=$?
echo "$out" | grep -v -e 'Unknown user config' -e 'https://' | tail -20
if [ $status -ne 0 ] && echo "$out" | grep -q "audit endpoint returned an error"; then
  echo "npm audit: NOT CHECKED — the registry's advisory endpoint is unavailable from this machine; only the version floors above were checked."
  if [ "${CI:-}" = "true" ]; then
    # Loud in CI: a reader of the log must not take the green run for a checked supply chain.
    {
      echo "################################################################################"
      echo "## WARNING: npm audit did NOT run in this CI job (no advisory endpoint).      ##"
      echo "## Runtime dependencies were checked against version floors only.             ##"
      echo "## Run 'npm audit --omit=dev' where the registry's advisories can be reached. ##"
      echo "################################################################################"
    } >&2
  fi
  if [ "${AUDIT_REQUIRE_ADVISORIES:-0}" = "1" ]; then exit 1; fi
  status=0
fi
if [ $floors -ne 0 ]; then
  echo "supply chain: a version floor is missed (see NOT OK above)."
  exit 1
fi
exit $status
