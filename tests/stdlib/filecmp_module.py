import filecmp
import os
import shutil
import tempfile

root = tempfile.mkdtemp()
left = os.path.join(root, "left")
right = os.path.join(root, "right")
for d in (left, right, os.path.join(left, "sub"), os.path.join(right, "sub")):
    os.mkdir(d)


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


write(os.path.join(left, "same.txt"), "identical\n")
write(os.path.join(right, "same.txt"), "identical\n")
write(os.path.join(left, "diff.txt"), "left side\n")
write(os.path.join(right, "diff.txt"), "right side\n")
write(os.path.join(left, "size.txt"), "short\n")
write(os.path.join(right, "size.txt"), "much longer\n")
write(os.path.join(left, "only_left.txt"), "l\n")
write(os.path.join(right, "only_right.txt"), "r\n")
write(os.path.join(left, "sub", "x"), "x\n")
write(os.path.join(right, "sub", "x"), "y\n")
print(filecmp.cmp(os.path.join(left, "same.txt"), os.path.join(right, "same.txt"), shallow=False))
print(filecmp.cmp(os.path.join(left, "diff.txt"), os.path.join(right, "diff.txt"), shallow=False))
print(filecmp.cmp(os.path.join(left, "size.txt"), os.path.join(right, "size.txt")))
print(filecmp.cmpfiles(left, right, ["same.txt", "diff.txt", "missing.txt"], shallow=False))
dc = filecmp.dircmp(left, right)
print(dc.left_only, dc.right_only, sorted(dc.common), dc.common_dirs, sorted(dc.common_files))
print(dc.same_files, sorted(dc.diff_files), dc.funny_files, list(dc.subdirs))
print(dc.subdirs["sub"].diff_files)
filecmp.clear_cache()
shutil.rmtree(root)
