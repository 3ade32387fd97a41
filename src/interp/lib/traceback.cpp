// The exception side of Python's traceback module (_traceback, under stdlib/traceback.py): an
// exception, with the frames it left and the exceptions it was raised from or while handling, in
// Python's words ('  File "x.py", line 3, in f'). The frames are those the interpreter records
// as the error travels (InstObj::tb); the column markers Python 3.11 adds under a line are not drawn.
#include <algorithm>
#include <filesystem>

#include "interp/lib/lib_modules.h"
#include "interp/lib/libutil.h"

namespace ml::interp {

namespace {

std::string type_label(ClassObj* c) {
  Value mod, qual;
  std::string name = getattr_opt(Value::obj(c), "__qualname__", qual) && qual.is(OK::Str) ? str_of(qual) : c->name;
  if (getattr_opt(Value::obj(c), "__module__", mod) && mod.is(OK::Str) && str_of(mod) != "__main__" && str_of(mod) != "builtins")
    return str_of(mod) + "." + name;
  return name;
}

std::string exception_only(const Value& exc) {
  if (!exc.is(OK::Inst)) return type_label(type_of(exc)) + "\n";
  std::string text = to_str(exc);
  return type_label(type_of(exc)) + (text.empty() ? "" : ": " + text) + "\n";
}

// Python names a source file by its absolute path (the main program's too, since 3.9).
std::string file_name(const SourceFile* src) {
  if (!src) return "<unknown>";
  if (src->path.empty() || src->path[0] == '<') return src->path;
  std::error_code ec;
  auto p = std::filesystem::absolute(src->path, ec);
  return ec ? src->path : p.lexically_normal().string();
}

void frames(const InstObj* in, ValueVec& out) {
  const ExcState* es = in->exc_state();
  if (!es || es->tb.empty()) return;
  const auto& tb = es->tb;
  out.push_back(mk_str("Traceback (most recent call last):\n"));
  auto same = [](const ExcState::TBEntry& a, const ExcState::TBEntry& b) {
    return a.src == b.src && a.loc.line == b.loc.line && a.name == b.name;
  };
  size_t repeats = 0;
  auto flush = [&] {
    if (repeats > 3) {
      size_t more = repeats - 3;
      out.push_back(mk_str("  [Previous line repeated " + std::to_string(more) + " more time" + (more > 1 ? "s" : "") + "]\n"));
    }
    repeats = 0;
  };
  for (size_t k = tb.size(); k-- > 0;) {
    const auto& f = tb[k];
    if (k + 1 < tb.size() && same(f, tb[k + 1])) {
      if (++repeats >= 3) continue;
    } else {
      flush();
    }
    std::string s = "  File \"" + file_name(f.src) + "\", line " + std::to_string(f.loc.line) +
                    ", in " + (f.name.empty() ? std::string("<module>") : f.name) + "\n";
    if (f.src) {
      std::string_view line = f.src->line_text(f.loc.line);
      size_t b = line.find_first_not_of(" \t"), e = line.find_last_not_of(" \t\r");
      if (b != std::string_view::npos) s += "    " + std::string(line.substr(b, e - b + 1)) + "\n";
    }
    out.push_back(mk_str(std::move(s)));
  }
  flush();
}

// Causes and contexts first, as Python prints them.
void format(const Value& exc, bool chain, ValueVec& out, std::vector<const Object*>& seen) {
  if (exc.is_obj()) seen.push_back(exc.o);
  if (chain && exc.is(OK::Inst)) {
    const ExcState* in = &exc.as<InstObj>()->ex();
    auto unseen = [&](const Value& v) { return v.is_obj() && std::find(seen.begin(), seen.end(), v.o) == seen.end(); };
    if (!in->cause.is_none() && unseen(in->cause)) {
      format(in->cause, chain, out, seen);
      out.push_back(mk_str("\nThe above exception was the direct cause of the following exception:\n\n"));
    } else if (!in->context.is_none() && !in->suppress_context && unseen(in->context)) {
      format(in->context, chain, out, seen);
      out.push_back(mk_str("\nDuring handling of the above exception, another exception occurred:\n\n"));
    }
  }
  if (exc.is(OK::Inst)) frames(exc.as<InstObj>(), out);
  out.push_back(mk_str(exception_only(exc)));
}

Value format_list(const Value& exc, bool chain) {
  ValueVec out;
  std::vector<const Object*> seen;
  if (exc.is_none()) out.push_back(mk_str("NoneType: None\n"));
  else format(exc, chain, out, seen);
  return mk_list(std::move(out));
}

std::string joined(const Value& lines) {
  std::string s;
  for (auto& x : lines.as<ListObj>()->v) s += str_of(x);
  return s;
}

// format_exception(exc) or, as before Python 3.10, format_exception(type, value, tb).
Value exc_arg(Value* a, int n, KwArgs* kw) {
  const Value* v = arg_at(a, n, kw, 1, "value");
  if (v && !(n == 1)) return *v;
  if (n < 1) raise_id("TypeError", "runtime.missing_argument_named", {{"name", "format_exception"}, {"arg", "exc"}});
  return a[0];
}

bool chain_arg(KwArgs* kw) {
  const Value* c = kw_find(kw, "chain");
  return !c || truthy(*c);
}

Value current() { return I->handling.empty() ? Value() : I->handling.back(); }

void write_to(KwArgs* kw, const std::string& s) {
  const Value* f = kw_find(kw, "file");
  Value file = f && !f->is_none() ? *f : getattr(import_module("sys"), "stderr");
  call1(getattr(file, "write"), mk_str(s));
}

}  // namespace

void init_traceback() {
  Value m = lib_module("_traceback");
  DictObj* d = module_dict(m);
  def_native(d, "format_exception", [](ARGS) -> Value { return format_list(exc_arg(a, n, kw), chain_arg(kw)); });
  def_native(d, "format_exception_only", [](ARGS) -> Value {
    Value exc = exc_arg(a, n, kw);
    return mk_list({mk_str(exception_only(exc))});
  });
  def_native(d, "format_exc", [](ARGS) -> Value { return mk_str(joined(format_list(current(), chain_arg(kw)))); });
  def_native(d, "print_exc", [](ARGS) -> Value {
    write_to(kw, joined(format_list(current(), chain_arg(kw))));
    return Value();
  });
  def_native(d, "print_exception", [](ARGS) -> Value {
    write_to(kw, joined(format_list(exc_arg(a, n, kw), chain_arg(kw))));
    return Value();
  });
}

}  // namespace ml::interp
