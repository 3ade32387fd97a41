"""sqlite3 (PEP 249) over Debian's libsqlite3 (the C++ module _sqlite3, which holds the handles,
binds and steps statements, runs user functions and maps SQLite's errors to these exceptions).

Here: Connection, Cursor and Row as CPython 3.11 has them. A DML statement (INSERT, UPDATE, DELETE,
REPLACE) opens a transaction first unless isolation_level is None; commit() and rollback() end it,
and `with connection:` does either. Prepared statements are kept per connection by their text;
one still being read by a cursor is not shared, a second one is prepared instead."""
import datetime
import time
import _sqlite3
from _sqlite3 import (Warning, Error, InterfaceError, DatabaseError, InternalError, OperationalError,
                      ProgrammingError, IntegrityError, DataError, NotSupportedError, sqlite_version)

__all__ = ["connect", "Connection", "Cursor", "Row", "PrepareProtocol", "register_adapter",
           "register_converter", "complete_statement", "adapt", "adapters", "converters",
           "Warning", "Error", "InterfaceError", "DatabaseError", "InternalError", "OperationalError",
           "ProgrammingError", "IntegrityError", "DataError", "NotSupportedError", "Binary", "Date",
           "Time", "Timestamp", "DateFromTicks", "TimeFromTicks", "TimestampFromTicks",
           "PARSE_DECLTYPES", "PARSE_COLNAMES", "apilevel", "paramstyle", "threadsafety",
           "sqlite_version", "sqlite_version_info", "version", "version_info"]

apilevel = "2.0"
paramstyle = "qmark"
threadsafety = 3
version = "2.6.0"
version_info = (2, 6, 0)
sqlite_version_info = tuple(int(x) for x in sqlite_version.split("."))
PARSE_DECLTYPES = 1
PARSE_COLNAMES = 2

Binary = memoryview
Date = datetime.date
Time = datetime.time
Timestamp = datetime.datetime


def DateFromTicks(ticks):
    return Date(*time.localtime(ticks)[:3])


def TimeFromTicks(ticks):
    return Time(*time.localtime(ticks)[3:6])


def TimestampFromTicks(ticks):
    return Timestamp(*time.localtime(ticks)[:6])


def complete_statement(statement):
    if not isinstance(statement, str):
        raise TypeError("complete_statement() argument 'statement' must be str, not %s" % type(statement).__name__)
    return _sqlite3.complete_statement(statement)


class PrepareProtocol:
    pass


adapters = {}
converters = {}


def register_adapter(type, adapter, /):
    adapters[(type, PrepareProtocol)] = adapter


def register_converter(typename, converter, /):
    converters[typename.upper()] = converter


def adapt(obj, proto=PrepareProtocol, alt=None, /):
    adapter = adapters.get((type(obj), proto))
    if adapter is not None:
        return adapter(obj)
    conform = getattr(obj, "__conform__", None)
    if conform is not None:
        adapted = conform(proto)
        if adapted is not None:
            return adapted
    if alt is not None:
        return alt
    raise ProgrammingError("can't adapt")


def _adapt_for_bind(obj):
    # What SQLite cannot hold goes back unchanged, and binding then names its type.
    adapter = adapters.get((type(obj), PrepareProtocol))
    if adapter is not None:
        return adapter(obj)
    conform = getattr(obj, "__conform__", None)
    if conform is not None:
        adapted = conform(PrepareProtocol)
        if adapted is not None:
            return adapted
    return obj


# The adapters and converters CPython 3.11 registers for datetime.
register_adapter(datetime.date, lambda d: d.isoformat())
register_adapter(datetime.datetime, lambda d: str(d))  # str() is isoformat(" ")


def _convert_timestamp(val):
    datepart, timepart = val.split(b" ")
    year, month, day = map(int, datepart.split(b"-"))
    timepart_full = timepart.split(b".")
    hours, minutes, seconds = map(int, timepart_full[0].split(b":"))
    microseconds = int("{:0<6.6}".format(timepart_full[1].decode())) if len(timepart_full) == 2 else 0
    return datetime.datetime(year, month, day, hours, minutes, seconds, microseconds)


register_converter("date", lambda val: datetime.date(*map(int, val.split(b"-"))))
register_converter("timestamp", _convert_timestamp)


def _is_dml(sql):
    """Whether `sql` starts (after blanks and comments) with INSERT, UPDATE, DELETE or REPLACE."""
    i, n = 0, len(sql)
    while i < n:
        ch = sql[i]
        if ch in " \t\n\r\f":
            i += 1
        elif sql.startswith("--", i):
            j = sql.find("\n", i)
            i = n if j < 0 else j + 1
        elif sql.startswith("/*", i):
            j = sql.find("*/", i + 2)
            i = n if j < 0 else j + 2
        else:
            break
    return sql[i:i + 6].upper() in ("INSERT", "UPDATE", "DELETE") or sql[i:i + 7].upper() == "REPLACE"


class _Statement:
    """A prepared statement and what is known of it."""
    __slots__ = ("handle", "params", "columns", "decltypes", "is_dml", "in_use")

    def __init__(self, handle, sql):
        self.handle = handle
        self.params, self.columns, self.decltypes = _sqlite3.stmt_info(handle)
        self.is_dml = _is_dml(sql)
        self.in_use = False


_LEVELS = ("", "DEFERRED", "IMMEDIATE", "EXCLUSIVE")


class Connection:
    __module__ = "sqlite3"

    def __init__(self, database, timeout=5.0, detect_types=0, isolation_level="", check_same_thread=True,
                 factory=None, cached_statements=128, uri=False):
        if hasattr(database, "__fspath__"):
            database = database.__fspath__()
        if isinstance(database, bytes):
            database = database.decode()
        if not isinstance(database, str):
            raise TypeError("expected str, bytes or os.PathLike object, not %s" % type(database).__name__)
        self._db = None
        self._db = _sqlite3.connect(database, float(timeout), bool(uri))
        self._detect_types = detect_types
        self._cache = {}
        self._cache_size = cached_statements
        self._begin = None
        self.isolation_level = isolation_level
        self.row_factory = None
        self.text_factory = str
        for name in ("Warning", "Error", "InterfaceError", "DatabaseError", "InternalError", "OperationalError",
                     "ProgrammingError", "IntegrityError", "DataError", "NotSupportedError"):
            setattr(self, name, globals()[name])

    def _check(self):
        if self._db is None:
            raise ProgrammingError("Cannot operate on a closed database.")

    @property
    def isolation_level(self):
        return self._isolation_level

    @isolation_level.setter
    def isolation_level(self, level):
        if level is None:
            if self._db is not None and self.in_transaction:
                self.commit()
            self._begin = None
        else:
            if not isinstance(level, str):
                raise TypeError("isolation_level must be str or None, not %s" % type(level).__name__)
            if level.upper() not in _LEVELS:
                raise ValueError("isolation_level string must be '', 'DEFERRED', 'IMMEDIATE', or 'EXCLUSIVE'")
            self._begin = "BEGIN " + level
        self._isolation_level = level

    @property
    def in_transaction(self):
        self._check()
        return _sqlite3.db_info(self._db)[3]

    @property
    def total_changes(self):
        self._check()
        return _sqlite3.db_info(self._db)[1]

    def _statement(self, sql):
        """A _Statement for `sql` not in use by a cursor, or None for an empty one."""
        st = self._cache.get(sql)
        if st is not None and not st.in_use:
            return st
        handle = _sqlite3.prepare(self._db, sql)
        if handle is None:
            return None
        st = _Statement(handle, sql)
        if sql not in self._cache:
            if len(self._cache) >= self._cache_size > 0:
                del self._cache[next(iter(self._cache))]
            if self._cache_size > 0:
                self._cache[sql] = st
        return st

    def cursor(self, factory=None):
        self._check()
        cur = (factory or Cursor)(self)
        if self.row_factory is not None and cur.row_factory is None:
            cur.row_factory = self.row_factory
        return cur

    def execute(self, sql, parameters=(), /):
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql, parameters, /):
        return self.cursor().executemany(sql, parameters)

    def executescript(self, sql_script, /):
        return self.cursor().executescript(sql_script)

    def commit(self):
        self._check()
        if self.in_transaction:
            _sqlite3.exec_script(self._db, "COMMIT")

    def rollback(self):
        self._check()
        if self.in_transaction:
            _sqlite3.exec_script(self._db, "ROLLBACK")

    def close(self):
        if self._db is not None:
            self._cache.clear()
            _sqlite3.close(self._db)
            self._db = None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.commit()
        else:
            self.rollback()
        return False

    def create_function(self, name, narg, func, *, deterministic=False):
        self._check()
        if not isinstance(name, str):
            raise TypeError("create_function() argument 'name' must be str, not %s" % type(name).__name__)
        _sqlite3.create_function(self._db, name, narg, func, deterministic)

    def create_aggregate(self, name, n_arg, aggregate_class):
        self._check()
        if not isinstance(name, str):
            raise TypeError("create_aggregate() argument 'name' must be str, not %s" % type(name).__name__)
        _sqlite3.create_aggregate(self._db, name, n_arg, aggregate_class)

    def create_collation(self, name, callable, /):
        self._check()
        if callable is not None and not hasattr(callable, "__call__"):
            raise TypeError("parameter must be callable")
        _sqlite3.create_collation(self._db, name, callable)


class Cursor:
    __module__ = "sqlite3"

    def __init__(self, connection, /):
        if not isinstance(connection, Connection):
            raise TypeError("argument 1 must be sqlite3.Connection, not %s" % type(connection).__name__)
        self.connection = connection
        self.arraysize = 1
        self.row_factory = None
        self.description = None
        self.rowcount = -1
        self.lastrowid = None
        self._st = None
        self._has_row = False
        self._raw = None
        self._convert = None
        self._closed = False

    def _check(self):
        if self._closed:
            raise ProgrammingError("Cannot operate on a closed cursor.")
        self.connection._check()

    def _release(self):
        st = self._st
        if st is not None:
            self._st = None
            self._has_row = False
            st.in_use = False
            if self.connection._db is not None:
                _sqlite3.reset(st.handle)

    def _values(self, st, params):
        """The parameters in the statement's order: by position, or by name from a mapping."""
        names = st.params
        if isinstance(params, dict) or (hasattr(params, "keys") and hasattr(params, "__getitem__")
                                         and not isinstance(params, (list, tuple, str))):
            values = []
            for i, name in enumerate(names):
                if name is None:
                    raise ProgrammingError("Binding %d has no name, but you supplied a dictionary "
                                           "(which has only names)." % (i + 1))
                try:
                    values.append(params[name[1:]])
                except KeyError:
                    raise ProgrammingError("You did not supply a value for binding parameter %s." % name) from None
            return values
        if not isinstance(params, (list, tuple)):
            if not hasattr(params, "__len__") or not hasattr(params, "__getitem__"):
                raise ProgrammingError("parameters are of unsupported type")
            params = [params[i] for i in range(len(params))]
        if len(params) != len(names):
            raise ProgrammingError("Incorrect number of bindings supplied. The current statement uses %d, "
                                   "and there are %d supplied." % (len(names), len(params)))
        return params

    def _converters(self, st):
        """(indexes of the columns to read as bytes, their converters) for detect_types."""
        detect = self.connection._detect_types
        if not detect or not converters:
            return None, None
        found = {}
        for i, name in enumerate(st.columns):
            conv = None
            if detect & PARSE_COLNAMES:
                lb = name.find("[")
                rb = name.find("]", lb + 1)
                if lb >= 0 and rb > lb:
                    conv = converters.get(name[lb + 1:rb].upper())
            if conv is None and detect & PARSE_DECLTYPES and st.decltypes[i]:
                conv = converters.get(st.decltypes[i].split("(")[0].strip().split(" ")[0].upper())
            if conv is not None:
                found[i] = conv
        return (tuple(found), found) if found else (None, None)

    def _query(self, sql, seq, many):
        self._check()
        con = self.connection
        self._release()
        self.description = None
        st = con._statement(sql)
        if st is None:
            self.rowcount = -1
            return self
        if many and not st.is_dml:
            raise ProgrammingError("executemany() can only execute DML statements.")
        if st.is_dml and con._begin is not None and not _sqlite3.db_info(con._db)[3]:
            _sqlite3.exec_script(con._db, con._begin)
        st.in_use = True
        self._st = st
        self.rowcount = 0 if st.is_dml else -1
        has_row = False
        try:
            for params in seq:
                if has_row or many:
                    _sqlite3.reset(st.handle)
                _sqlite3.bind(st.handle, self._values(st, params), _adapt_for_bind)
                has_row = _sqlite3.step(st.handle)
                if st.is_dml:
                    self.rowcount += _sqlite3.db_info(con._db)[0]
        except BaseException:
            self._release()
            self.rowcount = -1
            raise
        if not many:
            self.lastrowid = _sqlite3.db_info(con._db)[2]
        if st.columns:
            self.description = tuple((name, None, None, None, None, None, None) for name in st.columns)
            self._raw, self._convert = self._converters(st)
        if has_row:
            self._has_row = True
        else:
            self._release()
        return self

    def execute(self, sql, parameters=(), /):
        if not isinstance(sql, str):
            raise TypeError("execute() argument 1 must be str, not %s" % type(sql).__name__)
        return self._query(sql, (parameters,), False)

    def executemany(self, sql, seq_of_parameters, /):
        if not isinstance(sql, str):
            raise TypeError("executemany() argument 1 must be str, not %s" % type(sql).__name__)
        return self._query(sql, iter(seq_of_parameters), True)

    def executescript(self, sql_script, /):
        if not isinstance(sql_script, str):
            raise TypeError("executescript() argument must be str, not %s" % type(sql_script).__name__)
        self._check()
        self._release()
        con = self.connection
        if _sqlite3.db_info(con._db)[3]:
            _sqlite3.exec_script(con._db, "COMMIT")
        _sqlite3.exec_script(con._db, sql_script)
        return self

    def __iter__(self):
        return self

    def __next__(self):
        self._check()
        if not self._has_row:
            raise StopIteration
        st = self._st
        con = self.connection
        tf = con.text_factory
        row = _sqlite3.row(st.handle, None if tf is str else tf, self._raw)
        if self._convert is not None:
            row = list(row)
            for i, conv in self._convert.items():
                if row[i] is not None:
                    row[i] = conv(row[i])
            row = tuple(row)
        try:
            more = _sqlite3.step(st.handle)
        except BaseException:
            self._release()
            raise
        if not more:
            self._release()
        if self.row_factory is not None:
            return self.row_factory(self, row)
        return row

    def fetchone(self):
        try:
            return self.__next__()
        except StopIteration:
            return None

    def fetchmany(self, size=None):
        n = self.arraysize if size is None else size
        rows = []
        while n > 0:
            row = self.fetchone()
            if row is None:
                break
            rows.append(row)
            n -= 1
        return rows

    def fetchall(self):
        self._check()
        return list(self)

    def close(self):
        if self.connection._db is not None:
            self._release()
        self._closed = True

    def setinputsizes(self, sizes, /):
        pass

    def setoutputsize(self, size, column=None, /):
        pass


class Row:
    """A row by index or by column name (without regard to case)."""
    __module__ = "sqlite3"
    __slots__ = ("_description", "_data")

    def __init__(self, cursor, data, /):
        if not isinstance(cursor, Cursor):
            raise TypeError("Row() argument 1 must be sqlite3.Cursor, not %s" % type(cursor).__name__)
        if not isinstance(data, tuple):
            raise TypeError("Row() argument 2 must be tuple, not %s" % type(data).__name__)
        self._description = cursor.description
        self._data = data

    def keys(self):
        return [d[0] for d in self._description] if self._description else []

    def __getitem__(self, key):
        if isinstance(key, str):
            folded = key.upper()
            for i, d in enumerate(self._description or ()):
                if d[0].upper() == folded:
                    return self._data[i]
            raise IndexError("No item with that key")
        return self._data[key]

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def __eq__(self, other):
        if not isinstance(other, Row):
            return NotImplemented
        return self._description == other._description and self._data == other._data

    def __ne__(self, other):
        if not isinstance(other, Row):
            return NotImplemented
        return not self == other

    def __hash__(self):
        return hash(self._description) ^ hash(self._data)


def connect(database, timeout=5.0, detect_types=0, isolation_level="", check_same_thread=True,
            factory=Connection, cached_statements=128, uri=False):
    return factory(database, timeout, detect_types, isolation_level, check_same_thread, None,
                   cached_statements, uri)
