#!/usr/bin/env bash
# The main job: set up, build, index sample-content/ and serve search on http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh build
./build/cli/folio index sample-content --db build/sample-index
./build/cli/folio search --db build/sample-index "go concurrency" --limit 3
if [[ -x build/server/folio-server ]]; then
  echo "Serving search on http://127.0.0.1:8080 (Ctrl+C stops)"
  exec ./build/server/folio-server --db build/sample-index --listen 127.0.0.1:8080 --content sample-content
fi
