// Importing modules written as source files (.py or .multi, in any human language), Python's
// way: sys.modules caches each module (registered before it runs, so circular imports see it
// partly initialized), packages are folders with __init__.py / __init__.multi, and relative
// imports resolve against the importer's __package__.
//
// Search order for a top-level name: builtin (C++) modules, the importing file's folder, then
// sys.path, which starts as [main program's folder, $MULTILINGUAL_PATH entries..., the library
// folder shipped with the project ($MULTILINGUAL_LIB_DIR, else the one baked in at build time)].
#include <cstdlib>
#include <filesystem>

#include "interp/code.h"
#include "support/install_layout.h"
#include "lang/pack.h"
#include "parse/parser.h"

namespace ml::interp {

namespace fs = std::filesystem;

namespace {

DictObj* sys_dict() {
  auto it = I->modules.find("sys");
  return it->second.as<ModuleObj>()->dict.get();
}

// sys.modules: a real dict (programs read and change it); builtin modules enter it when first
// imported.
DictObj* sys_modules() {
  DictObj* sd = sys_dict();
  Value* m = sd->find_str("modules", hash_value(str_key("modules")));
  if (m && m->is(OK::Dict)) return m->as<DictObj>();
  Value d = mk_dict();
  // the main program is the module `__main__` (pickle and `import __main__` look it up there)
  auto* main = new ModuleObj("__main__");
  main->dict = I->globals;
  d.as<DictObj>()->set(str_key("__main__"), Value::obj(main));
  sd->set(str_key("modules"), d);
  return d.as<DictObj>();
}

std::string dir_of(const std::string& path) {
  fs::path p(path);
  std::string d = p.parent_path().string();
  return d.empty() ? "." : d;
}

const char* lib_dir() {
  static const std::string dir = install::locate(install::Data::Stdlib).path.string();
  return dir.c_str();
}

// Whether `file` is one of the standard library's modules (under lib_dir()).
bool in_lib_dir(const std::string& file) {
  std::string_view dir = lib_dir(), f = file;
  return f.size() > dir.size() && f.substr(0, dir.size()) == dir && (f[dir.size()] == '/' || dir.back() == '/');
}

// sys.path, made on first use from the main program's folder, $MULTILINGUAL_PATH and the library.
ListObj* sys_path() {
  DictObj* sd = sys_dict();
  Value* p = sd->find_str("path", hash_value(str_key("path")));
  if (p && p->is(OK::List)) return p->as<ListObj>();
  ValueVec dirs;
  std::string main_path = I->sources.empty() ? std::string() : I->sources.front()->path;
  dirs.push_back(mk_str(main_path.empty() || main_path[0] == '<' ? std::string(".") : dir_of(main_path)));
  if (const char* env = std::getenv("MULTILINGUAL_PATH")) {
    std::string s = env;
    size_t start = 0;
    while (start <= s.size()) {
      size_t end = s.find(':', start);
      if (end == std::string::npos) end = s.size();
      if (end > start) dirs.push_back(mk_str(s.substr(start, end - start)));
      start = end + 1;
    }
  }
  dirs.push_back(mk_str(lib_dir()));
  Value l = mk_list(std::move(dirs));
  sd->set(str_key("path"), l);
  return l.as<ListObj>();
}

// The module file for `leaf` in `dir`: a package's __init__ or a plain file. `.multi` first.
bool find_in(const std::string& dir, const std::string& leaf, std::string& file, bool& package) {
  std::error_code ec;
  fs::path base = fs::path(dir) / leaf;
  for (const char* init : {"__init__.multi", "__init__.py"}) {
    if (fs::is_regular_file(base / init, ec)) {
      file = (base / init).string();
      package = true;
      return true;
    }
  }
  for (const char* ext : {".multi", ".py"}) {
    fs::path f = base;
    f += ext;
    if (fs::is_regular_file(f, ec)) {
      file = f.string();
      package = false;
      return true;
    }
  }
  return false;
}

// "# language: fr" (or "lang:") on one of the first two lines declares a file's language;
// otherwise it is detected from its words, like the main program's, except that the standard
// library's own modules (`english`) are English: detecting it would read every pack.
const LanguagePack* pack_for(const std::string& text, bool english = false) {
  const auto& reg = LanguageRegistry::instance();
  size_t pos = 0;
  for (int line = 0; line < 2 && pos < text.size(); ++line) {
    size_t end = text.find('\n', pos);
    std::string l = text.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    pos = end == std::string::npos ? text.size() : end + 1;
    size_t h = l.find('#');
    if (h == std::string::npos) continue;
    for (const char* key : {"language:", "lang:"}) {
      size_t k = l.find(key, h);
      if (k == std::string::npos) continue;
      size_t b = l.find_first_not_of(" \t", k + std::string(key).size());
      if (b == std::string::npos) continue;
      size_t e = l.find_first_of(" \t\r", b);
      if (const LanguagePack* p = reg.find(l.substr(b, e == std::string::npos ? std::string::npos : e - b))) return p;
    }
  }
  return english ? &reg.english() : reg.find(reg.detect(text));
}

[[noreturn]] void raise_syntax_in(const CompileError& e) {
  std::string message = I->pack ? I->pack->message(e.message_id, e.args) : msg(e.message_id, e.args);
  Value exc = make_exception(I->e(e.kind), ValueVec{mk_str(message)});
  ExcState* in = &exc.as<InstObj>()->ex();
  in->loc_set = true;
  in->loc = e.loc;
  in->src = e.source.get();
  ExcState::TBEntry t{};
  t.src = e.source.get();
  t.loc = e.loc;
  t.name = "<module>";
  in->tb.push_back(std::move(t));
  in->tb_pending = true;
  I->sources.push_back(e.source);
  throw PyError(exc);
}

// exec(text, globals) / eval(text, globals): `text` parsed in the running program's language
// (as English when it names none) and run with `globals` as its module namespace; eval takes
// one expression and returns its value.
}  // namespace

// compile(): the source parsed (and dropped), so that compile() raises its SyntaxError.
void check_source(const std::string& text, bool eval_mode) {
  auto src = std::make_shared<SourceFile>();
  src->path = "<string>";
  src->text = text;
  const LanguagePack* pack = I->pack ? I->pack : pack_for(text);
  ast::Module tree;
  try {
    tree = parse_program(src, *pack);
  } catch (const CompileError& e) {
    raise_syntax_in(e);
  }
  if (eval_mode && (tree.body.size() != 1 || tree.body[0]->kind != ast::StmtKind::Expr))
    raise("SyntaxError", "invalid syntax");
}

// ast.parse(): `text` parsed as exec() parses it (the same SyntaxError), not compiled.
std::unique_ptr<ast::Module> parse_source(const std::string& text, const std::string& path) {
  auto src = std::make_shared<SourceFile>();
  src->path = path;
  src->text = text;
  const LanguagePack* pack = I->pack ? I->pack : pack_for(text);
  auto tree = std::make_unique<ast::Module>();
  try {
    *tree = parse_program(src, *pack);
  } catch (const CompileError& e) {
    raise_syntax_in(e);
  }
  return tree;
}

Value exec_source(const std::string& text, DictObj* globals, bool eval_mode) {
  auto src = std::make_shared<SourceFile>();
  src->path = "<string>";
  src->text = text;
  const LanguagePack* pack = I->pack ? I->pack : pack_for(text);
  auto tree = std::make_unique<ast::Module>();
  try {
    *tree = parse_program(src, *pack);
  } catch (const CompileError& e) {
    raise_syntax_in(e);
  }
  if (eval_mode && (tree->body.size() != 1 || tree->body[0]->kind != ast::StmtKind::Expr))
    raise("SyntaxError", "invalid syntax");
  I->sources.push_back(src);
  auto unit = compile_module(*tree, pack, eval_mode);
  const FuncCode* code = unit->module_code;
  I->units.push_back(std::move(unit));
  static std::vector<std::unique_ptr<ast::Module>> trees;  // compiled code points into them
  trees.push_back(std::move(tree));
  if (!globals->find(str_key("__builtins__"))) globals->set(str_key("__builtins__"), Value::obj(I->builtins.get()));
  Value saved = I->last_expr;
  bool had = I->has_last_expr;
  I->has_last_expr = false;
  run_module_code(code, globals);
  Value r = eval_mode && I->has_last_expr ? I->last_expr : Value();
  I->last_expr = saved;
  I->has_last_expr = had;
  return r;
}

namespace {

Value load_file(const std::string& name, const std::string& file, bool package) {
  std::shared_ptr<const SourceFile> src;
  try {
    src = read_source_file(file);
  } catch (const std::runtime_error& err) {
    raise("ImportError", err.what());
  }
  const LanguagePack* pack = pack_for(src->text, in_lib_dir(file));
  if (!pack) pack = I->pack;
  auto tree = std::make_unique<ast::Module>();
  try {
    *tree = parse_program(src, *pack);
  } catch (const CompileError& e) {
    raise_syntax_in(e);
  }
  if (pack != I->pack) install_builtin_aliases(pack, false);
  I->sources.push_back(src);
  auto unit = compile_module(*tree, pack, false);
  const FuncCode* code = unit->module_code;
  I->units.push_back(std::move(unit));
  // Compiled code may point into the tree; like the compiled units it lives as long as the
  // interpreter state, which is released as a whole.
  static std::vector<std::unique_ptr<ast::Module>> trees;
  trees.push_back(std::move(tree));

  auto* mo = new ModuleObj(name);
  Value m = Value::obj(mo);
  DictObj* d = mo->dict.get();
  d->set(str_key("__name__"), mk_str(name));
  d->set(str_key("__file__"), mk_str(file));
  d->set(str_key("__builtins__"), Value::obj(I->builtins.get()));  // its dict elsewhere, as in CPython
  std::string pkg = package ? name : (name.rfind('.') == std::string::npos ? "" : name.substr(0, name.rfind('.')));
  d->set(str_key("__package__"), mk_str(pkg));
  if (package) d->set(str_key("__path__"), mk_list({mk_str(dir_of(file))}));
  d->set(str_key("__doc__"), Value());
  DictObj* mods = sys_modules();
  mods->set(mk_str(name), m);
  try {
    run_module_code(code, d);
  } catch (PyError&) {
    mods->erase(mk_str(name));
    throw;
  }
  // The module may have replaced itself in sys.modules, as Python allows.
  Value* now = mods->find(mk_str(name));
  return now ? *now : m;
}

[[noreturn]] void not_found(const std::string& name, const std::vector<std::string>& searched) {
  std::string where;
  for (const auto& s : searched) where += (where.empty() ? "" : ", ") + s;
  std::string text = msg("runtime.import_error", {{"name", name}});
  if (!where.empty()) text += " (" + where + ")";
  Value exc = make_exception(I->e("ModuleNotFoundError"), ValueVec{mk_str(text)});
  exc.as<InstObj>()->set_attr("name", mk_str(name));
  throw PyError(exc);
}

// Imports the absolute dotted `name` (parents first); `from_dir` is the importer's folder.
Value import_abs(const std::string& name, const std::string& from_dir) {
  DictObj* mods = sys_modules();
  sys_path();  // made before the first `import sys` returns, so programs see it
  if (Value* v = mods->find(mk_str(name))) {
    if (!v->is_none()) return *v;
    // None in sys.modules blocks the import, as in Python (a program that hides an
    // accelerator module: sys.modules['_pickle'] = None).
    Value exc = make_exception(I->e("ModuleNotFoundError"), ValueVec{mk_str("import of " + name + " halted; None in sys.modules")});
    exc.as<InstObj>()->set_attr("name", mk_str(name));
    throw PyError(exc);
  }
  size_t dot = name.rfind('.');
  std::vector<std::string> dirs;
  std::string leaf = name;
  Value parent;
  if (dot != std::string::npos) {
    parent = import_abs(name.substr(0, dot), from_dir);
    if (Value* v = mods->find(mk_str(name))) return *v;  // the parent's __init__ imported it
    leaf = name.substr(dot + 1);
    Value path;
    if (getattr_opt(parent, "__path__", path)) {
      for_each(path, [&](const Value& p) { if (p.is(OK::Str)) dirs.push_back(str_of(p)); });
    } else {
      // A C++ module (collections) may have submodules written as source (collections/abc.py).
      std::string sub = name.substr(0, dot);
      for (char& c : sub) if (c == '.') c = '/';
      for (const Value& p : sys_path()->v)
        if (p.is(OK::Str)) dirs.push_back((fs::path(str_of(p)) / sub).string());
    }
  } else {
    auto it = I->modules.find(name);
    if (it != I->modules.end()) {
      mods->set(mk_str(name), it->second);
      return it->second;
    }
    // The importing file's folder: only for a top-level module's imports (a package's modules
    // use relative imports, as in Python 3, so a package's "abc" never shadows a top-level one).
    if (!from_dir.empty()) dirs.push_back(from_dir);
    for (const Value& p : sys_path()->v)
      if (p.is(OK::Str) && (dirs.empty() || str_of(p) != dirs.front())) dirs.push_back(str_of(p));
  }
  // C++ submodules (os.path) are registered by their dotted name.
  auto it = I->modules.find(name);
  if (it != I->modules.end()) {
    mods->set(mk_str(name), it->second);
    return it->second;
  }
  std::string file;
  bool package = false;
  for (const auto& d : dirs) {
    if (find_in(d, leaf, file, package)) {
      Value m = load_file(name, file, package);
      if (!parent.is_none()) setattr(parent, leaf, m);
      return m;
    }
  }
  not_found(name, dirs);
}

std::string importer_dir(DictObj* globals) {
  if (!globals) return "";
  Value* pkg = globals->find(str_key("__package__"));
  if (pkg && pkg->is(OK::Str) && !str_of(*pkg).empty()) return "";
  Value* f = globals->find(str_key("__file__"));
  if (f && f->is(OK::Str)) return dir_of(str_of(*f));
  return "";
}

}  // namespace

void install_builtin_aliases(const LanguagePack* pack, bool replace) {
  if (!pack) return;
  for (auto& [local, canon] : pack->builtins) {
    if (Value* v = I->builtins->find(str_key(canon))) {
      Value keep = *v;
      if (replace || !I->builtins->find(str_key(local))) I->builtins->set(str_key(local), keep);
    }
  }
}

std::string resolve_module_name(const std::string& name, DictObj* globals) {
  size_t level = 0;
  while (level < name.size() && name[level] == '.') ++level;
  if (level == 0) return name;
  std::string pkg;
  if (globals) {
    Value* p = globals->find(str_key("__package__"));
    if (p && p->is(OK::Str)) pkg = str_of(*p);
  }
  if (pkg.empty()) raise_id("ImportError", "runtime.relative_import_no_parent");
  for (size_t i = 1; i < level; ++i) {
    size_t dot = pkg.rfind('.');
    if (dot == std::string::npos) raise_id("ImportError", "runtime.relative_import_beyond");
    pkg.resize(dot);
  }
  std::string rest = name.substr(level);
  return rest.empty() ? pkg : pkg + "." + rest;
}

Value import_module_from(const std::string& name, DictObj* globals) {
  return import_abs(resolve_module_name(name, globals), importer_dir(globals));
}

Value import_module(const std::string& name) { return import_abs(name, ""); }

}  // namespace ml::interp
