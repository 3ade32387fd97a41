// _ast: the parser's tree (src/parse/ast.h) as Python's ast nodes, for stdlib/ast.py.
// parse(source, filename, mode, classes) parses as exec() does and builds each node as an
// instance of classes[name] (the node classes ast.py defines, with CPython's names and fields),
// its fields set in CPython's order, with lineno and col_offset (0-based, as CPython counts).
#include <memory>

#include "interp/int_str_limit.h"
#include "interp/lib/lib_modules.h"
#include "interp/lib/libutil.h"

namespace ml::interp {

std::unique_ptr<ast::Module> parse_source(const std::string& text, const std::string& path);  // importer.cpp

namespace {

using namespace ast;

enum class Ctx { Load, Store, Del };

struct Builder {
  DictObj* classes;

  Value node(const char* name, std::initializer_list<std::pair<const char*, Value>> fields, Loc loc = {}) {
    Value* cls = classes->find_str(name, str_hash_sv(name));
    if (!cls || !cls->is(OK::Class)) throw PyError(make_exception(I->e("KeyError"), {mk_str(name)}));
    Value v = make_instance(cls->as<ClassObj>());
    InstObj* o = v.as<InstObj>();
    for (auto& [k, x] : fields) o->set_attr(k, x);
    if (loc.line > 0) {
      o->set_attr("lineno", Value::integer(loc.line));
      o->set_attr("col_offset", Value::integer(loc.col > 0 ? loc.col - 1 : 0));
    }
    return v;
  }
  static Value str(const std::string& s) { return mk_str(s); }
  static Value opt_str(const std::string& s) { return s.empty() ? Value() : mk_str(s); }

  Value ctx(Ctx c) { return node(c == Ctx::Load ? "Load" : c == Ctx::Store ? "Store" : "Del", {}); }

  Value binop(BinOp op) {
    static const char* names[] = {"Add", "Sub", "Mult", "Div", "FloorDiv", "Mod", "Pow", "MatMult",
                                  "LShift", "RShift", "BitAnd", "BitOr", "BitXor"};
    return node(names[(int)op], {});
  }
  Value unop(UnaryOp op) {
    static const char* names[] = {"USub", "UAdd", "Not", "Invert"};
    return node(names[(int)op], {});
  }
  Value cmpop(CmpOp op) {
    static const char* names[] = {"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"};
    return node(names[(int)op], {});
  }

  Value exprs(const std::vector<ExprP>& v, Ctx c = Ctx::Load) {
    ValueVec out;
    for (auto& e : v) out.push_back(e ? expr(*e, c) : Value());
    return mk_list(std::move(out));
  }
  Value opt(const ExprP& e, Ctx c = Ctx::Load) { return e ? expr(*e, c) : Value(); }
  Value stmts(const Body& b) {
    ValueVec out;
    for (auto& s : b) out.push_back(stmt(*s));
    return mk_list(std::move(out));
  }

  Value constant(Value v, Loc loc) { return node("Constant", {{"value", std::move(v)}, {"kind", Value()}}, loc); }

  Value number(const Expr& e) {
    switch (e.kind) {
      case ExprKind::Int: return e.int_fits ? Value::integer(e.ival) : parse_int_unlimited(e.str, 10);
      case ExprKind::Float: return Value::flt(e.num);
      default: {
        Value cls = getattr(import_module("_complex"), "complex");
        Value args[2] = {Value::flt(0.0), Value::flt(e.num)};
        return call(cls, args, 2);
      }
    }
  }

  // Call arguments (and class bases): positional and *x in `args`, name=x and **x in `keywords`.
  void call_args(const std::vector<Arg>& in, ValueVec& args, ValueVec& keywords) {
    for (auto& a : in) {
      Loc l = a.value ? a.value->loc : Loc{};
      switch (a.kind) {
        case Arg::Positional: args.push_back(expr(*a.value)); break;
        case Arg::Star:
          args.push_back(node("Starred", {{"value", expr(*a.value)}, {"ctx", ctx(Ctx::Load)}}, l));
          break;
        case Arg::Keyword: keywords.push_back(node("keyword", {{"arg", str(a.name)}, {"value", expr(*a.value)}}, l)); break;
        case Arg::DoubleStar: keywords.push_back(node("keyword", {{"arg", Value()}, {"value", expr(*a.value)}}, l)); break;
      }
    }
  }

  Value arg(const Param& p) {
    return node("arg", {{"arg", str(p.name)}, {"annotation", opt(p.annotation)}, {"type_comment", Value()}}, p.loc);
  }
  Value arguments(const Params* p) {
    ValueVec posonly, args, kwonly, kw_defaults, defaults;
    Value vararg, kwarg;
    if (p) {
      for (auto& x : p->posonly) {
        posonly.push_back(arg(x));
        if (x.default_value) defaults.push_back(expr(*x.default_value));
      }
      for (auto& x : p->args) {
        args.push_back(arg(x));
        if (x.default_value) defaults.push_back(expr(*x.default_value));
      }
      if (p->vararg) vararg = arg(*p->vararg);
      for (auto& x : p->kwonly) {
        kwonly.push_back(arg(x));
        kw_defaults.push_back(opt(x.default_value));
      }
      if (p->kwarg) kwarg = arg(*p->kwarg);
    }
    return node("arguments", {{"posonlyargs", mk_list(std::move(posonly))}, {"args", mk_list(std::move(args))},
                              {"vararg", vararg}, {"kwonlyargs", mk_list(std::move(kwonly))},
                              {"kw_defaults", mk_list(std::move(kw_defaults))}, {"kwarg", kwarg},
                              {"defaults", mk_list(std::move(defaults))}});
  }

  Value comprehensions(const std::vector<Comprehension>& gens) {
    ValueVec out;
    for (auto& g : gens)
      out.push_back(node("comprehension", {{"target", expr(*g.target, Ctx::Store)}, {"iter", expr(*g.iter)},
                                           {"ifs", exprs(g.ifs)}, {"is_async", Value::integer(g.is_async ? 1 : 0)}}));
    return mk_list(std::move(out));
  }

  // An f-string's pieces: text as Constant, {expr!c:spec} as FormattedValue.
  Value joined(const Expr& e) {
    ValueVec values;
    if (e.kind == ExprKind::Str) {
      values.push_back(constant(mk_str(e.str), e.loc));
    } else {
      for (auto& p : e.items) {
        if (p->kind == ExprKind::Str) {
          values.push_back(constant(mk_str(p->str), p->loc));
          continue;
        }
        int conv = p->conv ? (int)(unsigned char)p->conv : -1;
        values.push_back(node("FormattedValue", {{"value", expr(*p->a)}, {"conversion", Value::integer(conv)},
                                                 {"format_spec", p->b ? joined(*p->b) : Value()}},
                              p->loc));
      }
    }
    return node("JoinedStr", {{"values", mk_list(std::move(values))}}, e.loc);
  }

  Value expr(const Expr& e, Ctx c = Ctx::Load) {
    Loc l = e.loc;
    switch (e.kind) {
      case ExprKind::Name: return node("Name", {{"id", str(e.name)}, {"ctx", ctx(c)}}, l);
      case ExprKind::Int:
      case ExprKind::Float:
      case ExprKind::Imag: return constant(number(e), l);
      case ExprKind::Str: return constant(mk_str(e.str), l);
      case ExprKind::Bytes: return constant(mk_bytes(e.str), l);
      case ExprKind::True: return constant(Value::boolean(true), l);
      case ExprKind::False: return constant(Value::boolean(false), l);
      case ExprKind::None: return constant(Value(), l);
      case ExprKind::Ellipsis: return constant(I->ellipsis, l);
      case ExprKind::FString:
      case ExprKind::FormattedValue: return joined(e);
      case ExprKind::BinOp:
        return node("BinOp", {{"left", expr(*e.a)}, {"op", binop(e.bin)}, {"right", expr(*e.b)}}, l);
      case ExprKind::UnaryOp: return node("UnaryOp", {{"op", unop(e.un)}, {"operand", expr(*e.a)}}, l);
      case ExprKind::BoolOp:
        return node("BoolOp", {{"op", node(e.boolop == BoolOpKind::And ? "And" : "Or", {})}, {"values", exprs(e.items)}}, l);
      case ExprKind::Compare: {
        ValueVec ops;
        for (CmpOp op : e.cmps) ops.push_back(cmpop(op));
        return node("Compare", {{"left", expr(*e.a)}, {"ops", mk_list(std::move(ops))}, {"comparators", exprs(e.items)}}, l);
      }
      case ExprKind::IfExp: return node("IfExp", {{"test", expr(*e.b)}, {"body", expr(*e.a)}, {"orelse", expr(*e.c)}}, l);
      case ExprKind::Lambda: return node("Lambda", {{"args", arguments(e.params.get())}, {"body", expr(*e.a)}}, l);
      case ExprKind::NamedExpr:
        return node("NamedExpr", {{"target", node("Name", {{"id", str(e.name)}, {"ctx", ctx(Ctx::Store)}}, l)},
                                  {"value", expr(*e.a)}}, l);
      case ExprKind::Call: {
        ValueVec args, keywords;
        call_args(e.args, args, keywords);
        return node("Call", {{"func", expr(*e.a)}, {"args", mk_list(std::move(args))}, {"keywords", mk_list(std::move(keywords))}}, l);
      }
      case ExprKind::Attribute: return node("Attribute", {{"value", expr(*e.a)}, {"attr", str(e.name)}, {"ctx", ctx(c)}}, l);
      case ExprKind::Subscript: return node("Subscript", {{"value", expr(*e.a)}, {"slice", expr(*e.b)}, {"ctx", ctx(c)}}, l);
      case ExprKind::Slice: return node("Slice", {{"lower", opt(e.a)}, {"upper", opt(e.b)}, {"step", opt(e.c)}}, l);
      case ExprKind::Starred: return node("Starred", {{"value", expr(*e.a, c)}, {"ctx", ctx(c)}}, l);
      case ExprKind::DoubleStarred: return expr(*e.a);
      case ExprKind::List: return node("List", {{"elts", exprs(e.items, c)}, {"ctx", ctx(c)}}, l);
      case ExprKind::Tuple: return node("Tuple", {{"elts", exprs(e.items, c)}, {"ctx", ctx(c)}}, l);
      case ExprKind::Set: return node("Set", {{"elts", exprs(e.items)}}, l);
      case ExprKind::Dict: {
        ValueVec keys, values;
        for (size_t i = 0; i < e.items.size(); ++i) {
          keys.push_back(opt(e.items[i]));
          values.push_back(i < e.values.size() ? opt(e.values[i]) : Value());
        }
        return node("Dict", {{"keys", mk_list(std::move(keys))}, {"values", mk_list(std::move(values))}}, l);
      }
      case ExprKind::ListComp: return node("ListComp", {{"elt", expr(*e.a)}, {"generators", comprehensions(e.gens)}}, l);
      case ExprKind::SetComp: return node("SetComp", {{"elt", expr(*e.a)}, {"generators", comprehensions(e.gens)}}, l);
      case ExprKind::GeneratorExp:
        return node("GeneratorExp", {{"elt", expr(*e.a)}, {"generators", comprehensions(e.gens)}}, l);
      case ExprKind::DictComp:
        return node("DictComp", {{"key", expr(*e.a)}, {"value", expr(*e.b)}, {"generators", comprehensions(e.gens)}}, l);
      case ExprKind::Await: return node("Await", {{"value", opt(e.a)}}, l);
      case ExprKind::Yield: return node("Yield", {{"value", opt(e.a)}}, l);
      case ExprKind::YieldFrom: return node("YieldFrom", {{"value", opt(e.a)}}, l);
    }
    return Value();
  }

  // A case pattern (the parser keeps patterns as expressions).
  Value pattern(const Expr* p) {
    if (!p) return node("MatchAs", {{"pattern", Value()}, {"name", Value()}});
    Loc l = p->loc;
    switch (p->kind) {
      case ExprKind::Name:
        return node("MatchAs", {{"pattern", Value()}, {"name", p->name == "_" ? Value() : str(p->name)}}, l);
      case ExprKind::NamedExpr: return node("MatchAs", {{"pattern", pattern(p->a.get())}, {"name", str(p->name)}}, l);
      case ExprKind::True:
      case ExprKind::False:
      case ExprKind::None: {
        Value v = p->kind == ExprKind::None ? Value() : Value::boolean(p->kind == ExprKind::True);
        return node("MatchSingleton", {{"value", v}}, l);
      }
      case ExprKind::BinOp:
        if (p->bin == BinOp::BitOr) {
          ValueVec alts;
          std::vector<const Expr*> todo{p};
          // a | b | c is left-nested: flatten it
          std::vector<const Expr*> flat;
          while (!todo.empty()) {
            const Expr* x = todo.back();
            todo.pop_back();
            if (x->kind == ExprKind::BinOp && x->bin == BinOp::BitOr) {
              todo.push_back(x->b.get());
              todo.push_back(x->a.get());
            } else {
              flat.push_back(x);
            }
          }
          for (const Expr* x : flat) alts.push_back(pattern(x));
          return node("MatchOr", {{"patterns", mk_list(std::move(alts))}}, l);
        }
        break;
      case ExprKind::Tuple:
      case ExprKind::List: {
        ValueVec items;
        for (auto& x : p->items) items.push_back(pattern(x.get()));
        return node("MatchSequence", {{"patterns", mk_list(std::move(items))}}, l);
      }
      case ExprKind::Starred:
        return node("MatchStar", {{"name", p->a && p->a->name != "_" ? str(p->a->name) : Value()}}, l);
      case ExprKind::Dict: {
        ValueVec keys, pats;
        Value rest;
        for (size_t i = 0; i < p->items.size(); ++i) {
          const Expr* v = i < p->values.size() ? p->values[i].get() : nullptr;
          if (!p->items[i]) {
            if (v) rest = str(v->kind == ExprKind::DoubleStarred && v->a ? v->a->name : v->name);
            continue;
          }
          keys.push_back(expr(*p->items[i]));
          pats.push_back(pattern(v));
        }
        return node("MatchMapping", {{"keys", mk_list(std::move(keys))}, {"patterns", mk_list(std::move(pats))}, {"rest", rest}}, l);
      }
      case ExprKind::Call: {
        ValueVec pats, kwd_attrs, kwd_pats;
        for (auto& a : p->args) {
          if (a.kind == Arg::Keyword) {
            kwd_attrs.push_back(str(a.name));
            kwd_pats.push_back(pattern(a.value.get()));
          } else {
            pats.push_back(pattern(a.value.get()));
          }
        }
        return node("MatchClass", {{"cls", expr(*p->a)}, {"patterns", mk_list(std::move(pats))},
                                   {"kwd_attrs", mk_list(std::move(kwd_attrs))}, {"kwd_patterns", mk_list(std::move(kwd_pats))}}, l);
      }
      default: break;
    }
    return node("MatchValue", {{"value", expr(*p)}}, l);
  }

  Value handlers(const std::vector<ExceptHandler>& hs) {
    ValueVec out;
    for (auto& h : hs)
      out.push_back(node("ExceptHandler", {{"type", opt(h.type)}, {"name", opt_str(h.name)}, {"body", stmts(h.body)}}, h.loc));
    return mk_list(std::move(out));
  }

  Value aliases(const std::vector<Alias>& names) {
    ValueVec out;
    for (auto& a : names) out.push_back(node("alias", {{"name", str(a.name)}, {"asname", opt_str(a.asname)}}));
    return mk_list(std::move(out));
  }

  Value stmt(const Stmt& s) {
    Loc l = s.loc;
    switch (s.kind) {
      case StmtKind::Expr: return node("Expr", {{"value", expr(*s.value)}}, l);
      case StmtKind::Assign:
        return node("Assign", {{"targets", exprs(s.targets, Ctx::Store)}, {"value", expr(*s.value)}, {"type_comment", Value()}}, l);
      case StmtKind::AugAssign:
        return node("AugAssign", {{"target", expr(*s.targets[0], Ctx::Store)}, {"op", binop(s.op)}, {"value", expr(*s.value)}}, l);
      case StmtKind::AnnAssign: {
        bool simple = s.targets[0]->kind == ExprKind::Name && !s.targets[0]->paren;
        return node("AnnAssign", {{"target", expr(*s.targets[0], Ctx::Store)}, {"annotation", expr(*s.extra)},
                                  {"value", opt(s.value)}, {"simple", Value::integer(simple ? 1 : 0)}}, l);
      }
      case StmtKind::If: return node("If", {{"test", expr(*s.value)}, {"body", stmts(s.body)}, {"orelse", stmts(s.orelse)}}, l);
      case StmtKind::While: return node("While", {{"test", expr(*s.value)}, {"body", stmts(s.body)}, {"orelse", stmts(s.orelse)}}, l);
      case StmtKind::For:
        return node(s.is_async ? "AsyncFor" : "For", {{"target", expr(*s.targets[0], Ctx::Store)}, {"iter", expr(*s.iter)},
                                                      {"body", stmts(s.body)}, {"orelse", stmts(s.orelse)}, {"type_comment", Value()}}, l);
      case StmtKind::Break: return node("Break", {}, l);
      case StmtKind::Continue: return node("Continue", {}, l);
      case StmtKind::Pass: return node("Pass", {}, l);
      case StmtKind::Return: return node("Return", {{"value", opt(s.value)}}, l);
      case StmtKind::FunctionDef:
        return node(s.is_async ? "AsyncFunctionDef" : "FunctionDef",
                    {{"name", str(s.name)}, {"args", arguments(s.params.get())}, {"body", stmts(s.body)},
                     {"decorator_list", exprs(s.decorators)}, {"returns", opt(s.returns)}, {"type_comment", Value()}}, l);
      case StmtKind::ClassDef: {
        ValueVec bases, keywords;
        call_args(s.bases, bases, keywords);
        return node("ClassDef", {{"name", str(s.name)}, {"bases", mk_list(std::move(bases))}, {"keywords", mk_list(std::move(keywords))},
                                 {"body", stmts(s.body)}, {"decorator_list", exprs(s.decorators)}}, l);
      }
      case StmtKind::Try:
        return node("Try", {{"body", stmts(s.body)}, {"handlers", handlers(s.handlers)}, {"orelse", stmts(s.orelse)},
                            {"finalbody", stmts(s.finalbody)}}, l);
      case StmtKind::Raise: return node("Raise", {{"exc", opt(s.value)}, {"cause", opt(s.extra)}}, l);
      case StmtKind::With: {
        ValueVec items;
        for (auto& w : s.items)
          items.push_back(node("withitem", {{"context_expr", expr(*w.context)}, {"optional_vars", opt(w.target, Ctx::Store)}}));
        return node(s.is_async ? "AsyncWith" : "With", {{"items", mk_list(std::move(items))}, {"body", stmts(s.body)}, {"type_comment", Value()}}, l);
      }
      case StmtKind::Import: return node("Import", {{"names", aliases(s.names)}}, l);
      case StmtKind::ImportFrom: {
        size_t level = s.module.find_first_not_of('.');
        if (level == std::string::npos) level = s.module.size();
        std::string mod = s.module.substr(level);
        return node("ImportFrom", {{"module", opt_str(mod)}, {"names", aliases(s.names)}, {"level", Value::integer((int64_t)level)}}, l);
      }
      case StmtKind::Global:
      case StmtKind::Nonlocal: {
        ValueVec names;
        for (auto& a : s.names) names.push_back(str(a.name));
        return node(s.kind == StmtKind::Global ? "Global" : "Nonlocal", {{"names", mk_list(std::move(names))}}, l);
      }
      case StmtKind::Assert: return node("Assert", {{"test", expr(*s.value)}, {"msg", opt(s.extra)}}, l);
      case StmtKind::Del: return node("Delete", {{"targets", exprs(s.targets, Ctx::Del)}}, l);
      case StmtKind::Match: {
        ValueVec cases;
        for (auto& c : s.cases)
          cases.push_back(node("match_case", {{"pattern", pattern(c.pattern.get())}, {"guard", opt(c.guard)}, {"body", stmts(c.body)}}));
        return node("Match", {{"subject", expr(*s.value)}, {"cases", mk_list(std::move(cases))}}, l);
      }
    }
    return Value();
  }
};

}  // namespace

void init_ast() {
  Value m = lib_module("_ast");
  DictObj* d = module_dict(m);
  // parse(source, filename, mode, classes): mode "exec" (Module), "eval" (Expression: one
  // expression) or "single" (Interactive).
  def_native(d, "parse", [](ARGS) -> Value {
    check_args("parse", n, 4, 4);
    if (!a[0].is(OK::Str) || !a[1].is(OK::Str) || !a[2].is(OK::Str) || !a[3].is(OK::Dict))
      raise_id("TypeError", "runtime.compile_source_type");
    std::string mode = str_of(a[2]);
    if (mode != "exec" && mode != "eval" && mode != "single") raise_id("ValueError", "runtime.compile_mode");
    auto tree = parse_source(str_of(a[0]), str_of(a[1]));
    Builder b{a[3].as<DictObj>()};
    if (mode == "eval") {
      if (tree->body.size() != 1 || tree->body[0]->kind != StmtKind::Expr) raise("SyntaxError", "invalid syntax");
      return b.node("Expression", {{"body", b.expr(*tree->body[0]->value)}});
    }
    if (mode == "single") return b.node("Interactive", {{"body", b.stmts(tree->body)}});
    return b.node("Module", {{"body", b.stmts(tree->body)}, {"type_ignores", mk_list()}});
  });
}

}  // namespace ml::interp
