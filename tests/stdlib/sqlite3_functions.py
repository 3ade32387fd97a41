import sqlite3, math
con = sqlite3.connect(":memory:")
try: con.executescript(5)
except Exception as e: print(type(e).__name__, e)
con.executescript("create table a(x); insert into a values (1); insert into a values (2);")
print(con.in_transaction, con.total_changes)
con.execute("insert into a values (3)")
print(con.in_transaction)
con.executescript("insert into a values (4)")
print(con.in_transaction)
try: con.executescript("insert into a values (5); bogus;")
except Exception as e: print(type(e).__name__, e)
print(con.execute("select count(*) from a").fetchone())
con.create_function("cos", 1, math.cos)
print(con.execute("select cos(0), cos(x) from a").fetchall()[:2])
def boom(x): raise ValueError("no")
con.create_function("boom", 1, boom)
try: con.execute("select boom(1)").fetchall()
except Exception as e: print(type(e).__name__, e)
con.create_function("bad", 0, lambda: [1])
try: con.execute("select bad()").fetchall()
except Exception as e: print(type(e).__name__, e)
con.create_function("big", 0, lambda: 2**70)
try: con.execute("select big()").fetchall()
except Exception as e: print(type(e).__name__, e)
class Sum:
    def __init__(self): self.t = 0
    def step(self, v): self.t += v
    def finalize(self): return self.t
con.create_aggregate("mysum", 1, Sum)
print(con.execute("select mysum(x) from a").fetchone(), con.execute("select mysum(x) from a where x > 100").fetchone())
class BadStep(Sum):
    def step(self, v): raise KeyError(v)
class BadFin(Sum):
    def finalize(self): 1/0
class BadInit:
    def __init__(self): raise RuntimeError
con.create_aggregate("bs", 1, BadStep); con.create_aggregate("bf", 1, BadFin); con.create_aggregate("bi", 1, BadInit)
for q in ("select bs(x) from a", "select bf(x) from a", "select bi(x) from a"):
    try: print(con.execute(q).fetchall())
    except Exception as e: print(type(e).__name__, e)
try: con.create_function("f", 1, 5)
except Exception as e: print(type(e).__name__, e)
try: con.create_function(5, 1, len)
except Exception as e: print(type(e).__name__, e)
try: con.create_collation("c", 5)
except Exception as e: print(type(e).__name__, e)
con.create_collation("rev", lambda a, b: (a < b) - (a > b))
print(con.execute("select x from (select 'a' x union select 'c' union select 'b') order by x collate rev").fetchall())
with con:
    con.execute("insert into a values (10)")
print(con.in_transaction)
try:
    with con:
        con.execute("insert into a values (11)")
        raise KeyError("x")
except KeyError: pass
print(con.execute("select max(x) from a").fetchone())
con.execute("insert into a values (12)"); con.rollback()
print(con.execute("select max(x) from a").fetchone())
con.text_factory = bytes
print(con.execute("select 'abc'").fetchone())
con.text_factory = str
con.isolation_level = None
con.execute("insert into a values (13)")
print(con.in_transaction)
try: con.isolation_level = "FOO"
except Exception as e: print(type(e).__name__, e)
con2 = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES)
sqlite3.register_converter("point", lambda b: tuple(map(float, b.split(b";"))))
class Point:
    def __init__(self, x, y): self.x, self.y = x, y
sqlite3.register_adapter(Point, lambda p: f"{p.x};{p.y}")
con2.execute("create table p(pt point, n integer)")
con2.execute("insert into p values (?, ?)", (Point(1, 2.5), 7))
print(con2.execute("select pt, n from p").fetchone(), con2.execute('select n as "n [point]" from p').fetchone())
import datetime
con2.execute("create table d(day date, ts timestamp)")
con2.execute("insert into d values (?, ?)", (datetime.date(2024, 1, 2), datetime.datetime(2024, 1, 2, 3, 4, 5)))
print(con2.execute("select day, ts from d").fetchone(), con2.execute("select day from d").fetchone())
print(sqlite3.complete_statement("select 1;"), sqlite3.complete_statement("select 1"))
print(isinstance(sqlite3.OperationalError("x"), sqlite3.DatabaseError), sqlite3.Error.__mro__[1], sqlite3.Warning.__mro__[1])
print(con.execute("select typeof(?), typeof(?), typeof(?), typeof(?), typeof(?), typeof(?)", (1, 1.0, "s", b"b", None, True)).fetchone())
cur = con.execute("select x from a order by x")
print(next(cur), list(cur)[:3], cur.fetchone())
cur = con.cursor(); cur.arraysize = 2
cur.execute("select x from a order by x")
print(cur.fetchmany(), cur.fetchmany(3), cur.fetchmany(size=1))
print(con.execute("select ?, :x", {"x": 3}).fetchone() if False else "skip")
print(con.execute("select :x, :y, :x", {"x": 1, "y": 2}).fetchone(), con.execute("select $x, @y", {"x": 1, "y": 2}).fetchone())
print(con.execute("select ?2, ?1", (1, 2)).fetchone())
