#!/usr/bin/env bash
# Robustness run over real sites (outside the default test run): indexes every corpus in
# ../shared/corpora and checks that nothing crashes, that at least 99% of the files are indexed,
# and that every failure is a clear message with a path and a line.
#
#   bench/corpus_check.sh [CORPUS_DIR...]
set -euo pipefail
cd "$(dirname "$0")/.."
folio="$PWD/build/cli/folio"
[[ -x "$folio" ]] || { echo "build folio first: scripts/build.sh build" >&2; exit 2; }
if (($# == 0)); then set -- "$PWD"/../shared/corpora/{rust-blog,go-blog,hugo-docs,digitalgov}; fi
work=$(mktemp -d /tmp/folio-corpora-XXXXXX)
trap 'rm -rf "$work"' EXIT
status=0
for corpus in "$@"; do
  name=$(basename "$corpus")
  set +e
  "$folio" index "$corpus" --db "$work/$name" --full --drafts --json >"$work/$name.json" 2>"$work/$name.err"
  rc=$?
  set -e
  if ((rc > 1)); then
    echo "$name: folio exited with $rc"; tail -5 "$work/$name.err"; status=1; continue
  fi
  /usr/bin/python3 - "$name" "$work/$name.json" <<'PY' || status=1
import json, sys
name, path = sys.argv[1], sys.argv[2]
r = json.load(open(path))
files, failed = r["files"], r["failed"]
skipped = sum(r["skipped"].values())
indexed = r["documents"]
ok = files - failed
rate = 100.0 * ok / files if files else 100.0
unclear = [p for p in r["problems"] if not p["path"] or not p["reason"]]
print(f"{name}: {files} files, {indexed} indexed, {skipped} skipped (future/expired), "
      f"{failed} failed -> {rate:.2f}% parsed; {len(r['warnings'])} warnings")
for p in r["problems"][:10]:
    print(f"  {p['path']}:{p['line']}:{p['column']}: {p['reason']}")
if rate < 99.0 or unclear:
    print(f"  FAIL: under 99% or unclear messages ({len(unclear)})")
    sys.exit(1)
PY
done
exit $status
