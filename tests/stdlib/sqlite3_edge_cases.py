# sqlite3 edge cases: re-entrant queries from a user function, two cursors on one statement text,
# a cursor outliving its connection, a user function raising SystemExit, NUL characters, text
# that is not UTF-8.
import sqlite3, _sqlite3, sys
con = sqlite3.connect(":memory:")
con.execute("create table t(x)")
con.executemany("insert into t values (?)", [(i,) for i in range(5)])
# a user function querying the same connection
con.create_function("count_t", 0, lambda: con.execute("select count(*) from t").fetchone()[0])
print(con.execute("select count_t(), x from t").fetchall())
# two cursors on the same statement text
a = con.execute("select x from t"); b = con.execute("select x from t")
print(next(a), next(b), next(a), list(b), list(a))
# closing the connection while a cursor is mid-way
c = con.execute("select x from t")
print(next(c))
con.close()
try: next(c)
except Exception as e: print(type(e).__name__, e)
con = sqlite3.connect(":memory:")
def stop(): raise SystemExit(3)
con.create_function("stop", 0, stop)
try: con.execute("select stop()")
except sqlite3.OperationalError as e: print("OperationalError", e)
print(con.execute("select ?", ("a\x00b",)).fetchone())
try: con.execute("select 1\x00")
except Exception as e: print(type(e).__name__, e)
print(con.execute("select cast(x'ff' as text)").fetchone() if False else "")
try: con.execute("select cast(x'ff' as text) as col").fetchone()
except Exception as e: print(type(e).__name__, e)
con.execute("create table big(v)")
con.executemany("insert into big values (?)", ((i, ) for i in range(1000)))
print(con.execute("select sum(v) from big").fetchone())
print(sys.getrecursionlimit() > 0)
