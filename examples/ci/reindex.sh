#!/bin/sh
# Checks a site's articles, then brings the search index on the server up to date.
# See docs/embedding.md. Run it from the site's folder (where content/ and folio.toml are):
#
#   SERVER=deploy@example.com examples/ci/reindex.sh          # index on the server (preferred)
#   SERVER=deploy@example.com examples/ci/reindex.sh ship     # build here, ship the index
#
# index (default): copies content/ to the server and runs `folio index` there, which updates the
#   live index in place (incremental, only changed files are parsed) while folio-server reads it.
# ship: builds a complete index here with --full, copies it to a new release folder on the
#   server and points the /srv/folio/index symlink at it with one rename. Needs folio only here,
#   and /srv/folio/index to be a symlink (make it one once: see docs/embedding.md).
#
# Both stop before touching the server when `folio check` finds a bad article (exit code 1, one
# path:line:col line per problem). Settings, all optional but SERVER:
#   CONTENT=content  REMOTE_ROOT=/srv/folio  REMOTE_CONFIG=/etc/folio/folio.toml  KEEP_RELEASES=3
#   FOLIO=folio (this machine's folio)  REMOTE_FOLIO=folio (the server's)
set -eu

mode="${1:-index}"
: "${SERVER:?set SERVER=user@host}"
content="${CONTENT:-content}"
remote_root="${REMOTE_ROOT:-/srv/folio}"
remote_config="${REMOTE_CONFIG:-/etc/folio/folio.toml}"
keep_releases="${KEEP_RELEASES:-3}"
folio="${FOLIO:-folio}"
remote_folio="${REMOTE_FOLIO:-folio}"
ssh="${RSYNC_RSH:-ssh}"

"$folio" check "$content"

case "$mode" in
  index)
    rsync -a --delete "$content/" "$SERVER:$remote_root/content/"
    # Exit code 3: another folio process (or POST /api/reindex) holds the index; retry later.
    $ssh "$SERVER" "$remote_folio index '$remote_root/content' --db '$remote_root/index' --config '$remote_config'"
    ;;
  ship)
    built="$(mktemp -d)"
    trap 'rm -rf "$built"' EXIT
    "$folio" index "$content" --db "$built/index" --full --strict
    release="$remote_root/releases/$(date -u +%Y%m%dT%H%M%SZ)"
    # folio.lock belongs to the machine that wrote the index.
    rsync -a --exclude folio.lock "$built/index/" "$SERVER:$release/"
    # ln + mv -T: the symlink changes in one rename(2); folio-server notices within a second.
    # Then the oldest releases go, never the one the symlink points to.
    $ssh "$SERVER" sh -s "$remote_root" "$release" "$keep_releases" <<'REMOTE'
set -eu
root="$1" release="$2" keep="$3"
ln -sfn "$release" "$root/index.next"
mv -T "$root/index.next" "$root/index"
current="$(readlink -f "$root/index")"
ls -1dt "$root"/releases/*/ | tail -n +"$((keep + 1))" | while read -r old; do
  [ "$(readlink -f "$old")" = "$current" ] || rm -rf "$old"
done
REMOTE
    ;;
  *)
    echo "usage: $0 [index|ship]" >&2
    exit 2
    ;;
esac
