#!/usr/bin/env bash
# The Python package installed offline with pip: the build installed into a staging prefix,
# packed into a wheel (python/make_wheel.py), installed with `pip install --no-index` into a
# fresh venv (--system-site-packages: Debian's numpy and pytest stay visible), then used from
# another folder: BackendSelector on WebAssembly, ProgramExecutor in French, the venv's
# bin/multilingual, and the guide's benchmark example.
# Usage: wheel_test.sh BUILD_DIR SOURCE_DIR VERSION PYTHON
set -euo pipefail
build="$1"; src="$2"; version="$3"; python="$4"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
unset MULTILINGUAL_LANG_DIR MULTILINGUAL_KERNELS_DIR MULTILINGUAL_LIB_DIR MULTILINGUAL_WEB_DIR \
      MULTILINGUAL_ENGINE_PLUGIN MULTILINGUAL_BACKEND PYTHONPATH
fail() { echo "FAIL: $*" >&2; exit 1; }
expect() {  # expect NAME EXPECTED ACTUAL
  [ "$2" = "$3" ] || fail "$1: expected [$2], got [$3]"
  echo "ok: $1"
}

cmake --install "$build" --prefix "$tmp/stage" --strip >/dev/null  # (stripped: a smaller wheel)
wheel="$("$python" "$src/python/make_wheel.py" "$tmp/stage" "$tmp/dist" "$version")"
echo "wheel: $(basename "$wheel") ($(du -h "$wheel" | cut -f1))"
"$python" -m venv --system-site-packages "$tmp/env"
# [performance] asks for numpy: Debian's python3-numpy, seen through --system-site-packages
"$tmp/env/bin/pip" install --no-index --no-cache-dir --disable-pip-version-check -q "$wheel[performance]"
expect "pip show" "Version: $version" "$("$tmp/env/bin/pip" show multilingualprogramming 2>/dev/null | grep '^Version:')"

mkdir "$tmp/elsewhere" && cd "$tmp/elsewhere"
# (ML_HOST_PRELOAD: in sanitizer builds, the run-time an uninstrumented host must load first)
got="$(LD_PRELOAD="${ML_HOST_PRELOAD:-}" "$tmp/env/bin/python" -c '
import multilingualprogramming, sys
from multilingualprogramming import ProgramExecutor
from multilingualprogramming.runtime.backend_selector import BackendSelector
print(multilingualprogramming.__file__.startswith(sys.prefix))
s = BackendSelector(); print(s.backend, s.call_function("fibonacci", 30))
ProgramExecutor().execute("pour i dans intervalle(2):\n    afficher(\"bonjour\", i)", language="fr")')"
expect "venv package: from the venv, wasm, French" "True
wasm 832040
bonjour 0
bonjour 1" "$got"
expect "venv bin/multilingual" "832040" "$("$tmp/env/bin/multilingual" call fibonacci 30 --backend wasm)"
doctor="$("$tmp/env/bin/multilingual" doctor)"
grep -qE "^  languages +$tmp/env/share/multilingual/languages .*installed prefix $tmp/env" <<<"$doctor" ||
  fail "doctor: languages not from the venv: $doctor"
echo "ok: doctor: languages from the venv"
out="$(LD_PRELOAD="${ML_HOST_PRELOAD:-}" "$tmp/env/bin/python" "$src/python/tests/guide/benchmark.py")"
grep -q "fibonacci:" <<<"$out" && ! grep -q "WASM not available" <<<"$out" || fail "guide benchmark: $out"
echo "ok: the guide's benchmark example in the venv"
echo "wheel test: all ok"
