import io

class Done:
    MIN_CHOICE_STRATEGY = 0
    def __init__(self, count, empty=False):
        self.count = count
        self.cells = None if empty else [[0, 1, 2, 3, 4, 5, 6, 7] for i in range(count)]
    def clone(self):
        ret = Done(self.count, True)
        ret.cells = [self.cells[i][:] for i in range(self.count)]
        return ret
    def __getitem__(self, i):
        return self.cells[i]
    def remove(self, i, v):
        if v in self.cells[i]:
            self.cells[i].remove(v)
            return True
        return False
    def already_done(self, i):
        return len(self.cells[i]) == 1

def render(done, out):
    for i in range(done.count):
        cell = done[i]
        if len(cell) == 1:
            out.write("%d " % cell[0])
        else:
            out.write(". ")
        if i % 4 == 3:
            out.write("\n")

d = Done(12)
for i in range(12):
    for v in range(8):
        if (i * 3 + v) % 5 != 0 and v != i % 8:
            d.remove(i, v)
d2 = d.clone()
d2.remove(0, 0)
out = io.StringIO()
render(d, out)
out.write("---\n")
render(d2, out)
print(out.getvalue(), end="")
print(sum(d.already_done(i) for i in range(12)), d[3], d2[0])
buf = io.StringIO("line1\nline2\n\nline4")
print(buf.readline(), buf.readlines(), buf.tell(), buf.seek(0), buf.read(3))
