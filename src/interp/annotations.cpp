// Annotations as text: what `from __future__ import annotations` stores instead of evaluating
// them (Python's ast.unparse of the annotation expression).
#include <string>

#include "parse/ast.h"
#include "interp/runtime.h"

namespace ml::interp {

using ast::Expr;
using ast::ExprKind;

namespace {

int precedence(const Expr& e) {
  if (e.kind != ExprKind::BinOp) return e.kind == ExprKind::IfExp ? 0 : e.kind == ExprKind::BoolOp ? 1 : 100;
  switch (e.bin) {
    case ast::BinOp::BitOr: return 10;
    case ast::BinOp::BitXor: return 11;
    case ast::BinOp::BitAnd: return 12;
    case ast::BinOp::LShift: case ast::BinOp::RShift: return 13;
    case ast::BinOp::Add: case ast::BinOp::Sub: return 14;
    case ast::BinOp::Pow: return 16;
    default: return 15;
  }
}

const char* op_text(ast::BinOp op) {
  switch (op) {
    case ast::BinOp::Add: return " + ";
    case ast::BinOp::Sub: return " - ";
    case ast::BinOp::Mul: return " * ";
    case ast::BinOp::Div: return " / ";
    case ast::BinOp::FloorDiv: return " // ";
    case ast::BinOp::Mod: return " % ";
    case ast::BinOp::Pow: return " ** ";
    case ast::BinOp::MatMul: return " @ ";
    case ast::BinOp::LShift: return " << ";
    case ast::BinOp::RShift: return " >> ";
    case ast::BinOp::BitAnd: return " & ";
    case ast::BinOp::BitOr: return " | ";
    case ast::BinOp::BitXor: return " ^ ";
  }
  return " ? ";
}

std::string items(const std::vector<ast::ExprP>& v);

std::string text(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Name: return e.name;
    case ExprKind::Int: return e.int_fits ? std::to_string(e.ival) : e.str;
    case ExprKind::Float: return float_repr(e.num);
    case ExprKind::Imag: return (e.num == (long long)e.num ? std::to_string((long long)e.num) : float_repr(e.num)) + "j";
    case ExprKind::Str: return str_repr(e.str);
    case ExprKind::True: return "True";
    case ExprKind::False: return "False";
    case ExprKind::None: return "None";
    case ExprKind::Ellipsis: return "...";
    case ExprKind::Attribute: return text(*e.a) + "." + e.name;
    case ExprKind::Subscript: {
      const Expr& idx = *e.b;
      std::string inner = idx.kind == ExprKind::Tuple && !idx.paren && !idx.items.empty() ? items(idx.items) : text(idx);
      return text(*e.a) + "[" + inner + "]";
    }
    case ExprKind::BinOp: {
      int p = precedence(e);
      std::string l = text(*e.a), r = text(*e.b);
      if (precedence(*e.a) < p) l = "(" + l + ")";
      if (precedence(*e.b) <= p) r = "(" + r + ")";
      return l + op_text(e.bin) + r;
    }
    case ExprKind::UnaryOp: return (e.un == ast::UnaryOp::Neg ? "-" : e.un == ast::UnaryOp::Pos ? "+" : e.un == ast::UnaryOp::Invert ? "~" : "not ") + text(*e.a);
    case ExprKind::Tuple: return e.items.size() == 1 ? "(" + text(*e.items[0]) + ",)" : "(" + items(e.items) + ")";
    case ExprKind::List: return "[" + items(e.items) + "]";
    case ExprKind::Call: {
      std::string out = text(*e.a) + "(";
      for (size_t i = 0; i < e.args.size(); ++i) {
        const auto& a = e.args[i];
        if (i) out += ", ";
        out += a.kind == ast::Arg::Keyword ? a.name + "=" : a.kind == ast::Arg::Star ? "*" : a.kind == ast::Arg::DoubleStar ? "**" : "";
        out += text(*a.value);
      }
      return out + ")";
    }
    case ExprKind::Starred: return "*" + text(*e.a);
    default: return "...";
  }
}

std::string items(const std::vector<ast::ExprP>& v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + text(*v[i]);
  return out;
}

}  // namespace

std::string annotation_text(const ast::Expr& e) { return text(e); }

}  // namespace ml::interp
