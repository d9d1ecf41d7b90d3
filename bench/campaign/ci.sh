#!/usr/bin/env bash
# The short versions of the reliability campaigns, for scripts/test.sh (a few minutes on two
# cores): 10 kills of `folio index`, 100 slow clients, the amplification requests, a 60 s soak,
# each over sample-content/ and a folio-server of its own on a free loopback port. They assert
# only outcomes (no lost or duplicated article, no 5xx, every normal request answered, the server
# alive and healthy), never times; the full versions and their figures: docs/benchmarks.md.
#   bench/campaign/ci.sh [BUILD_DIR]   (default build-release/)
set -euo pipefail
cd "$(dirname "$0")/../.."
export FOLIO_BUILD_DIR="${1:-build-release}"
here=bench/campaign
status=0
run() {
  echo "-- $*"
  local start=$SECONDS
  if ! timeout 300 "$@"; then
    echo "campaign: FAILED: $*"
    status=1
  fi
  echo "   ($((SECONDS - start)) s)"
}
run python3 "$here/kill_campaign.py" --kills 10
run python3 "$here/slow_clients.py" --ci --connections 100 --seconds 10 --samples 10
run python3 "$here/amplification.py" --ci --repeat 2
run python3 "$here/soak.py" --ci --seconds 60 --rate 40 --reindex-every 15
exit $status
