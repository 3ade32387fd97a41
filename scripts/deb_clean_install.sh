#!/usr/bin/env bash
# Installs the Debian package the way a user does, `apt install ./multilingual_*.deb`, on a clean
# Debian 12 made with debootstrap (minbase: only Essential + apt, so every library the package
# needs must come from its Depends), then runs the installed tool and Python package there.
#
#   sudo bash scripts/deb_clean_install.sh build/multilingual_0.1.0_amd64.deb
#   sudo bash scripts/deb_clean_install.sh --base-only     # only make the cached base system
#
# Needs root (debootstrap, chroot, mounts) and the network (deb.debian.org, or
# $ML_DEBIAN_MIRROR). The base system is kept as a tarball ($ML_CHROOT_CACHE) so later runs
# skip debootstrap; each run unpacks it into a fresh folder, so nothing carries over.
# ctest runs it only when asked: configure with -DML_TEST_CLEAN_INSTALL=ON, then
# `ctest -L clean-install` builds the package and runs this on it.
set -euo pipefail
mirror="${ML_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
cache="${ML_CHROOT_CACHE:-/var/cache/multilingual/bookworm-minbase.tar}"
[ "$(id -u)" = 0 ] || { echo "deb_clean_install: needs root (debootstrap, chroot)" >&2; exit 2; }
command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null

make_base() {
  [ -s "$cache" ] && return 0
  local tmp
  tmp="$(mktemp -d /var/tmp/ml-debootstrap.XXXXXX)"
  echo "debootstrap: bookworm (minbase) from $mirror"
  debootstrap --variant=minbase bookworm "$tmp" "$mirror" >"$tmp.log" 2>&1 ||
    { tail -20 "$tmp.log" >&2; rm -rf "$tmp" "$tmp.log"; exit 1; }
  mkdir -p "$(dirname "$cache")"
  tar -C "$tmp" -cf "$cache.part" . && mv "$cache.part" "$cache"
  rm -rf "$tmp" "$tmp.log"
}

if [ "${1:-}" = "--base-only" ]; then make_base; echo "base system: $cache"; exit 0; fi
[ $# -eq 1 ] && [ -f "$1" ] || { echo "usage: deb_clean_install.sh PACKAGE.deb | --base-only" >&2; exit 2; }
deb="$(realpath "$1")"
make_base

root="$(mktemp -d /var/tmp/ml-chroot.XXXXXX)"
cleanup() {
  for m in dev/pts dev proc; do mountpoint -q "$root/$m" && umount -l "$root/$m"; done
  rm -rf --one-file-system "$root"
}
trap cleanup EXIT
tar -C "$root" -xf "$cache"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mkdir -p "$root/root/pkg" "$root/home/user/elsewhere"
cp "$deb" "$root/root/pkg/"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

echo "== apt install ./$(basename "$deb") on a clean Debian 12"
in_root apt-get update -qq
in_root sh -c "cd /root/pkg && DEBIAN_FRONTEND=noninteractive apt install -y ./$(basename "$deb")" 2>&1 |
  grep -E "^(The following NEW|Setting up multilingual|E:)|newly installed" || true
in_root dpkg -s multilingual | grep -E "^(Status|Version|Depends|Recommends):"

fail() { echo "FAIL: $*" >&2; exit 1; }
expect() {  # expect NAME EXPECTED ACTUAL
  [ "$2" = "$3" ] || fail "$1: expected [$2], got [$3]"
  echo "ok: $1 -> $3"
}
cat >"$root/home/user/elsewhere/carres.ml" <<'EOF'
déf carre(x):
    retour x * x
afficher([carre(n) pour n dans intervalle(1, 6)])
EOF
printf 'def sq(x):\n    return x * x\nprint(sq(12))\n' >"$root/home/user/elsewhere/sq.ml"
run() { in_root sh -c "cd /home/user/elsewhere && $*"; }
echo "== the installed tool, from /home/user/elsewhere"
expect "multilingual run (French)" "[1, 4, 9, 16, 25]" "$(run multilingual run carres.ml)"
expect "multilingual run (English)" "144" "$(run multilingual run sq.ml)"
expect "call fibonacci 30 --backend wasm" "832040" "$(run multilingual call fibonacci 30 --backend wasm)"
doctor="$(run multilingual doctor)"
grep -E "^  (languages|kernels|stdlib|engine plugin) " <<<"$doctor"
grep -q "Chosen backend: wasm" <<<"$doctor" || fail "doctor did not choose wasm: $doctor"
echo "ok: doctor chose wasm"
help="$(run "multilingual run --help")"
grep -q "EXIT STATUS" <<<"$help" || fail "run --help: $help"
echo "ok: run --help (manual style)"
in_root test -f /usr/share/man/man1/multilingual-run.1.gz || fail "man page not installed"
echo "ok: /usr/share/man/man1/multilingual-run.1.gz"
echo "== the Python package, with Debian's python3"
got="$(run "python3 -c 'from multilingualprogramming.runtime.backend_selector import BackendSelector
from multilingualprogramming import ProgramExecutor
s = BackendSelector(); print(s.backend, s.call_function(\"fibonacci\", 30))
ProgramExecutor().execute(\"afficher(6 * 7)\", language=\"fr\")'")"
expect "python3: BackendSelector + ProgramExecutor" "wasm 832040
42" "$got"
echo "clean install: all ok"
