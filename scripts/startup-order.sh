#!/usr/bin/env bash
# Remakes cmake/startup_order.txt: the functions of the multilingual executable that a `run` of a
# small program executes (callgrind lists them), which the link lays out together
# (cmake/startup.cmake); and cmake/startup_sections.txt (below). Run it after changes to what start-up does, then rebuild.
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

# cmake/startup_sections.txt: the sources compiled with -ffunction-sections (cmake/startup.cmake).
# Compiled whole, a source's code is one section, laid out at the front with all of it as soon as
# one function of it runs at start-up: named here are those where that drags along the most code
# that does not run (20 KiB or more), read from the objects of the build next to BINARY. A source
# listed stays listed (compiled in sections, it no longer shows what it would drag along).
python3 - "$(dirname "$bin")" "$root" <<'PY'
import glob, os, re, subprocess, sys
build, root = sys.argv[1], sys.argv[2]
order = set(l.strip() for l in open(os.path.join(root, "cmake/startup_order.txt")) if l.strip())
listed_path = os.path.join(root, "cmake/startup_sections.txt")
listed = set(l.strip() for l in open(listed_path) if l.strip() and not l.startswith("#")) if os.path.exists(listed_path) else set()
for obj in glob.glob(os.path.join(build, "CMakeFiles/ml*.dir/src/**/*.cpp.o"), recursive=True):
    src = "src/" + obj.split("/src/", 1)[1][: -len(".o")]
    sections = subprocess.run(["readelf", "-SW", obj], capture_output=True, text=True).stdout
    text = sum(int(m.group(1), 16) for m in re.finditer(r"\]\s+\.text\s+PROGBITS\s+\S+\s+\S+\s+([0-9a-f]+)", sections))
    syms = subprocess.run(["nm", "-S", "--defined-only", obj], capture_output=True, text=True).stdout.splitlines()
    run = [int(p[1], 16) for p in (l.split() for l in syms) if len(p) == 4 and p[2] in "tT" and p[3] in order]
    if run and text - sum(run) >= 20 << 10:
        listed.add(src)
with open(listed_path, "w") as f:
    f.write("# Sources compiled with -ffunction-sections: made by scripts/startup-order.sh\n")
    f.write("\n".join(sorted(listed)) + "\n")
PY
echo "cmake/startup_sections.txt: $(grep -vc '^#' "$root/cmake/startup_sections.txt") sources"
