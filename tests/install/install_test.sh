#!/usr/bin/env bash
# Installs the build into a temporary prefix, moves the tree elsewhere, and from a third folder
# runs programs in two languages, a WebAssembly library call and doctor, then builds and runs
# examples/embed against the moved package. Usage: install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build="$1"; src="$2"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
unset MULTILINGUAL_LANG_DIR MULTILINGUAL_KERNELS_DIR MULTILINGUAL_LIB_DIR MULTILINGUAL_WEB_DIR \
      MULTILINGUAL_ENGINE_PLUGIN MULTILINGUAL_BACKEND
fail() { echo "FAIL: $*" >&2; exit 1; }
expect() {  # expect NAME EXPECTED ACTUAL
  [ "$2" = "$3" ] || fail "$1: expected [$2], got [$3]"
  echo "ok: $1"
}

cmake --install "$build" --prefix "$tmp/first" >/dev/null
mv "$tmp/first" "$tmp/moved"  # relocatable: nothing may point into the first prefix
P="$tmp/moved"
mkdir "$tmp/elsewhere" && cd "$tmp/elsewhere"

printf 'def sq(x):\n    return x * x\nprint(sq(7), "en")\n' > hello_en.ml
printf 'déf carre(x):\n    retour x * x\nafficher(carre(7), "fr")\n' > bonjour_fr.ml
expect "run English" "49 en" "$("$P/bin/multilingual" run hello_en.ml)"
expect "run French" "49 fr" "$("$P/bin/multilingual" run bonjour_fr.ml)"
# a library module written in the language, from share/multilingual/stdlib
expect "stdlib import" "3" "$(printf 'import bisect\nprint(bisect.bisect([1, 2, 3], 5))\n' > imp.ml; "$P/bin/multilingual" run imp.ml)"
# a localized, located error
err="$(printf 'x = 1\nafficher(x / 0)\n' > err_fr.ml; "$P/bin/multilingual" run err_fr.ml 2>&1 || true)"
case "$err" in *err_fr.ml:2:*) echo "ok: located error";; *) fail "error not located: $err";; esac

# V8 from the tree itself: the plugin's RUNPATH is $ORIGIN and libnode.so.108 sits beside it
# (nothing resolves into the build or source tree)
runpath="$(readelf -d "$P/lib/multilingual/libmlv8.so" | sed -n 's/.*R\(UN\)\?PATH.*\[\(.*\)\]/\2/p')"
expect "plugin RUNPATH" '$ORIGIN' "$runpath"
node_lib="$(ldd "$P/lib/multilingual/libmlv8.so" | awk '$1 == "libnode.so.108" {print $3}')"
expect "plugin loads V8 from the tree" "$P/lib/multilingual/libnode.so.108" "$node_lib"
expect "call fibonacci 30 --backend wasm" "832040" "$("$P/bin/multilingual" call fibonacci 30 --backend wasm)"
doctor="$("$P/bin/multilingual" doctor)"
for d in languages kernels stdlib web "engine plugin"; do
  line="$(grep -E "^  $d +" <<<"$doctor" || true)"
  case "$line" in *"$P/"*"installed prefix $P"*) echo "ok: doctor $d";; *) fail "doctor: $d not from $P: [$line]";; esac
done
grep -q "Chosen backend: wasm" <<<"$doctor" || fail "doctor: WebAssembly not chosen: $doctor"
echo "ok: doctor chose wasm"
# the manual, where man finds it under the prefix
page="$(MANPATH="$P/share/man" MANWIDTH=80 man multilingual-run 2>&1)" || fail "man multilingual-run: $page"
grep -q "EXIT STATUS" <<<"$page" || fail "man page of run: $page"
echo "ok: man multilingual-run"

cmake -S "$src/examples/embed" -B "$tmp/embed-build" -DCMAKE_PREFIX_PATH="$P" >/dev/null
cmake --build "$tmp/embed-build" >/dev/null
# (ML_HOST_PRELOAD: in sanitizer builds, the run-time an uninstrumented host must load first)
out="$(LD_PRELOAD="${ML_HOST_PRELOAD:-}" "$tmp/embed-build/embed_example")"
echo "$out"
expect "embedder: French loop" "bonjour 2" "$(sed -n 3p <<<"$out")"
expect "embedder: English" "144" "$(sed -n 4p <<<"$out")"
case "$(sed -n 5p <<<"$out")" in "error ZeroDivisionError at line 2: "?*) echo "ok: embedder error";; *) fail "embedder error line";; esac
case "$(sed -n 6p <<<"$out")" in "fibonacci(30) = 832040 on wasm") echo "ok: embedder call";; *) fail "embedder call";; esac
echo "install test: all ok"
