"""sqlite3: the DB-API 2.0 interface to SQLite databases (sqlite3.dbapi2, over Debian's
libsqlite3)."""
from sqlite3.dbapi2 import *
