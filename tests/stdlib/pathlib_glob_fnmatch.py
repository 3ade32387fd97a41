import pathlib, tempfile, shutil, os, fnmatch, glob
from pathlib import Path, PurePosixPath
p = PurePosixPath("/usr/lib/python3.11/os.tar.gz")
print(p, repr(p), p.name, p.suffix, p.suffixes, p.stem, p.parent, p.parts, p.anchor, p.is_absolute(), list(p.parents)[:2])
print(p.with_suffix(".zip"), p.with_name("x.py"), p.relative_to("/usr"), PurePosixPath("a") / "b" / "../c", "x" / PurePosixPath("y"))
print(p.match("*.gz"), p.match("lib/*.gz"), PurePosixPath("a/b") == PurePosixPath("a//b/"), sorted([PurePosixPath("b"), PurePosixPath("a/c")]))
print(fnmatch.fnmatch("foo.py", "*.py"), fnmatch.filter(["a.py", "b.txt", "c.py"], "*.py"), fnmatch.translate("*.p[yw]"))
tmp = Path(tempfile.mkdtemp())
try:
    for i in range(3):
        (tmp / f"f{i}.py").write_text("x" * i)
        (tmp / f"g{i}.txt").write_text("y")
    (tmp / "sub").mkdir()
    (tmp / "sub" / "deep.py").write_text("print(1)")
    print(sorted(x.name for x in tmp.iterdir()))
    print(sorted(str(x.relative_to(tmp)) for x in tmp.glob("*.py")))
    print(sorted(str(x.relative_to(tmp)) for x in tmp.rglob("*.py")))
    print(sorted(os.path.relpath(x, str(tmp)) for x in glob.glob(str(tmp / "*.txt"))))
    print((tmp / "f2.py").read_text(), (tmp / "f2.py").stat().st_size, (tmp / "sub").is_dir(), (tmp / "nope").exists())
    (tmp / "f0.py").unlink()
    print(sorted(x.name for x in tmp.glob("f*")))
finally:
    shutil.rmtree(tmp)
print(tmp.exists())
