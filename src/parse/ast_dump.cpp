// `multilingual ast FILE`: the tree, one node per line, the same for every human language.
#include "parse/ast_dump.h"

#include <fmt/format.h>

namespace ml::ast {

namespace {

const char* expr_name(ExprKind k) {
  static const char* names[] = {"Name", "Int", "Float", "Str", "Bytes", "FString", "FormattedValue", "True",
                                "False", "None", "Ellipsis", "BinOp", "UnaryOp", "BoolOp", "Compare",
                                "IfExp", "Lambda", "NamedExpr", "Call", "Attribute", "Subscript", "Slice",
                                "Starred", "DoubleStarred", "List", "Tuple", "Set", "Dict", "ListComp",
                                "SetComp", "DictComp", "GeneratorExp", "Await", "Yield", "YieldFrom", "Imag"};
  return names[static_cast<int>(k)];
}

const char* stmt_name(StmtKind k) {
  static const char* names[] = {"Expr", "Assign", "AugAssign", "AnnAssign", "If", "While", "For", "Break",
                                "Continue", "Pass", "Return", "FunctionDef", "ClassDef", "Try", "Raise",
                                "With", "Import", "ImportFrom", "Global", "Nonlocal", "Assert", "Del",
                                "Match"};
  return names[static_cast<int>(k)];
}

const char* binop_name(BinOp b) {
  static const char* n[] = {"+", "-", "*", "/", "//", "%", "**", "@", "<<", ">>", "&", "|", "^"};
  return n[static_cast<int>(b)];
}

const char* cmp_name(CmpOp c) {
  static const char* n[] = {"==", "!=", "<", "<=", ">", ">=", "is", "is not", "in", "not in"};
  return n[static_cast<int>(c)];
}

struct Dumper {
  std::string out;
  void line(int d, const std::string& s) { out += std::string(static_cast<size_t>(d) * 2, ' ') + s + "\n"; }

  void expr(const Expr* e, int d, const char* label = nullptr) {
    std::string pre = label ? std::string(label) + ": " : "";
    if (!e) return;
    std::string head = pre + expr_name(e->kind);
    switch (e->kind) {
      case ExprKind::Name: head += " " + e->name; break;
      case ExprKind::Int: head += " " + (e->int_fits ? std::to_string(e->ival) : e->str); break;
      case ExprKind::Float: head += fmt::format(" {}", e->num); break;
      case ExprKind::Imag: head += fmt::format(" {}j", e->num); break;
      case ExprKind::Str: case ExprKind::Bytes: head += " " + fmt::format("{:?}", e->str); break;
      case ExprKind::BinOp: head += std::string(" ") + binop_name(e->bin); break;
      case ExprKind::Attribute: head += " ." + e->name; break;
      case ExprKind::NamedExpr: head += " " + e->name; break;
      case ExprKind::BoolOp: head += e->boolop == BoolOpKind::And ? " and" : " or"; break;
      case ExprKind::UnaryOp: {
        static const char* u[] = {"-", "+", "not", "~"};
        head += std::string(" ") + u[static_cast<int>(e->un)];
        break;
      }
      case ExprKind::Compare:
        for (auto c : e->cmps) head += std::string(" ") + cmp_name(c);
        break;
      default: break;
    }
    line(d, head);
    expr(e->a.get(), d + 1);
    expr(e->b.get(), d + 1);
    expr(e->c.get(), d + 1);
    for (const auto& it : e->items) {
      if (it) expr(it.get(), d + 1);
      else line(d + 1, "**");
    }
    for (const auto& v : e->values) expr(v.get(), d + 1, "value");
    for (const auto& a : e->args) {
      static const char* k[] = {"arg", "kwarg", "*arg", "**arg"};
      std::string lab = std::string(k[a.kind]) + (a.name.empty() ? "" : " " + a.name);
      expr(a.value.get(), d + 1, lab.c_str());
    }
    for (const auto& g : e->gens) {
      line(d + 1, "for");
      expr(g.target.get(), d + 2, "target");
      expr(g.iter.get(), d + 2, "iter");
      for (const auto& c : g.ifs) expr(c.get(), d + 2, "if");
    }
    if (e->params) params(*e->params, d + 1);
  }

  void params(const Params& p, int d) {
    std::string s = "params(";
    for (const auto& a : p.posonly) s += a.name + ", ";
    if (!p.posonly.empty()) s += "/, ";
    for (const auto& a : p.args) s += a.name + (a.default_value ? "=, " : ", ");
    if (p.vararg) s += "*" + p.vararg->name + ", ";
    for (const auto& a : p.kwonly) s += a.name + (a.default_value ? "=, " : ", ");
    if (p.kwarg) s += "**" + p.kwarg->name;
    line(d, s + ")");
  }

  void body(const Body& b, int d, const char* label) {
    if (b.empty()) return;
    line(d, label);
    for (const auto& s : b) stmt(*s, d + 1);
  }

  void stmt(const Stmt& s, int d) {
    std::string head = stmt_name(s.kind);
    if (!s.name.empty()) head += " " + s.name;
    if (s.kind == StmtKind::AugAssign) head += std::string(" ") + binop_name(s.op) + "=";
    if (s.is_async) head = "async " + head;
    if (s.declared) head += " (let)";
    if (s.is_generator) head += " (generator)";
    for (const auto& n : s.names) head += " " + n.name + (n.asname.empty() ? "" : " as " + n.asname);
    if (!s.module.empty()) head += " from " + s.module;
    line(d, fmt::format("{}  @{}:{}", head, s.loc.line, s.loc.col));
    for (const auto& dec : s.decorators) expr(dec.get(), d + 1, "decorator");
    if (s.params) params(*s.params, d + 1);
    for (const auto& t : s.targets) expr(t.get(), d + 1, "target");
    expr(s.iter.get(), d + 1, "iter");
    expr(s.value.get(), d + 1, "value");
    expr(s.extra.get(), d + 1, "extra");
    for (const auto& b : s.bases) expr(b.value.get(), d + 1, "base");
    for (const auto& it : s.items) {
      expr(it.context.get(), d + 1, "with");
      expr(it.target.get(), d + 2, "as");
    }
    body(s.body, d + 1, "body:");
    for (const auto& h : s.handlers) {
      line(d + 1, "except" + (h.name.empty() ? "" : " as " + h.name));
      expr(h.type.get(), d + 2, "type");
      for (const auto& b : h.body) stmt(*b, d + 2);
    }
    for (const auto& c : s.cases) {
      line(d + 1, c.pattern ? "case" : "default");
      expr(c.pattern.get(), d + 2, "pattern");
      expr(c.guard.get(), d + 2, "guard");
      for (const auto& b : c.body) stmt(*b, d + 2);
    }
    body(s.orelse, d + 1, "else:");
    body(s.finalbody, d + 1, "finally:");
  }
};

}  // namespace

std::string dump(const Module& m) {
  Dumper d;
  d.line(0, "Module (" + m.language + ")");
  for (const auto& s : m.body) d.stmt(*s, 1);
  return d.out;
}

}  // namespace ml::ast
