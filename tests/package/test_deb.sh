#!/usr/bin/env bash
# Installs a folio .deb with `apt-get install ./folio_*.deb` in a clean Debian 12 (bookworm,
# minbase) root and uses what it installed as a user would: the folio user and /etc/folio, the
# unit, the man pages and CMake package files, then `folio index` and `folio search` as the folio
# user with the packaged configuration, and folio-server answering /api/search on 127.0.0.1.
#   tests/package/test_deb.sh DEB
# Needs root (debootstrap, mount, chroot) and the network (apt-get in the root). Exits 77, the
# skip code, with the reason when it cannot make the root: not root, or no debootstrap.
# The root is made once a month with debootstrap (a few minutes) and kept as a tarball in
# $FOLIO_DEB_ROOT_CACHE (default ~/.cache/folio), named by release and month; each run unpacks a
# copy (seconds) and removes it afterwards.
set -euo pipefail
[[ $# -eq 1 && -f "$1" ]] || { echo "usage: test_deb.sh FOLIO_DEB" >&2; exit 2; }
deb="$(realpath "$1")"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
# shellcheck source=scripts/lib/debian_root.sh
source "$repo/scripts/lib/debian_root.sh"

skip() { echo "test_deb: SKIPPED: $*" >&2; exit 77; }
[[ $(id -u) -eq 0 ]] || skip "needs root for debootstrap, mount and chroot"
command -v debootstrap >/dev/null || skip "debootstrap is not installed (scripts/setup.sh --package)"

cache="${FOLIO_DEB_ROOT_CACHE:-$HOME/.cache/folio}"
tarball="$cache/debian12-minbase-$(date -u +%Y-%m).tar"

make_root_tarball() {
  local mirror partial
  mirror="$(bookworm_mirror "${FOLIO_DEB_MIRROR:-}")"
  partial="$(mktemp -d "$cache/root.XXXXXX")"
  echo "test_deb: debootstrap --variant=minbase bookworm from $mirror (once a month; minutes)"
  if ! make_bookworm_root "$partial" "$mirror" "$cache/debootstrap.log"; then
    echo "test_deb: debootstrap failed, see $cache/debootstrap.log" >&2
    return 1
  fi
  chmod 755 "$partial"  # the root's own mode: apt's _apt user must get through /
  tar -C "$partial" -cf "$tarball.partial" .
  rm -rf --one-file-system "$partial"
  rm -f "$cache"/debian12-minbase-*.tar  # last month's
  mv "$tarball.partial" "$tarball"
}

mkdir -p "$cache"
if [[ ! -f "$tarball" ]]; then
  exec 9>"$cache/.lock"  # one maker at a time; a second caller waits, then finds it made
  flock 9
  [[ -f "$tarball" ]] || make_root_tarball
  flock -u 9
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/folio-deb-test.XXXXXX")"
root="$work/root"
mounted=()
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
  local status=$?
  # Whatever a failed check left running inside the root (a server) goes first.
  local proc
  for proc in /proc/[0-9]*; do
    [[ "$(readlink "$proc/root" 2>/dev/null)" == "$root" ]] && kill -KILL "${proc#/proc/}" 2>/dev/null
  done
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    umount -R -l "${mounted[i]}" 2>/dev/null || true
  done
  if findmnt -rn -o TARGET | grep -qF "$root/"; then
    # Never rm -rf through a mount: a bound /dev would lose the host's device nodes.
    echo "test_deb: $root still has mounts; not removed" >&2
  else
    rm -rf --one-file-system "$work"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir "$root"
tar -C "$root" -xf "$tarball"
chmod 755 "$root"
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/"
cp -r "$repo/sample-content" "$root/tmp/sample-content"
cp "$repo/tests/package/deb_checks.sh" "$root/tmp/deb_checks.sh"
mount -t proc proc "$root/proc"
mounted+=("$root/proc")
mount --rbind /dev "$root/dev"
mounted+=("$root/dev")
mount --make-rslave "$root/dev"  # unmounting the copy must not unmount the host's /dev/pts

chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  bash /tmp/deb_checks.sh "/tmp/$(basename "$deb")"
echo "deb test passed"
