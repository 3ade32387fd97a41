from collections import defaultdict, namedtuple, OrderedDict, Counter
import operator, functools, bisect

Row = namedtuple("Row", "id name dept salary")

class Table:
    def __init__(self, name, columns):
        self.name = name
        self.columns = columns
        self.rows = []
        self.indexes = {}

    def insert(self, **kw):
        row = Row(**kw)
        self.rows.append(row)
        for col, idx in self.indexes.items():
            idx[getattr(row, col)].append(row)

    def create_index(self, col):
        idx = defaultdict(list)
        for r in self.rows:
            idx[getattr(r, col)].append(r)
        self.indexes[col] = idx

    def select(self, where=None, order_by=None, desc=False):
        rows = [r for r in self.rows if where is None or where(r)]
        if order_by:
            rows.sort(key=operator.attrgetter(*order_by) if isinstance(order_by, tuple) else operator.attrgetter(order_by), reverse=desc)
        return rows

    def group_by(self, col, agg):
        groups = OrderedDict()
        for r in sorted(self.rows, key=operator.attrgetter(col)):
            groups.setdefault(getattr(r, col), []).append(r)
        return {k: agg(v) for k, v in groups.items()}

t = Table("emp", Row._fields)
depts = ["eng", "ops", "sales"]
for i in range(30):
    t.insert(id=i, name="emp%02d" % i, dept=depts[i * 7 % 3], salary=1000 + (i * 397) % 900)
t.create_index("dept")
t.insert(id=99, name="late", dept="ops", salary=5000)
print(len(t.indexes["dept"]["ops"]), t.indexes["dept"]["ops"][-1])
print([r.id for r in t.select(lambda r: r.salary > 1700, order_by=("dept", "salary"), desc=True)])
print(t.group_by("dept", lambda rs: (len(rs), sum(r.salary for r in rs), max(rs, key=lambda r: r.salary).name)))
c = Counter(r.dept for r in t.rows)
print(c.most_common(2), c["nope"], sorted(c.elements())[:3], c + Counter(eng=5))
sal = sorted(r.salary for r in t.rows)
print(bisect.bisect_left(sal, 1500), bisect.bisect_right(sal, 1500), sal[:5])
print(functools.reduce(lambda a, r: a + r.salary, t.rows, 0), t.rows[0]._replace(salary=0), t.rows[1]._asdict())
print(Row(1, "a", "b", 2) < Row(1, "a", "c", 0), max(t.rows).id, Row._make([1, 2, 3, 4]))
