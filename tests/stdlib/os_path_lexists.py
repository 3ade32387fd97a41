# os.path.lexists: True for a broken symbolic link, which os.path.exists says is not there.
import os
import tempfile

with tempfile.TemporaryDirectory() as d:
    target = os.path.join(d, "target")
    link = os.path.join(d, "link")
    with open(target, "w") as f:
        f.write("x")
    os.symlink(target, link)
    print(os.path.exists(link), os.path.lexists(link), os.path.islink(link))
    os.remove(target)
    print(os.path.exists(link), os.path.lexists(link), os.path.islink(link))
    print(os.path.lexists(os.path.join(d, "nothing")), os.path.lexists(d))
    import posixpath
    print(posixpath.lexists(link))
    os.symlink("somewhere", link + "2")
    print(os.readlink(link + "2"))
    try:
        os.symlink("x", link)
    except FileExistsError as e:
        print("FileExistsError", e.errno)
    try:
        os.readlink(target)
    except FileNotFoundError as e:
        print("FileNotFoundError", e.errno)
