# sqlite3 on a database file: data kept across connections, transactions seen (or not) by a
# second connection, rollback, and a pyperformance sqlite_synth-like workload.
import math, os, sqlite3, tempfile

tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "test.db")
con = sqlite3.connect(path)
con.execute("create table people (id integer primary key autoincrement, name text not null unique, age integer, photo blob)")
rows = [("ann", 31, b"\x89PNG"), ("bob", 25, None), ("cyd", 47, bytes(range(5)))]
cur = con.executemany("insert into people (name, age, photo) values (?, ?, ?)", rows)
print(cur.rowcount, con.in_transaction)
other = sqlite3.connect(path, timeout=0.1)
print(other.execute("select count(*) from people").fetchone())
con.commit()
print(other.execute("select count(*) from people").fetchone(), con.in_transaction)
cur = con.execute("insert into people (name, age) values (:name, :age)", {"name": "dee", "age": 52})
print(cur.lastrowid, cur.rowcount)
con.rollback()
print(con.execute("select name from people order by id").fetchall())
with con:
    con.execute("update people set age = age + 1 where age > ?", (30,))
print(other.execute("select name, age from people where age > 30 order by age").fetchall())
try:
    with con:
        con.execute("insert into people (name) values ('eve')")
        con.execute("insert into people (name) values ('ann')")
except sqlite3.IntegrityError as e:
    print("IntegrityError:", e, e.sqlite_errorname)
print(con.execute("select count(*) from people").fetchone()[0])
try:
    con.execute("insert into people (age) values (1)")
except sqlite3.IntegrityError as e:
    print("IntegrityError:", e)
con.commit()

def dict_factory(cursor, row):
    return {d[0]: v for d, v in zip(cursor.description, row)}

con.row_factory = dict_factory
for row in con.execute("select id, name, photo from people where photo is not null order by id"):
    print(row)
con.row_factory = sqlite3.Row
row = con.execute("select * from people where name = ?", ["bob"]).fetchone()
print(dict(zip(row.keys(), row)), row["NAME"], row[1:3])
con.close()
other.close()
con = sqlite3.connect(path, isolation_level=None)
print(con.isolation_level, con.execute("select count(*) from people").fetchone())
con.execute("delete from people where age < 30")
print(con.in_transaction, con.total_changes)
con.close()

# sqlite_synth: a user function inside a query over many rows.
con = sqlite3.connect(":memory:")
con.execute("create table cos (x, y, z);")
for i in range(300):
    cos_i = math.cos(i)
    con.execute("insert into cos values (?, ?, ?)", [i, cos_i, str(i)])
con.create_function("cos", 1, math.cos)
total = 0.0
for x, cosx1, cosx2 in con.execute("select x, cos(x), y from cos"):
    assert math.isclose(cosx1, cosx2)
    total += cosx1
print(round(total, 9), con.execute("select count(*), sum(x), min(z), max(z) from cos").fetchone())
con.execute("delete from cos")
print(con.total_changes)
con.close()

try:
    sqlite3.connect(os.path.join(tmp, "no", "such", "dir.db"))
except sqlite3.OperationalError as e:
    print("OperationalError:", e)
with open(os.path.join(tmp, "junk.db"), "wb") as f:
    f.write(b"this is not a database" * 100)
try:
    sqlite3.connect(os.path.join(tmp, "junk.db")).execute("select * from sqlite_master")
except sqlite3.DatabaseError as e:
    print(type(e).__name__ + ":", e)
try:
    sqlite3.connect(5)
except TypeError as e:
    print("TypeError:", e)
for name in os.listdir(tmp):
    os.remove(os.path.join(tmp, name))
os.rmdir(tmp)
