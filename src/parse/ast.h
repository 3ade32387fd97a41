// The one AST every human language parses to. Names in it are the user's own spelling
// (NFC-normalized); keywords are gone (they became node kinds). Python semantics.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "support/source.h"

namespace ml::ast {

struct Expr;
struct Stmt;
using ExprP = std::unique_ptr<Expr>;
using StmtP = std::unique_ptr<Stmt>;
using Body = std::vector<StmtP>;

enum class BinOp { Add, Sub, Mul, Div, FloorDiv, Mod, Pow, MatMul, LShift, RShift, BitAnd, BitOr, BitXor };
enum class UnaryOp { Neg, Pos, Not, Invert };
enum class CmpOp { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };
enum class BoolOpKind { And, Or };

enum class ExprKind {
  Name, Int, Float, Str, Bytes, FString, FormattedValue, True, False, None, Ellipsis,
  BinOp, UnaryOp, BoolOp, Compare, IfExp, Lambda, NamedExpr /* := */,
  Call, Attribute, Subscript, Slice, Starred /* *x in calls, targets, literals */,
  DoubleStarred /* **x inside dict displays */,
  List, Tuple, Set, Dict, ListComp, SetComp, DictComp, GeneratorExp,
  Await, Yield, YieldFrom,
  Imag /* imaginary literal 2j: num is its imaginary part */,
};

struct Arg;         // call argument
struct Comprehension;
struct Params;

struct Arg {
  enum Kind { Positional, Keyword, Star /* *args */, DoubleStar /* **kwargs */ } kind = Positional;
  std::string name;  // Keyword
  ExprP value;
};

struct Comprehension {
  ExprP target;  // Name / Tuple of Names / Starred...
  ExprP iter;
  std::vector<ExprP> ifs;
  bool is_async = false;
};

struct Expr {
  ExprKind kind;
  Loc loc;
  // Leaves
  std::string name;   // Name; Attribute (the attribute); NamedExpr (the target)
  std::string str;    // Str/Bytes value (escapes decoded); Int literal as decimal text when !int_fits
  double num = 0;     // Float
  long long ival = 0; // Int when it fits (int_fits = true)
  bool int_fits = true;
  // Operators
  BinOp bin = BinOp::Add;
  UnaryOp un = UnaryOp::Neg;
  BoolOpKind boolop = BoolOpKind::And;
  std::vector<CmpOp> cmps;  // Compare: left=a, items = comparators
  // Children (meaning depends on kind; see comments)
  ExprP a, b, c;            // BinOp(a,b) UnaryOp(a) IfExp(body=a,test=b,orelse=c) NamedExpr(target name in `name`, value=a)
                            // Call(func=a) Attribute(value=a) Subscript(value=a, index=b)
                            // Slice(lower=a, upper=b, step=c; null = omitted) Starred(a) Await/Yield/YieldFrom(a, may be null)
                            // Compare(left=a) ListComp/SetComp/GeneratorExp(elt=a) DictComp(key=a, value=b)
                            // Lambda(body=a)
  std::vector<ExprP> items; // List/Tuple/Set elements, BoolOp operands, Compare comparators,
                            // Dict keys (null key => values[i] is the mapping to spread: {**m})
                            // FString: pieces
  std::vector<ExprP> values;   // Dict values
  std::vector<Arg> args;       // Call arguments
  std::vector<Comprehension> gens;  // comprehensions
  std::shared_ptr<Params> params;   // Lambda
  // FString: items are Str pieces and FormattedValue pieces.
  // FormattedValue: a = the value, conv = 0 / 'r' / 's' / 'a', b = format spec (null, or a
  // Str/FString expr since specs may hold nested {expr}).
  char conv = 0;
  bool paren = false;  // written inside parentheses (for tuple-vs-grouping decisions)

  Expr(ExprKind k, Loc l) : kind(k), loc(l) {}
};

struct Param {
  std::string name;
  ExprP default_value;  // may be null
  ExprP annotation;     // may be null
  Loc loc;
};

struct Params {
  std::vector<Param> posonly;   // before "/"
  std::vector<Param> args;      // positional-or-keyword
  std::unique_ptr<Param> vararg;  // *args (null if none)
  std::vector<Param> kwonly;    // after * or *args
  std::unique_ptr<Param> kwarg;   // **kwargs
};

enum class StmtKind {
  Expr, Assign, AugAssign, AnnAssign, If, While, For, Break, Continue, Pass, Return,
  FunctionDef, ClassDef, Try, Raise, With, Import, ImportFrom, Global, Nonlocal,
  Assert, Del, Match,
};

struct ExceptHandler {
  ExprP type;        // null = bare except
  std::string name;  // "" if no `as`
  Body body;
  Loc loc;
};

struct WithItem {
  ExprP context;
  ExprP target;  // may be null
};

struct Alias {
  std::string name;    // dotted module name or imported symbol
  std::string asname;  // "" if none
};

struct MatchCase {
  // Patterns are expressions with pattern meaning: literal (Int/Str/None/True/False/negative
  // number), Name "_" = wildcard, other Name = capture, Tuple/List = sequence pattern,
  // Attribute = value pattern, Call = class pattern; `default` case has pattern == null.
  ExprP pattern;
  ExprP guard;  // may be null
  Body body;
  Loc loc;
};

struct Stmt {
  StmtKind kind;
  Loc loc;
  ExprP value;               // Expr, Assign/AugAssign/AnnAssign value, Return, Raise exc, Assert test, If/While test, Match subject
  std::vector<ExprP> targets;  // Assign (a = b = value: [a, b]), Del targets, For target in targets[0], AugAssign/AnnAssign target in targets[0]
  ExprP iter;                // For
  ExprP extra;               // Raise cause (from X), Assert msg, AnnAssign annotation
  BinOp op = BinOp::Add;     // AugAssign
  Body body, orelse, finalbody;  // If/While/For/Try/With/FunctionDef/ClassDef bodies
  std::vector<ExceptHandler> handlers;
  std::vector<WithItem> items;
  std::vector<Alias> names;  // Import / ImportFrom / Global / Nonlocal (name only)
  std::string module;        // ImportFrom
  // FunctionDef / ClassDef
  std::string name;
  std::shared_ptr<Params> params;
  ExprP returns;                     // annotation, may be null
  std::vector<ExprP> decorators;
  std::vector<Arg> bases;            // ClassDef bases and keywords
  bool is_async = false;             // async def / async for / async with
  bool is_generator = false;         // FunctionDef contains yield (set by the parser)
  bool declared = false;             // Assign written with `let`/`const`
  std::vector<MatchCase> cases;

  Stmt(StmtKind k, Loc l) : kind(k), loc(l) {}
};

// Where a word-order surface pattern was used ("範囲(6) 内の 各 i に対して:"): byte ranges
// of the header and of each slot, so `translate` can re-render it in the target's order.
struct SurfaceUse {
  std::string normalize_to;  // for | while | if | with
  size_t begin = 0, end = 0; // header, up to and including the ':'
  std::vector<std::pair<std::string, std::pair<size_t, size_t>>> slots;  // name -> [begin, end)
};

struct Module {
  std::shared_ptr<const SourceFile> source;
  std::string language;  // pack code the program was parsed with
  Body body;
  std::vector<SurfaceUse> surface_uses;
};

}  // namespace ml::ast
