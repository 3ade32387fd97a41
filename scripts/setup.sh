#!/usr/bin/env bash
# Installs everything the build needs from Debian's packages. Idempotent: safe to run twice.
# V8 comes from Debian's libnode108 (Node 18, V8 10.2), unpacked into third_party/libnode
# (ignored by git) because machines with another Node.js installed refuse libnode-dev.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"

pkgs=(build-essential cmake ninja-build pkg-config clang-19 lld-19
      libtomlplusplus-dev libcli11-dev libfmt-dev libutf8proc-dev libsimdjson-dev
      libopenblas-dev libstb-dev libclang-rt-19-dev libgmp-dev libgtest-dev libgmock-dev libbenchmark-dev libreadline-dev
      libboost-context-dev libpcre2-dev zlib1g-dev libbz2-dev liblzma-dev libsqlite3-dev libexpat1-dev libmimalloc-dev
      python3-dev pybind11-dev python3-pybind11 python3-numpy python3-pytest python3-venv python3-pip dpkg-dev man-db groff-base
      libuv1 libc-ares2 libnghttp2-14 libbrotli1 libicu72  # what libnode.so.108 links (unpacked below, not installed)
      chromium curl)  # `serve` and `build` tests load pages in headless Chromium
# The tests run `build`'s standalone modules under Node.js (web/loader.mjs); a Node.js from
# elsewhere will do.
command -v node >/dev/null || pkgs+=(nodejs)
# The playground's wasm32 build (scripts/build-web.sh), only with --web: Emscripten (with its
# clang), esbuild for the editor bundle, npm for the page's test driver; mini-gmp and utf8proc come
# from Debian's source packages, so their deb-src entries are enabled.
if [ "${1:-}" = "--web" ]; then
  pkgs+=(emscripten binaryen esbuild ccache
        fonts-ipafont-gothic fonts-noto-core)  # Japanese and Arabic in the page's screenshots
  command -v npm >/dev/null || pkgs+=(npm)  # a Node.js from elsewhere brings its own
  src_list=/etc/apt/sources.list.d/multilingual-src.sources
  if ! grep -rqs "deb-src" /etc/apt/sources.list /etc/apt/sources.list.d/; then
    printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' |
      $SUDO tee "$src_list" >/dev/null
    $SUDO apt-get update -qq
  fi
fi
missing=()
for p in "${pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

dest="$root/third_party/libnode"
if [ ! -f "$dest/usr/lib/x86_64-linux-gnu/libnode.so.108" ] || [ ! -f "$dest/usr/include/node/v8.h" ]; then
  tmp="$(mktemp -d)"
  (cd "$tmp" && apt-get download libnode108 libnode-dev >/dev/null)
  mkdir -p "$dest"
  for f in "$tmp"/libnode*.deb; do dpkg -x "$f" "$dest"; done
  rm -rf "$tmp"
fi
echo "setup: done"
