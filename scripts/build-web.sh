#!/usr/bin/env bash
# Builds the playground (web/playground): the interpreter, the language packs and the
# front end compiled to wasm32 with Emscripten, the editor (CodeMirror 6 from npm, bundled with
# esbuild), and the files the page loads, into web/playground/dist. Separate from the main
# build (build/), which never depends on it.
#   scripts/build-web.sh            build (scripts/setup.sh --web installs what it needs)
#   scripts/build-web.sh --check    then run every corpus program in Node and compare
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${ML_WEB_BUILD_DIR:-$root/build-web}"
dist="$root/web/playground/dist"
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"  # Debian's acorn, for emcc's JS optimizer

for tool in emcmake emcc esbuild node npm; do
  command -v "$tool" >/dev/null || { echo "build-web: $tool is missing: run scripts/setup.sh --web" >&2; exit 1; }
done

# mini-gmp, utf8proc, PCRE2 and zlib from Debian's source packages.
src="$root/third_party/web-src"
if ! ls -d "$src"/gmp-*/mini-gmp >/dev/null 2>&1 || ! ls -d "$src"/utf8proc-* >/dev/null 2>&1 ||
   ! ls -d "$src"/pcre2-* >/dev/null 2>&1 || ! ls -d "$src"/zlib-* >/dev/null 2>&1; then
  mkdir -p "$src"
  (cd "$src" && apt-get source -qq gmp utf8proc pcre2 zlib) || {
    echo "build-web: apt-get source failed: scripts/setup.sh --web enables Debian's source packages" >&2; exit 1; }
fi

# fmt and toml++ are header-only: the host's headers, alone in a folder, so the wasm32 build
# does not see the rest of /usr/include.
mkdir -p "$build/hostinc"
ln -sfn /usr/include/fmt "$build/hostinc/fmt"
ln -sfn /usr/include/toml++ "$build/hostinc/toml++"

generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [ ! -f "$build/CMakeCache.txt" ]; then
  emcmake cmake -S "$root/web/wasm" -B "$build" "${generator[@]}" -DML_HOST_INC="$build/hostinc" \
    -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
fi
cmake --build "$build" -j"${ML_WEB_JOBS:-2}"

mkdir -p "$dist"
cp "$build/playground.mjs" "$build/playground.wasm" "$dist/"
# The packs and the library written in the language, one file the page fetches (files.bin).
node "$root/web/wasm/bundle_files.mjs" "$root" "$dist/files.bin"
# The language list and the examples in every language, so the page shows them at once.
node "$root/web/wasm/page_data.mjs" "$dist"

# The editor: CodeMirror 6 at the versions in web/playground/package-lock.json.
npm_dir="$build/npm"
mkdir -p "$npm_dir"
cp "$root/web/playground/package.json" "$root/web/playground/package-lock.json" "$npm_dir/" 2>/dev/null || \
  cp "$root/web/playground/package.json" "$npm_dir/"
if [ ! -d "$npm_dir/node_modules/@codemirror/view" ]; then
  (cd "$npm_dir" && npm ci --no-audit --no-fund --silent 2>/dev/null || npm install --no-audit --no-fund --silent)
fi
NODE_PATH="$npm_dir/node_modules" esbuild "$root/web/playground/editor_entry.mjs" --bundle --format=esm \
  --minify --log-level=warning --outfile="$dist/editor.js"

# Compressed copies for `multilingual serve`, which sends FILE.gz to browsers that accept gzip
# (a static host compresses the files itself).
for f in playground.wasm playground.mjs files.bin page.json editor.js; do
  gzip -9 -n -k -f "$dist/$f"
done

echo "build-web: $dist"
ls -l "$dist" | awk 'NR>1 {print "  " $5 "\t" $9}'

if [ "${1:-}" = "--check" ]; then
  node "$root/tests/web/corpus_node.mjs" "$dist"
fi
