# shellcheck shell=bash
# Sourced, not run: a clean Debian 12 (bookworm) minbase root, made as a new machine would have it.
# Shared by scripts/fresh-debian-check.sh (the README's commands in such a root) and
# tests/package/test_deb.sh (the .deb installed in one).

# The first URI of this machine's apt sources whose path ends in $1 ("debian", "debian-security").
host_mirror() {
  {
    awk '/^URIs:/ {print $2}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true
    awk '/^deb / {print $2}' /etc/apt/sources.list 2>/dev/null || true
  } | grep -m1 -E "/$1/?\$" || true
}

# The Debian archive to build from: $1 when given, else this machine's, else deb.debian.org.
bookworm_mirror() {
  local mirror="${1:-$(host_mirror debian)}"
  echo "${mirror:-http://deb.debian.org/debian}"
}

# make_bookworm_root DEST MIRROR LOG: debootstrap into DEST (its output in LOG), then the apt
# sources of an installed machine, which also follows bookworm-updates and the security archive
# (Chromium, for one, is updated there; debootstrap writes only the release itself). On failure
# DEST is removed and the status is 1.
make_bookworm_root() {
  local dest=$1 mirror=$2 log=$3 security
  security="$(host_mirror debian-security)"
  security="${security:-http://deb.debian.org/debian-security}"
  if ! debootstrap --variant=minbase bookworm "$dest" "$mirror" >"$log" 2>&1; then
    rm -rf --one-file-system "$dest"
    return 1
  fi
  printf 'deb %s bookworm main\ndeb %s bookworm-updates main\ndeb %s bookworm-security main\n' \
    "$mirror" "$mirror" "$security" >"$dest/etc/apt/sources.list"
}
