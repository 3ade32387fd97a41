#!/usr/bin/env bash
# Builds the Debian package (cpack -G DEB), checks its dependencies and contents, then unpacks it
# into a temporary folder (dpkg -x: no root needed, nothing installed on this machine) and runs
# the unpacked tool and its Python package from there. Usage: deb_test.sh BUILD_DIR V8_LIBDIR
# (scripts/deb_clean_install.sh is the real `apt install` on a clean Debian 12: ctest -L clean-install)
set -euo pipefail
build="$1"; v8_libdir="$2"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
unset MULTILINGUAL_LANG_DIR MULTILINGUAL_KERNELS_DIR MULTILINGUAL_LIB_DIR MULTILINGUAL_WEB_DIR \
      MULTILINGUAL_ENGINE_PLUGIN MULTILINGUAL_BACKEND
fail() { echo "FAIL: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$tmp/out" >/dev/null)
deb="$(ls "$tmp"/out/multilingual_*.deb)"
depends="$(dpkg-deb -f "$deb" Depends)"
echo "Depends: $depends"
names="$(sed 's/ ([^)]*)//g; s/, /\n/g' <<<"$depends")"  # one package name a line, versions dropped
# (readline is not among them: the executable links it statically, cmake/startup.cmake, and it is
# the only part that uses it, for the REPL)
for lib in libnode108 libc6 libstdc++6 libfmt9 libutf8proc2 libgmp10 libboost-context1.74.0 libsimdjson14 \
           libtomlplusplus3; do
  grep -qFx "$lib" <<<"$names" || fail "Depends lacks $lib"
done
contents="$(dpkg-deb -c "$deb")"
for f in ./usr/bin/multilingual ./usr/lib/multilingual/libmlv8.so ./usr/share/multilingual/languages/fr.toml \
         ./usr/share/multilingual/kernels/kernels_simd.wasm ./usr/share/multilingual/stdlib/bisect.py \
         ./usr/share/multilingual/web/loader.mjs ./usr/include/multilingual/multilingual.h \
         ./usr/lib/cmake/multilingual/multilingualConfig.cmake ./usr/lib/python3/dist-packages/multilingualprogramming/__init__.py \
         ./usr/share/man/man1/multilingual.1.gz ./usr/share/man/man1/multilingual-run.1.gz; do
  grep -qF " $f" <<<"$contents" || fail "package lacks $f"
done
! grep -q "libnode.so" <<<"$contents" || fail "package carries libnode.so (libnode108 is a dependency)"
echo "ok: dependencies and contents"

dpkg -x "$deb" "$tmp/root"
runpath="$(readelf -d "$tmp/root/usr/lib/multilingual/libmlv8.so" | grep -E "RUNPATH|RPATH" || true)"
case "$runpath" in *"$build"*|*third_party*) fail "the plugin points into the build: $runpath";; esac
echo "ok: plugin RUNPATH: ${runpath:-none}"
# The package depends on libnode108, which apt would install; this machine may not be able to
# (another Node.js), so the build's copy of libnode108's library stands in for it here.
export LD_LIBRARY_PATH="$v8_libdir"
cd "$tmp"
printf 'afficher(6 * 7)\n' > p.ml
[ "$("$tmp/root/usr/bin/multilingual" run p.ml --lang fr)" = "42" ] || fail "unpacked tool"
[ "$("$tmp/root/usr/bin/multilingual" call fibonacci 30 --backend wasm)" = "832040" ] || fail "unpacked wasm call"
# (ML_HOST_PRELOAD: in sanitizer builds, the run-time an uninstrumented host must load first)
got="$(LD_PRELOAD="${ML_HOST_PRELOAD:-}" PYTHONPATH="$tmp/root/usr/lib/python3/dist-packages" /usr/bin/python3 -c '
from multilingualprogramming.runtime.backend_selector import BackendSelector
s = BackendSelector(); print(s.backend, s.call_function("fibonacci", 30))')"
[ "$got" = "wasm 832040" ] || fail "unpacked Python package: $got"
echo "deb test: all ok"
