// _sqlite3: Debian's libsqlite3 behind Python's sqlite3 module. This file holds the connection
// and statement handles, binding, stepping, the user functions, and the exception classes with
// CPython's mapping of SQLite's result codes; stdlib/sqlite3/dbapi2.py builds Connection, Cursor
// and Row (transactions, parameters by name, fetching) over it.
#include <sqlite3.h>

#include <exception>
#include <memory>

#include "interp/lib/lib_modules.h"
#include "interp/lib/libutil.h"
#include "support/utf8.h"

namespace ml::interp {

namespace {

ClassObj* t_db = nullptr;
ClassObj* t_stmt = nullptr;
// sqlite3's exceptions (PEP 249's hierarchy), made here so errors raised here have their classes.
struct Errors {
  ClassObj *Warning, *Error, *InterfaceError, *DatabaseError, *InternalError, *OperationalError,
      *ProgrammingError, *IntegrityError, *DataError, *NotSupportedError;
} E{};

struct Db;
// What create_function & co. hand SQLite as user data.
struct Callable {
  Value fn;
  Db* db;
};

// A connection. The callables given to create_function & co. live as long as it does.
struct Db : Object {
  sqlite3* db = nullptr;
  std::vector<std::unique_ptr<Callable>> callables;
  // An error a user function raised that must not be swallowed (KeyboardInterrupt, SystemExit,
  // the interpreter's own interrupts): raised again once SQLite has returned.
  std::exception_ptr pending;
  Db() : Object(OK::Other, t_db) {}
  ~Db() override { close(); }
  void close() {
    if (db) sqlite3_close_v2(db);  // a zombie until its statements are finalized
    db = nullptr;
  }
};

struct Stmt : Object {
  sqlite3_stmt* st = nullptr;
  Ref<Db> owner;
  Stmt() : Object(OK::Other, t_stmt) {}
  ~Stmt() override {
    if (st) sqlite3_finalize(st);
  }
};

// The name of a result code, as CPython's sqlite_errorname gives it.
std::string error_name(int code) {
  static const std::pair<int, const char*> names[] = {
      {SQLITE_ERROR, "SQLITE_ERROR"}, {SQLITE_INTERNAL, "SQLITE_INTERNAL"}, {SQLITE_PERM, "SQLITE_PERM"},
      {SQLITE_ABORT, "SQLITE_ABORT"}, {SQLITE_BUSY, "SQLITE_BUSY"}, {SQLITE_LOCKED, "SQLITE_LOCKED"},
      {SQLITE_NOMEM, "SQLITE_NOMEM"}, {SQLITE_READONLY, "SQLITE_READONLY"}, {SQLITE_INTERRUPT, "SQLITE_INTERRUPT"},
      {SQLITE_IOERR, "SQLITE_IOERR"}, {SQLITE_CORRUPT, "SQLITE_CORRUPT"}, {SQLITE_NOTFOUND, "SQLITE_NOTFOUND"},
      {SQLITE_FULL, "SQLITE_FULL"}, {SQLITE_CANTOPEN, "SQLITE_CANTOPEN"}, {SQLITE_PROTOCOL, "SQLITE_PROTOCOL"},
      {SQLITE_EMPTY, "SQLITE_EMPTY"}, {SQLITE_SCHEMA, "SQLITE_SCHEMA"}, {SQLITE_TOOBIG, "SQLITE_TOOBIG"},
      {SQLITE_CONSTRAINT, "SQLITE_CONSTRAINT"}, {SQLITE_MISMATCH, "SQLITE_MISMATCH"}, {SQLITE_MISUSE, "SQLITE_MISUSE"},
      {SQLITE_NOLFS, "SQLITE_NOLFS"}, {SQLITE_AUTH, "SQLITE_AUTH"}, {SQLITE_FORMAT, "SQLITE_FORMAT"},
      {SQLITE_RANGE, "SQLITE_RANGE"}, {SQLITE_NOTADB, "SQLITE_NOTADB"},
      {SQLITE_CONSTRAINT_CHECK, "SQLITE_CONSTRAINT_CHECK"}, {SQLITE_CONSTRAINT_FOREIGNKEY, "SQLITE_CONSTRAINT_FOREIGNKEY"},
      {SQLITE_CONSTRAINT_NOTNULL, "SQLITE_CONSTRAINT_NOTNULL"}, {SQLITE_CONSTRAINT_PRIMARYKEY, "SQLITE_CONSTRAINT_PRIMARYKEY"},
      {SQLITE_CONSTRAINT_UNIQUE, "SQLITE_CONSTRAINT_UNIQUE"}, {SQLITE_CONSTRAINT_TRIGGER, "SQLITE_CONSTRAINT_TRIGGER"},
      {SQLITE_CONSTRAINT_ROWID, "SQLITE_CONSTRAINT_ROWID"}, {SQLITE_READONLY_DBMOVED, "SQLITE_READONLY_DBMOVED"},
      {SQLITE_CANTOPEN_ISDIR, "SQLITE_CANTOPEN_ISDIR"}, {SQLITE_IOERR_SHORT_READ, "SQLITE_IOERR_SHORT_READ"},
  };
  for (auto& [c, name] : names)
    if (c == code) return name;
  for (auto& [c, name] : names)  // an extended code this table lacks: its primary code's name
    if (c == (code & 0xff)) return name;
  return "SQLITE_UNKNOWN";
}

[[noreturn]] void fail(ClassObj* cls, const std::string& text) {
  throw PyError(make_exception(cls, ValueVec{mk_str(text)}));
}

Db* db_of(const Value& v) {
  auto* d = v.is(OK::Other) ? dynamic_cast<Db*>(v.o) : nullptr;
  if (!d) raise_id("TypeError", "runtime.descriptor_received_a", {{"owner", "sqlite3 connection"}, {"type", type_name(v)}});
  if (!d->db) fail(E.ProgrammingError, "Cannot operate on a closed database.");
  return d;
}

Stmt* stmt_of(const Value& v) {
  auto* s = v.is(OK::Other) ? dynamic_cast<Stmt*>(v.o) : nullptr;
  if (!s) raise_id("TypeError", "runtime.descriptor_received_a", {{"owner", "sqlite3 statement"}, {"type", type_name(v)}});
  if (!s->owner->db) fail(E.ProgrammingError, "Cannot operate on a closed database.");
  return s;
}

// SQLite's result code as CPython maps it to an exception (Modules/_sqlite/util.c), with the
// connection's message and, as in 3.11, sqlite_errorcode and sqlite_errorname set on it.
[[noreturn]] void db_error(Db* d, int rc) {
  if (d->pending) {
    std::exception_ptr p = d->pending;
    d->pending = nullptr;
    std::rethrow_exception(p);
  }
  int code = d->db ? sqlite3_extended_errcode(d->db) : rc;
  ClassObj* cls;
  switch (code & 0xff) {
    case SQLITE_INTERNAL: case SQLITE_NOTFOUND: cls = E.InternalError; break;
    case SQLITE_NOMEM: raise("MemoryError", "");
    case SQLITE_ERROR: case SQLITE_PERM: case SQLITE_ABORT: case SQLITE_BUSY: case SQLITE_LOCKED:
    case SQLITE_READONLY: case SQLITE_INTERRUPT: case SQLITE_IOERR: case SQLITE_FULL:
    case SQLITE_CANTOPEN: case SQLITE_PROTOCOL: case SQLITE_EMPTY: case SQLITE_SCHEMA:
      cls = E.OperationalError; break;
    case SQLITE_CORRUPT: cls = E.DatabaseError; break;
    case SQLITE_TOOBIG: cls = E.DataError; break;
    case SQLITE_CONSTRAINT: case SQLITE_MISMATCH: cls = E.IntegrityError; break;
    case SQLITE_MISUSE: case SQLITE_RANGE: cls = E.InterfaceError; break;
    default: cls = E.DatabaseError;
  }
  std::string text = d->db ? sqlite3_errmsg(d->db) : sqlite3_errstr(rc);
  Value exc = make_exception(cls, ValueVec{mk_str(text)});
  setattr(exc, "sqlite_errorcode", Value::integer(code));
  setattr(exc, "sqlite_errorname", mk_str(error_name(code)));
  throw PyError(exc);
}

// ------------------------------------------------------------------ values in and out

// A column or a function argument as a Python value; text through `text_factory` (None: str).
template <class Blob, class Text>
Value to_python(int type, sqlite3_int64 i, double f, Text text, Blob blob, const Value& text_factory,
                const char* column) {
  switch (type) {
    case SQLITE_INTEGER: return Value::integer(i);
    case SQLITE_FLOAT: return Value::flt(f);
    case SQLITE_TEXT: {
      std::string s = text();
      if (!text_factory.is_none()) return call1(text_factory, mk_bytes(std::move(s)));
      if (!utf8::is_valid(s)) {
        std::string shown;  // the text with U+FFFD for what is not UTF-8, as CPython shows it
        for (size_t i = 0; i < s.size();) {
          utf8::Decoded d = utf8::decode(s, i);
          utf8::append(shown, d.cp);
          i += d.len;
        }
        fail(E.OperationalError, std::string("Could not decode to UTF-8 column '") + (column ? column : "?") +
                                     "' with text '" + shown + "'");
      }
      return mk_str(std::move(s));
    }
    case SQLITE_BLOB: return mk_bytes(blob());
    default: return Value();
  }
}

Value column_value(sqlite3_stmt* st, int c, const Value& text_factory) {
  int type = sqlite3_column_type(st, c);
  return to_python(
      type, type == SQLITE_INTEGER ? sqlite3_column_int64(st, c) : 0,
      type == SQLITE_FLOAT ? sqlite3_column_double(st, c) : 0.0,
      [&] { auto* p = (const char*)sqlite3_column_text(st, c); return std::string(p ? p : "", sqlite3_column_bytes(st, c)); },
      [&] { auto* p = (const char*)sqlite3_column_blob(st, c); return std::string(p ? p : "", sqlite3_column_bytes(st, c)); },
      text_factory, sqlite3_column_name(st, c));
}

Value arg_value(sqlite3_value* v) {
  int type = sqlite3_value_type(v);
  return to_python(
      type, type == SQLITE_INTEGER ? sqlite3_value_int64(v) : 0, type == SQLITE_FLOAT ? sqlite3_value_double(v) : 0.0,
      [&] { auto* p = (const char*)sqlite3_value_text(v); return std::string(p ? p : "", sqlite3_value_bytes(v)); },
      [&] { auto* p = (const char*)sqlite3_value_blob(v); return std::string(p ? p : "", sqlite3_value_bytes(v)); },
      Value(), nullptr);
}

// An int that fits SQLite's 64-bit INTEGER, else OverflowError as CPython words it.
sqlite3_int64 int64_of(const Value& v) {
  if (v.is_bool()) return v.b;
  if (v.is_int()) return v.i;
  raise("OverflowError", "Python int too large to convert to SQLite INTEGER");
}

bool is_text(const Value& v) { return v.is(OK::Str); }

bool bindable(const Value& v) {
  return v.is_none() || v.is_int() || v.is_bool() || v.is(OK::Big) || v.is_float() || is_text(v) || v.is(OK::Bytes);
}

// bind(stmt, values, adapt): the statement's parameters, in order (dbapi2.py resolves names);
// a value of another type goes through adapt(value) (register_adapter, __conform__), and what
// SQLite still cannot hold is a ProgrammingError.
Value bind(ARGS) {
  check_args("bind", n, 3, 3);
  Stmt* s = stmt_of(a[0]);
  ValueVec vals = to_vec(a[1]);
  sqlite3_clear_bindings(s->st);
  for (size_t i = 0; i < vals.size(); i++) {
    Value v = vals[i];
    if (!bindable(v) && !a[2].is_none()) v = call1(a[2], v);
    int idx = (int)i + 1, rc;
    if (v.is_none()) rc = sqlite3_bind_null(s->st, idx);
    else if (v.is_int() || v.is_bool() || v.is(OK::Big)) rc = sqlite3_bind_int64(s->st, idx, int64_of(v));
    else if (v.is_float()) rc = sqlite3_bind_double(s->st, idx, v.f);
    else if (is_text(v)) {
      const std::string& t = v.as<StrObj>()->s;
      rc = sqlite3_bind_text64(s->st, idx, t.data(), t.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    } else if (v.is(OK::Bytes) || v.is(OK::Inst)) {
      std::string b;
      try {
        b = bytes_like(v);
      } catch (PyError&) {
        fail(E.ProgrammingError, "Error binding parameter " + std::to_string(idx) + ": type '" + type_name(v) +
                                     "' is not supported");
      }
      rc = sqlite3_bind_blob64(s->st, idx, b.data(), b.size(), SQLITE_TRANSIENT);
    } else {
      fail(E.ProgrammingError, "Error binding parameter " + std::to_string(idx) + ": type '" + type_name(v) +
                                   "' is not supported");
    }
    if (rc != SQLITE_OK) db_error(s->owner.get(), rc);
  }
  return Value();
}

// A user function's result as SQLite's; false for a value it cannot hold. An int beyond 64 bits
// is SQLite's "string or blob too big", as in CPython.
bool set_result(sqlite3_context* ctx, const Value& v) {
  if (v.is(OK::Big)) sqlite3_result_error_toobig(ctx);
  else if (v.is_none()) sqlite3_result_null(ctx);
  else if (v.is_int() || v.is_bool()) sqlite3_result_int64(ctx, v.is_bool() ? v.b : v.i);
  else if (v.is_float()) sqlite3_result_double(ctx, v.f);
  else if (is_text(v)) {
    const std::string& t = v.as<StrObj>()->s;
    sqlite3_result_text64(ctx, t.data(), t.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  } else if (v.is(OK::Bytes)) {
    const std::string& b = v.as<BytesObj>()->s;
    sqlite3_result_blob64(ctx, b.data(), b.size(), SQLITE_TRANSIENT);
  } else {
    return false;
  }
  return true;
}

// ------------------------------------------------------------------ statements

Value prepare(ARGS) {
  check_args("prepare", n, 2, 2);
  Db* d = db_of(a[0]);
  std::string sql = to_str(a[1]);
  if (sql.find('\0') != std::string::npos) fail(E.ProgrammingError, "the query contains a null character");
  sqlite3_stmt* st = nullptr;
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v2(d->db, sql.c_str(), (int)sql.size() + 1, &st, &tail);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(st);
    db_error(d, rc);
  }
  // Only one statement: what follows may be blanks, comments and semicolons.
  for (const char* p = tail; p && *p;) {
    if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == ';') { p++; continue; }
    if (p[0] == '-' && p[1] == '-') {
      while (*p && *p != '\n') p++;
      continue;
    }
    if (p[0] == '/' && p[1] == '*') {
      const char* e = strstr(p + 2, "*/");
      if (!e) break;
      p = e + 2;
      continue;
    }
    sqlite3_finalize(st);
    fail(E.ProgrammingError, "You can only execute one statement at a time.");
  }
  if (!st) return Value();  // only blanks or comments
  auto* s = new Stmt();
  Value sv = Value::obj(s);
  s->st = st;
  s->owner = Ref<Db>(d);
  return sv;
}

// step(stmt): True when a row is ready, False when the statement is done.
Value step(ARGS) {
  check_args("step", n, 1, 1);
  Stmt* s = stmt_of(a[0]);
  int rc = sqlite3_step(s->st);
  if (rc == SQLITE_ROW) return Value::boolean(true);
  if (rc == SQLITE_DONE) {
    if (s->owner->pending) db_error(s->owner.get(), rc);
    return Value::boolean(false);
  }
  sqlite3_reset(s->st);
  db_error(s->owner.get(), rc);
}

// row(stmt, text_factory, raw): the current row; the columns whose index is in `raw` (None: no
// column) as bytes, for the converters of detect_types.
Value row(ARGS) {
  check_args("row", n, 3, 3);
  Stmt* s = stmt_of(a[0]);
  int cols = sqlite3_data_count(s->st);
  std::vector<bool> raw(cols, false);
  if (!a[2].is_none())
    for_each(a[2], [&](const Value& v) {
      int64_t c = as_index(v);
      if (c >= 0 && c < cols) raw[c] = true;
    });
  ValueVec out;
  out.reserve(cols);
  for (int c = 0; c < cols; c++) {
    if (raw[c] && sqlite3_column_type(s->st, c) != SQLITE_NULL) {
      auto* p = (const char*)sqlite3_column_blob(s->st, c);
      out.push_back(mk_bytes(std::string(p ? p : "", sqlite3_column_bytes(s->st, c))));
    } else {
      out.push_back(column_value(s->st, c, a[1]));
    }
  }
  return mk_tuple(std::move(out));
}

// stmt_info(stmt): (parameter names, None for each '?'; column names; the columns' declared
// types, None for an expression)
Value stmt_info(ARGS) {
  check_args("stmt_info", n, 1, 1);
  Stmt* s = stmt_of(a[0]);
  ValueVec params, cols, types;
  for (int i = 1, k = sqlite3_bind_parameter_count(s->st); i <= k; i++) {
    const char* name = sqlite3_bind_parameter_name(s->st, i);
    params.push_back(name ? mk_str(name) : Value());
  }
  for (int c = 0, k = sqlite3_column_count(s->st); c < k; c++) {
    cols.push_back(mk_str(sqlite3_column_name(s->st, c)));
    const char* t = sqlite3_column_decltype(s->st, c);
    types.push_back(t ? mk_str(t) : Value());
  }
  return mk_tuple({mk_tuple(std::move(params)), mk_tuple(std::move(cols)), mk_tuple(std::move(types))});
}

Value reset(ARGS) {
  check_args("reset", n, 1, 1);
  Stmt* s = stmt_of(a[0]);
  sqlite3_reset(s->st);
  return Value();
}

// ------------------------------------------------------------------ connections

// connect(path, timeout_seconds, uri)
Value connect(ARGS) {
  check_args("connect", n, 3, 3);
  std::string path = to_str(a[0]);
  auto* d = new Db();
  Value dv = Value::obj(d);
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | (truthy(a[2]) ? SQLITE_OPEN_URI : 0);
  int rc = sqlite3_open_v2(path.c_str(), &d->db, flags, nullptr);
  if (rc != SQLITE_OK) {
    if (!d->db) raise("MemoryError", "");
    std::string text = sqlite3_errmsg(d->db);
    d->close();
    fail(E.OperationalError, text);
  }
  sqlite3_busy_timeout(d->db, (int)(to_double(a[1]) * 1000));
  return dv;
}

Value close(ARGS) {
  check_args("close", n, 1, 1);
  auto* d = a[0].is(OK::Other) ? dynamic_cast<Db*>(a[0].o) : nullptr;
  if (d) d->close();
  return Value();
}

// exec_script(db, sql): every statement of `sql`, results dropped.
Value exec_script(ARGS) {
  check_args("exec_script", n, 2, 2);
  Db* d = db_of(a[0]);
  std::string sql = to_str(a[1]);
  if (sql.find('\0') != std::string::npos) raise("ValueError", "embedded null character");
  int rc = sqlite3_exec(d->db, sql.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) db_error(d, rc);
  return Value();
}

// db_info(db): (changes of the last statement, total changes, last insert rowid, in a transaction)
Value db_info(ARGS) {
  check_args("db_info", n, 1, 1);
  Db* d = db_of(a[0]);
  return mk_tuple({Value::integer(sqlite3_changes64(d->db)), Value::integer(sqlite3_total_changes64(d->db)),
                   Value::integer(sqlite3_last_insert_rowid(d->db)), Value::boolean(!sqlite3_get_autocommit(d->db))});
}

// ------------------------------------------------------------------ user functions

// Runs `f` for a callback SQLite makes: false when it raised. The error becomes SQLite's (CPython
// reports "user-defined function raised exception" and drops it, SystemExit too), except
// KeyboardInterrupt, raised again once SQLite returns so that a run can still be stopped.
template <class F>
bool guarded(Db* d, F f) {
  try {
    return f();
  } catch (PyError& e) {
    if (type_of(e.exc)->is_subclass(I->e("KeyboardInterrupt"))) d->pending = std::current_exception();
  } catch (...) {
    d->pending = std::current_exception();
  }
  return false;
}

ValueVec args_of(int argc, sqlite3_value** argv) {
  ValueVec args;
  args.reserve(argc);
  for (int i = 0; i < argc; i++) args.push_back(arg_value(argv[i]));
  return args;
}

void func_callback(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  auto* c = (Callable*)sqlite3_user_data(ctx);
  bool ok = guarded(c->db, [&] {
    ValueVec args = args_of(argc, argv);
    return set_result(ctx, call(c->fn, args.data(), argc));
  });
  if (!ok) sqlite3_result_error(ctx, "user-defined function raised exception", -1);
}

// An aggregate's instance lives in SQLite's aggregate context from the first step to finalize.
void agg_step(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  auto* c = (Callable*)sqlite3_user_data(ctx);
  auto** slot = (Value**)sqlite3_aggregate_context(ctx, sizeof(Value*));
  if (!slot) return sqlite3_result_error_nomem(ctx);
  if (!*slot && !guarded(c->db, [&] { *slot = new Value(call0(c->fn)); return true; }))
    return sqlite3_result_error(ctx, "user-defined aggregate's '__init__' method raised error", -1);
  bool ok = guarded(c->db, [&] {
    ValueVec args = args_of(argc, argv);
    call(getattr(**slot, "step"), args.data(), argc);
    return true;
  });
  if (!ok) sqlite3_result_error(ctx, "user-defined aggregate's 'step' method raised error", -1);
}

void agg_final(sqlite3_context* ctx) {
  auto* c = (Callable*)sqlite3_user_data(ctx);
  auto** slot = (Value**)sqlite3_aggregate_context(ctx, 0);
  if (!slot || !*slot) return;  // no row reached step: NULL
  std::unique_ptr<Value> inst(*slot);
  *slot = nullptr;
  bool ok = guarded(c->db, [&] { return set_result(ctx, call0(getattr(*inst, "finalize"))); });
  if (!ok) sqlite3_result_error(ctx, "user-defined aggregate's 'finalize' method raised error", -1);
}

int collation_callback(void* p, int n1, const void* s1, int n2, const void* s2) {
  auto* c = (Callable*)p;
  int result = 0;
  guarded(c->db, [&] {
    Value r = call2(c->fn, mk_str(std::string((const char*)s1, n1)), mk_str(std::string((const char*)s2, n2)));
    result = lt(r, Value::integer(0)) ? -1 : lt(Value::integer(0), r) ? 1 : 0;
    return true;
  });
  return result;
}

Callable* keep(Db* d, const Value& fn) {
  d->callables.push_back(std::make_unique<Callable>(Callable{fn, d}));
  return d->callables.back().get();
}

// create_function(db, name, narg, fn, deterministic); fn None removes the function.
Value create_function(ARGS) {
  check_args("create_function", n, 5, 5);
  Db* d = db_of(a[0]);
  std::string name = to_str(a[1]);
  int flags = SQLITE_UTF8 | (truthy(a[4]) ? SQLITE_DETERMINISTIC : 0);
  int rc = a[3].is_none()
               ? sqlite3_create_function_v2(d->db, name.c_str(), (int)as_index(a[2]), flags, nullptr, nullptr, nullptr, nullptr, nullptr)
               : sqlite3_create_function_v2(d->db, name.c_str(), (int)as_index(a[2]), flags, keep(d, a[3]), func_callback,
                                            nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) fail(E.OperationalError, "Error creating function");
  return Value();
}

Value create_aggregate(ARGS) {
  check_args("create_aggregate", n, 4, 4);
  Db* d = db_of(a[0]);
  std::string name = to_str(a[1]);
  int rc = a[3].is_none()
               ? sqlite3_create_function_v2(d->db, name.c_str(), (int)as_index(a[2]), SQLITE_UTF8, nullptr, nullptr, nullptr, nullptr, nullptr)
               : sqlite3_create_function_v2(d->db, name.c_str(), (int)as_index(a[2]), SQLITE_UTF8, keep(d, a[3]), nullptr,
                                            agg_step, agg_final, nullptr);
  if (rc != SQLITE_OK) fail(E.OperationalError, "Error creating aggregate");
  return Value();
}

Value create_collation(ARGS) {
  check_args("create_collation", n, 3, 3);
  Db* d = db_of(a[0]);
  std::string name = to_str(a[1]);
  int rc = sqlite3_create_collation_v2(d->db, name.c_str(), SQLITE_UTF8, a[2].is_none() ? nullptr : keep(d, a[2]),
                                       a[2].is_none() ? nullptr : collation_callback, nullptr);
  if (rc != SQLITE_OK) db_error(d, rc);
  return Value();
}

Value complete_statement(ARGS) {
  check_args("complete_statement", n, 1, 1);
  return Value::boolean(sqlite3_complete(to_str(a[0]).c_str()));
}

ClassObj* error_class(DictObj* d, const char* name, ClassObj* base) {
  ClassObj* c = lib_class("sqlite3", name, {Value::obj(base)});
  d->set(str_key(name), Value::obj(c));
  return c;
}

}  // namespace

void init_sqlite3() {
  Value m = lib_module("_sqlite3");
  DictObj* d = module_dict(m);
  t_db = lib_class("_sqlite3", "connection");
  t_stmt = lib_class("_sqlite3", "statement");
  ClassObj* exc = I->e("Exception");
  E.Warning = error_class(d, "Warning", exc);
  E.Error = error_class(d, "Error", exc);
  E.InterfaceError = error_class(d, "InterfaceError", E.Error);
  E.DatabaseError = error_class(d, "DatabaseError", E.Error);
  E.InternalError = error_class(d, "InternalError", E.DatabaseError);
  E.OperationalError = error_class(d, "OperationalError", E.DatabaseError);
  E.ProgrammingError = error_class(d, "ProgrammingError", E.DatabaseError);
  E.IntegrityError = error_class(d, "IntegrityError", E.DatabaseError);
  E.DataError = error_class(d, "DataError", E.DatabaseError);
  E.NotSupportedError = error_class(d, "NotSupportedError", E.DatabaseError);
  def_native(d, "connect", connect);
  def_native(d, "close", close);
  def_native(d, "exec_script", exec_script);
  def_native(d, "db_info", db_info);
  def_native(d, "prepare", prepare);
  def_native(d, "bind", bind);
  def_native(d, "step", step);
  def_native(d, "row", row);
  def_native(d, "stmt_info", stmt_info);
  def_native(d, "reset", reset);
  def_native(d, "create_function", create_function);
  def_native(d, "create_aggregate", create_aggregate);
  def_native(d, "create_collation", create_collation);
  def_native(d, "complete_statement", complete_statement);
  d->set(str_key("sqlite_version"), mk_str(sqlite3_libversion()));
}

}  // namespace ml::interp
