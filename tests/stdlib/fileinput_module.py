import fileinput
import os
import sys
import tempfile

d = tempfile.mkdtemp()
a = os.path.join(d, "a.txt")
b = os.path.join(d, "b.txt")
with open(a, "w") as f:
    f.write("alpha 1\nalpha 2\n")
with open(b, "w") as f:
    f.write("beta 1\nbeta 2\nbeta 3")
for line in fileinput.input([a, b]):
    print(os.path.basename(fileinput.filename()), fileinput.lineno(), fileinput.filelineno(),
          fileinput.isfirstline(), fileinput.isstdin(), repr(line))
fileinput.close()
with fileinput.FileInput(files=(b, a)) as fi:
    for line in fi:
        if fi.filelineno() == 2:
            fi.nextfile()
            continue
        print(fi.lineno(), line.rstrip())
with fileinput.input(a, mode="rb") as fi:
    print(list(fi))
with fileinput.input([a], openhook=fileinput.hook_encoded("utf-8")) as fi:
    print([l.upper() for l in fi])
sys.argv = ["prog", b]
print(sum(1 for _ in fileinput.input()))
fileinput.close()
try:
    fileinput.filename()
except RuntimeError as e:
    print("RuntimeError", e)
try:
    fileinput.FileInput(a, mode="w")
except ValueError as e:
    print("ValueError", e)
os.remove(a)
os.remove(b)
os.rmdir(d)
