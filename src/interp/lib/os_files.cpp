// os.stat / os.lstat (stat_result), os.walk and os.scandir: the parts of os that read a folder
// tree. walk is lazy and top-down by default, so a program may prune `dirs` in place, as in
// Python; entries come in the folder's own order (readdir), as CPython's do.
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <deque>
#include <filesystem>
#include <memory>

#include "interp/lib/lib_modules.h"
#include "interp/lib/libutil.h"

namespace ml::interp {

namespace fs = std::filesystem;

namespace {

ClassObj *t_stat_result, *t_dir_entry, *t_scandir;

const char* const kStatFields[] = {"st_mode", "st_ino", "st_dev", "st_nlink", "st_uid",
                                   "st_gid", "st_size", "st_atime", "st_mtime", "st_ctime"};

std::string path_arg(const Value& v, const char* fn) {
  if (v.is(OK::Str)) return str_of(v);
  if (v.is(OK::Bytes)) return v.as<BytesObj>()->s;
  Value f;
  if (v.is(OK::Inst) && getattr_opt(v, "__fspath__", f)) return path_arg(call0(f), fn);
  type_error(std::string(fn) + ": path should be string, bytes or os.PathLike, not " + type_name(v));
}

[[noreturn]] void errno_error(int err, const std::string& path) { raise_errno(err, &path); }

double secs(const struct timespec& t) { return (double)t.tv_sec + (double)t.tv_nsec * 1e-9; }
int64_t nsecs(const struct timespec& t) { return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec; }

Value make_stat(const std::string& path, bool follow) {
  struct stat st;
  if ((follow ? ::stat(path.c_str(), &st) : ::lstat(path.c_str(), &st)) != 0) errno_error(errno, path);
  Value r = make_instance(t_stat_result);
  InstObj* d = r.as<InstObj>();
  int64_t ints[] = {(int64_t)st.st_mode, (int64_t)st.st_ino, (int64_t)st.st_dev, (int64_t)st.st_nlink,
                    (int64_t)st.st_uid, (int64_t)st.st_gid, (int64_t)st.st_size};
  ValueVec items;
  for (int i = 0; i < 7; ++i) {
    d->set_attr(kStatFields[i], Value::integer(ints[i]));
    items.push_back(Value::integer(ints[i]));
  }
  const struct timespec* times[] = {&st.st_atim, &st.st_mtim, &st.st_ctim};
  const char* ns_names[] = {"st_atime_ns", "st_mtime_ns", "st_ctime_ns"};
  for (int i = 0; i < 3; ++i) {
    d->set_attr(kStatFields[7 + i], Value::flt(secs(*times[i])));
    d->set_attr(ns_names[i], Value::integer(nsecs(*times[i])));
    items.push_back(Value::integer((int64_t)times[i]->tv_sec));  // the tuple holds whole seconds
  }
  d->set_attr("st_blksize", Value::integer((int64_t)st.st_blksize));
  d->set_attr("st_blocks", Value::integer((int64_t)st.st_blocks));
  d->set_attr("_items", mk_tuple(std::move(items)));
  return r;
}

const ValueVec& stat_items(const Value& self) {
  Value* v = self.is(OK::Inst) ? self.as<InstObj>()->find_attr("_items") : nullptr;
  if (!v || !v->is(OK::Tuple)) type_error("descriptor requires an 'os.stat_result' object");
  return v->as<TupleObj>()->v;
}

void init_stat_result() {
  t_stat_result = lib_class("os", "stat_result");
  def_method(t_stat_result, "__getitem__", [](ARGS) -> Value { return getitem(mk_tuple(stat_items(a[0])), a[1]); });
  def_method(t_stat_result, "__len__", [](ARGS) -> Value { return Value::integer((int64_t)stat_items(a[0]).size()); });
  def_method(t_stat_result, "__iter__", [](ARGS) -> Value { return iter(mk_tuple(stat_items(a[0]))); });
  def_method(t_stat_result, "__eq__", [](ARGS) -> Value {
    return Value::boolean(a[1].is(OK::Inst) && a[1].o->type == t_stat_result && eq(mk_tuple(stat_items(a[0])), mk_tuple(stat_items(a[1]))));
  });
  def_method(t_stat_result, "__repr__", [](ARGS) -> Value {
    const ValueVec& v = stat_items(a[0]);
    std::string s = "os.stat_result(";
    for (size_t i = 0; i < v.size(); ++i) s += std::string(i ? ", " : "") + kStatFields[i] + "=" + repr(v[i]);
    return mk_str(s + ")");
  });
}

std::string join(const std::string& top, const std::string& name) {
  if (top.empty() || top.back() == '/') return top + name;
  return top + "/" + name;
}

// One folder's entries split into folders and other files; false when it cannot be listed.
bool list_dir(const std::string& top, bool followlinks, ValueVec& dirs, ValueVec& files, ValueVec* links_out,
              const Value& onerror) {
  std::error_code ec;
  fs::directory_iterator it(top, ec);
  if (ec) {
    if (!onerror.is_none()) {
      try {
        errno_error(ec.value(), top);
      } catch (PyError& e) {
        call1(onerror, e.exc);
      }
    }
    return false;
  }
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    std::string name = it->path().filename().string();
    std::error_code e2;
    bool is_dir = it->is_directory(e2);
    if (is_dir) {
      dirs.push_back(mk_str(name));
      if (links_out) links_out->push_back(Value::boolean(!followlinks && it->is_symlink(e2)));
    } else {
      files.push_back(mk_str(name));
    }
  }
  return true;
}

// Bottom-up walk: every folder's children before it.
void walk_bottom_up(const std::string& top, bool followlinks, const Value& onerror, ValueVec& out) {
  ValueVec dirs, files, links;
  if (!list_dir(top, followlinks, dirs, files, &links, onerror)) return;
  for (size_t i = 0; i < dirs.size(); ++i)
    if (!links[i].b) walk_bottom_up(join(top, str_of(dirs[i])), followlinks, onerror, out);
  out.push_back(mk_tuple({mk_str(top), mk_list(std::move(dirs)), mk_list(std::move(files))}));
}

// Top-down walk: a folder is yielded before its children, which are read from its `dirs` list
// when the next item is asked for (so changes the program made to the list count).
struct TopDown {
  std::vector<std::string> stack;  // folders still to visit, the next one last
  Value pending_dirs;              // the dirs list last yielded
  std::string pending_top;
  bool followlinks = false;
  Value onerror;
};

Value walk(Value* a, int n, KwArgs* kw) {
  const Value* top_arg = arg_at(a, n, kw, 0, "top");
  if (!top_arg) type_error("walk() missing required argument 'top' (pos 1)");
  std::string top = path_arg(*top_arg, "walk");
  bool topdown = truthy(arg_or(a, n, kw, 1, "topdown", Value::boolean(true)));
  Value onerror = arg_or(a, n, kw, 2, "onerror", Value());
  bool followlinks = truthy(arg_or(a, n, kw, 3, "followlinks", Value::boolean(false)));
  if (!topdown) {
    auto out = std::make_shared<ValueVec>();
    walk_bottom_up(top, followlinks, onerror, *out);
    auto pos = std::make_shared<size_t>(0);
    return Value::obj(new IterObj([out, pos](Value& v) {
      if (*pos >= out->size()) return false;
      v = (*out)[(*pos)++];
      return true;
    }));
  }
  auto st = std::make_shared<TopDown>();
  st->stack.push_back(top);
  st->followlinks = followlinks;
  st->onerror = onerror;
  return Value::obj(new IterObj([st](Value& v) {
    if (st->pending_dirs.is(OK::List)) {  // push the children of the folder yielded last
      ValueVec kids = st->pending_dirs.as<ListObj>()->v;
      for (size_t i = kids.size(); i-- > 0;) {
        std::string p = join(st->pending_top, to_str(kids[i]));
        std::error_code ec;
        if (st->followlinks || !fs::is_symlink(p, ec)) st->stack.push_back(p);
      }
      st->pending_dirs = Value();
    }
    while (!st->stack.empty()) {
      std::string cur = st->stack.back();
      st->stack.pop_back();
      ValueVec dirs, files;
      if (!list_dir(cur, st->followlinks, dirs, files, nullptr, st->onerror)) continue;
      st->pending_dirs = mk_list(std::move(dirs));
      st->pending_top = cur;
      v = mk_tuple({mk_str(cur), st->pending_dirs, mk_list(std::move(files))});
      return true;
    }
    return false;
  }));
}

Value dir_entry(const std::string& dir, const std::string& name) {
  Value e = make_instance(t_dir_entry);
  InstObj* d = e.as<InstObj>();
  d->set_attr("name", mk_str(name));
  d->set_attr("path", mk_str(join(dir, name)));
  return e;
}

std::string entry_path(const Value& self) { return to_str(getattr(self, "path")); }

void init_dir_entry() {
  t_dir_entry = lib_class("os", "DirEntry");
  def_method(t_dir_entry, "is_dir", [](ARGS) -> Value {
    std::error_code ec;
    bool follow = truthy(arg_or(a + 1, n - 1, kw, 0, "follow_symlinks", Value::boolean(true)));
    std::string p = entry_path(a[0]);
    return Value::boolean(follow ? fs::is_directory(p, ec) : fs::is_directory(fs::symlink_status(p, ec)));
  });
  def_method(t_dir_entry, "is_file", [](ARGS) -> Value {
    std::error_code ec;
    bool follow = truthy(arg_or(a + 1, n - 1, kw, 0, "follow_symlinks", Value::boolean(true)));
    std::string p = entry_path(a[0]);
    return Value::boolean(follow ? fs::is_regular_file(p, ec) : fs::is_regular_file(fs::symlink_status(p, ec)));
  });
  def_method(t_dir_entry, "is_symlink", [](ARGS) -> Value { std::error_code ec; return Value::boolean(fs::is_symlink(entry_path(a[0]), ec)); });
  def_method(t_dir_entry, "stat", [](ARGS) -> Value {
    bool follow = truthy(arg_or(a + 1, n - 1, kw, 0, "follow_symlinks", Value::boolean(true)));
    return make_stat(entry_path(a[0]), follow);
  });
  def_method(t_dir_entry, "__fspath__", [](ARGS) -> Value { return getattr(a[0], "path"); });
  def_method(t_dir_entry, "__repr__", [](ARGS) -> Value { return mk_str("<DirEntry " + repr(getattr(a[0], "name")) + ">"); });
}

// scandir(path): an iterator of DirEntry that is also a context manager.
Value scandir(Value* a, int n, KwArgs* kw) {
  std::string p = path_arg(arg_or(a, n, kw, 0, "path", mk_str(".")), "scandir");
  std::error_code ec;
  auto entries = std::make_shared<ValueVec>();
  for (auto it = fs::directory_iterator(p, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
    entries->push_back(dir_entry(p == "." && !n ? "." : p, it->path().filename().string()));
  if (ec) errno_error(ec.value(), p);
  Value r = make_instance(t_scandir);
  r.as<InstObj>()->set_attr("_it", iter(mk_list(std::move(*entries))));
  return r;
}

void init_scandir() {
  t_scandir = lib_class("posix", "ScandirIterator");
  def_method(t_scandir, "__iter__", [](ARGS) -> Value { return a[0]; });
  def_method(t_scandir, "__enter__", [](ARGS) -> Value { return a[0]; });
  def_method(t_scandir, "__next__", [](ARGS) -> Value {
    Value out;
    if (!next(getattr(a[0], "_it"), out)) throw PyError(make_exception(I->e("StopIteration"), {}));
    return out;
  });
  auto close = [](ARGS) -> Value { setattr(a[0], "_it", iter(mk_list())); return Value(); };
  def_method(t_scandir, "close", close);
  def_method(t_scandir, "__exit__", close);
}

}  // namespace

void init_os_files(DictObj* od, DictObj* pd) {
  init_stat_result();
  init_dir_entry();
  init_scandir();
  od->set(str_key("stat_result"), Value::obj(t_stat_result));
  od->set(str_key("DirEntry"), Value::obj(t_dir_entry));
  def_native(od, "stat", [](ARGS) -> Value {
    check_args("stat", n, 1, 1);
    bool follow = truthy(arg_or(a, n, kw, 99, "follow_symlinks", Value::boolean(true)));
    return make_stat(path_arg(a[0], "stat"), follow);
  });
  def_native(od, "lstat", [](ARGS) -> Value { check_args("lstat", n, 1, 1); return make_stat(path_arg(a[0], "lstat"), false); });
  def_native(od, "walk", [](ARGS) -> Value { return walk(a, n, kw); });
  def_native(od, "scandir", [](ARGS) -> Value { return scandir(a, n, kw); });
  const char* which[] = {"getatime", "getmtime", "getctime"};
  for (int i = 0; i < 3; ++i) {
    std::string field = kStatFields[7 + i];
    def_native(pd, which[i], [field](ARGS) -> Value {
      check_args(field.c_str(), n, 1, 1);
      return getattr(make_stat(path_arg(a[0], "stat"), true), field);
    });
  }
}

}  // namespace ml::interp
