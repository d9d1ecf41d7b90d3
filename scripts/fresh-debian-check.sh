#!/usr/bin/env bash
# Runs the README's two commands as a new user would: in a clone of this checkout's current commit,
# inside a fresh Debian 12 (bookworm, minbase) root where nothing but the base system is installed.
# Needs root (debootstrap, mount, chroot). See --help.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: scripts/fresh-debian-check.sh [--test | --run | --all | --command 'CMD'] [--keep]

Clones the current commit (uncommitted changes are not included) into a copy of a minbase
Debian 12 root, binds /proc, /dev and /sys, and runs as root with a clean environment (CI=true):
  --test         scripts/test.sh
  --run          scripts/run.sh in the background, then GET /api/search?q=go on 127.0.0.1:8080,
                 then stops the server (the root shares this machine's network: port 8080 must be
                 free)
  --all          both, --test first (the default)
  --command CMD  CMD in bash, from the clone (e.g. --command true to check the root is made)
  --keep         leave the run's root in place (its path is printed) instead of removing it
Exits with the command's status (2 when the root cannot be made).

The base root is made once with debootstrap (installed if missing) and kept in
$FOLIO_FRESH_CACHE (default /var/cache/folio-fresh-debian); delete it to start over. Each run copies
it under ${TMPDIR:-/tmp}. The mirror is the one this machine's apt uses (FOLIO_FRESH_MIRROR
overrides). This machine's extra CA certificates and NODE_EXTRA_CA_CERTS are copied in, so the
root reaches the package registries as this machine does. A full --all takes 25 minutes or more
on two cores.
EOF
}

mode=all
command=""
keep=0
while (($#)); do
  case "$1" in
    --test | --run | --all) mode="${1#--}" ;;
    --command)
      [[ $# -ge 2 ]] || { usage >&2; exit 2; }
      mode=command command="$2"
      shift
      ;;
    --keep) keep=1 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
  shift
done

[[ $(id -u) -eq 0 ]] || { echo "fresh-debian-check: run as root (debootstrap, mount, chroot)" >&2; exit 2; }
repo="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=scripts/lib/debian_root.sh
source "$repo/scripts/lib/debian_root.sh"
cache="${FOLIO_FRESH_CACHE:-/var/cache/folio-fresh-debian}"
base="$cache/bookworm-minbase"

make_base() {
  command -v debootstrap >/dev/null ||
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null; } ||
    { echo "fresh-debian-check: cannot install debootstrap" >&2; return 1; }
  local mirror partial="$base.partial"
  mirror="$(bookworm_mirror "${FOLIO_FRESH_MIRROR:-}")"
  rm -rf --one-file-system "$partial"
  echo "fresh-debian-check: debootstrap --variant=minbase bookworm from $mirror (once; a few minutes)"
  make_bookworm_root "$partial" "$mirror" "$cache/debootstrap.log" ||
    { echo "fresh-debian-check: debootstrap failed, see $cache/debootstrap.log" >&2; return 1; }
  mv "$partial" "$base"
}

if [[ "$mode" == run || "$mode" == all ]] && (exec 3<>/dev/tcp/127.0.0.1/8080) 2>/dev/null; then
  echo "fresh-debian-check: port 8080 is in use on this machine, whose network the root shares" >&2
  exit 2
fi

mkdir -p "$cache"
if [[ ! -x "$base/bin/bash" ]]; then
  # One maker at a time; a second caller waits, then finds the root made.
  exec 9>"$cache/.lock"
  flock 9
  [[ -x "$base/bin/bash" ]] || make_base || exit 2
  flock -u 9
fi

run_dir="$(mktemp -d "${TMPDIR:-/tmp}/folio-fresh.XXXXXX")"
root="$run_dir/root"
mounted=()

# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
  local status=$?
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    umount -R -l "${mounted[i]}" 2>/dev/null || true
  done
  if ((keep)); then
    echo "fresh-debian-check: the root is kept at $root"
  elif findmnt -rn -o TARGET | grep -qF "$root/"; then
    # Never rm -rf through a mount: a bound /dev would lose the host's device nodes.
    echo "fresh-debian-check: $root still has mounts; not removed" >&2
  else
    rm -rf --one-file-system "$run_dir"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

cp -a "$base" "$root"
cp /etc/resolv.conf "$root/etc/resolv.conf"
env_extra=()
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  mkdir -p "$root/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
fi
if [[ -n "${NODE_EXTRA_CA_CERTS:-}" && -f "$NODE_EXTRA_CA_CERTS" ]]; then
  mkdir -p "$root$(dirname "$NODE_EXTRA_CA_CERTS")"
  cp "$NODE_EXTRA_CA_CERTS" "$root$NODE_EXTRA_CA_CERTS"
  env_extra+=("NODE_EXTRA_CA_CERTS=$NODE_EXTRA_CA_CERTS")
fi
git clone -q "$repo" "$root/project"
git -C "$root/project" log -1 --format='fresh-debian-check: project at %h %s'

mount -t proc proc "$root/proc"
mounted+=("$root/proc")
mount --rbind /dev "$root/dev"
mounted+=("$root/dev")
mount --make-rslave "$root/dev"  # unmounting the copy must not unmount the host's /dev/pts
mount -t sysfs sys "$root/sys"
mounted+=("$root/sys")

# scripts/run.sh serves until stopped: start it, ask it one search, stop it. Expanded in the root.
# shellcheck disable=SC2016
run_check='
command -v curl >/dev/null || { apt-get update -qq && apt-get install -y -qq curl >/dev/null; }
scripts/run.sh >/tmp/run.log 2>&1 &
server=$!
answer=""
for _ in $(seq 1 1800); do
  if ! kill -0 "$server" 2>/dev/null; then
    echo "scripts/run.sh stopped before serving:"; tail -40 /tmp/run.log; exit 1
  fi
  if answer="$(curl -fsS --max-time 10 "http://127.0.0.1:8080/api/search?q=go" 2>/dev/null)"; then
    break
  fi
  answer=""
  sleep 2
done
kill "$server" 2>/dev/null || true
wait "$server" || true
if [[ "$answer" != *"\"hits\""* ]]; then
  echo "no search answer from scripts/run.sh:"; tail -40 /tmp/run.log; exit 1
fi
echo "scripts/run.sh served /api/search?q=go: ${answer:0:200}..."
'

case "$mode" in
  test) command="scripts/test.sh" ;;
  run) command="$run_check" ;;
  all) command="scripts/test.sh && { $run_check }" ;;
  command) ;;
esac

set +e
chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb CI=true \
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "${env_extra[@]}" \
  bash -c "set -euo pipefail; cd /project; $command"
status=$?
set -e
echo "fresh-debian-check: exit status $status"
exit "$status"
