"""Packs an installed tree (`cmake --install build --prefix STAGE`) into a wheel that pip installs
offline, with nothing but the standard library (no setuptools, no network):

    python3 python/make_wheel.py STAGE OUT_DIR VERSION
    python3 -m venv --system-site-packages env && env/bin/pip install --no-index OUT_DIR/*.whl

The package goes where pip puts packages (site-packages/multilingualprogramming); the data it
needs go in the wheel's data scheme, which pip puts under the environment's prefix: bin/multilingual,
share/multilingual/{languages,kernels,stdlib,web} and lib/multilingual (the engine plugin and V8).
The extension module finds share/multilingual four folders above itself
(site-packages/<package> -> python3.X -> lib -> prefix), as it does in an installed prefix.
"""
import base64
import hashlib
import os
import sys
import sysconfig
import zipfile
from pathlib import Path

NAME = "multilingualprogramming"
DATA_DIRS = ["bin", "share/multilingual", "lib/multilingual"]


def wheel_tag():
    py = f"cp{sys.version_info.major}{sys.version_info.minor}"
    platform = sysconfig.get_platform().replace("-", "_").replace(".", "_")
    return f"{py}-{py}-{platform}"


def record_line(arcname, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{arcname},sha256={digest},{len(data)}"


def files_under(root):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for f in sorted(filenames):
            yield Path(dirpath) / f


def build(stage, out_dir, version):
    stage, out_dir = Path(stage), Path(out_dir)
    package = stage / "lib" / "python3" / "dist-packages" / NAME
    if not (package / "__init__.py").is_file():
        raise SystemExit(f"make_wheel: no {NAME} package under {stage} (was the tree installed with ML_PYTHON on?)")
    dist_info = f"{NAME}-{version}.dist-info"
    data = f"{NAME}-{version}.data/data"
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{NAME}-{version}-{wheel_tag()}.whl"
    records = []
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:

        def add(arcname, content, mode=0o644):
            info = zipfile.ZipInfo(arcname, date_time=(2020, 1, 1, 0, 0, 0))
            info.external_attr = (0o100000 | mode) << 16  # pip keeps the executable bit
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, content)
            records.append(record_line(arcname, content))

        def add_file(arcname, file):
            add(arcname, file.read_bytes(), 0o755 if os.access(file, os.X_OK) else 0o644)

        for f in files_under(package):
            add_file(f"{NAME}/{f.relative_to(package).as_posix()}", f)
        for d in DATA_DIRS:
            for f in files_under(stage / d):
                add_file(f"{data}/{f.relative_to(stage).as_posix()}", f)
        add(f"{dist_info}/METADATA", (
            "Metadata-Version: 2.1\n"
            f"Name: {NAME}\nVersion: {version}\n"
            "Summary: Programs written in 17 human languages, run by a C++ runtime (the seed guide's API)\n"
            f"Requires-Python: =={sys.version_info.major}.{sys.version_info.minor}.*\n"
            "Provides-Extra: performance\n"  # the guide's `pip install multilingualprogramming[performance]`
            'Requires-Dist: numpy; extra == "performance"\n').encode())
        add(f"{dist_info}/WHEEL", (
            "Wheel-Version: 1.0\nGenerator: multilingual make_wheel.py\nRoot-Is-Purelib: false\n"
            f"Tag: {wheel_tag()}\n").encode())
        add(f"{dist_info}/top_level.txt", f"{NAME}\n".encode())
        records.append(f"{dist_info}/RECORD,,")
        z.writestr(f"{dist_info}/RECORD", "\n".join(records) + "\n")
    return path


if __name__ == "__main__":
    if len(sys.argv) != 4:
        raise SystemExit("usage: make_wheel.py STAGE OUT_DIR VERSION")
    print(build(*sys.argv[1:]))
