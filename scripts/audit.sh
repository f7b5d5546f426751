#!/usr/bin/env bash
# Supply chain check: no high or critical advisory in runtime dependencies. The registry mirror
# some machines use has no advisory endpoint; then the check says so and does not block.
set -uo pipefail
out=$(npm audit --omit=dev --audit-level=high 2>&1)
status=$?
echo "$out" | grep -v -e 'Unknown user config' -e 'https://' | tail -20
if [ $status -ne 0 ] && echo "$out" | grep -q "audit endpoint returned an error"; then
  echo "npm audit: advisory endpoint unavailable from this machine; check skipped (not a pass)."
  exit 0
fi
exit $status
