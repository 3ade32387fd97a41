#!/usr/bin/env bash
# Remakes cmake/startup_order.txt: the functions of the multilingual executable that a `run` of a
# small program executes (callgrind lists them), which the link lays out together
# (cmake/startup.cmake). Run it after changes to what start-up does, then rebuild.
#   scripts/startup-order.sh [BINARY]     (default: build/multilingual)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$(realpath "${1:-$root/build/multilingual}")"
command -v valgrind >/dev/null || { echo "startup-order.sh: valgrind is needed (apt-get install valgrind)" >&2; exit 2; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
printf 'print("Hello, world!")\n' > "$tmp/hello.py"
printf 'def f(x):\n    return [x * i for i in range(3)]\nprint(f(2), {"a": 1}, "s".upper())\n' > "$tmp/small.py"
n=0
for args in "run $tmp/hello.py" "run --backend interpreter $tmp/hello.py" "run --lang en $tmp/hello.py" \
            "run $tmp/small.py" "--version"; do
  n=$((n + 1))
  # shellcheck disable=SC2086
  (cd "$tmp" && valgrind --tool=callgrind --demangle=no --callgrind-out-file="$tmp/cg.$n" "$bin" $args >/dev/null 2>&1)
done
# Callgrind names each object once (ob=(N) path) and each function once (fn=(N) name), then
# refers to them by number: keep the functions met while the current object is the executable.
python3 - "$bin" "$tmp"/cg.* > "$root/cmake/startup_order.txt" <<'PY'
import re, sys
binary, files = sys.argv[1], sys.argv[2:]
seen, out = set(), []
for path in files:
    objs, fns, cur = {}, {}, None
    for line in open(path, errors="replace"):
        m = re.match(r"^(c?ob|c?fn)=\((\d+)\)(?: (.*))?$", line.rstrip("\n"))
        if not m:
            continue
        kind, num, name = m.groups()
        table = objs if kind.endswith("ob") else fns
        if name is not None:
            table[num] = name
        if kind == "ob":
            cur = objs[num]
        elif kind == "fn" and cur == binary:
            f = re.sub(r"'\d+$", "", fns[num])  # callgrind's mark of a recursion depth
            # GCC's local copies (f.isra.0, f.constprop.1, f.part.0, f.cold) reuse one name in
            # many objects: ordering by it would pull all those objects' code to the front.
            if re.search(r"\.(isra|constprop|part|cold|lto_priv)(\.\d+)?$", f):
                continue
            if f not in seen and not f.startswith("0x") and not f.startswith("("):
                seen.add(f)
                out.append(f)
print("\n".join(out))
PY
echo "cmake/startup_order.txt: $(wc -l < "$root/cmake/startup_order.txt") functions"
