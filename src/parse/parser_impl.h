// The recursive-descent parser's internals, shared by the statement, expression and
// f-string files of this folder.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "lex/lexer.h"
#include "parse/ast.h"

namespace ml {

using namespace ast;

class Parser {
 public:
  Parser(std::shared_ptr<const SourceFile> src, const LanguagePack& pack, std::vector<Token> toks);

  Module parse_module();
  ExprP parse_fstring_body(const Token& tok);  // fstring.cpp

  // --- statements (parse_stmt.cpp)
  void statement(Body& out);
  void simple_statements(Body& out);
  StmtP small_statement();
  Body block(const Token& opener);
  StmtP if_statement(Loc loc);
  StmtP while_statement(Loc loc);
  StmtP for_statement(Loc loc, bool is_async);
  StmtP try_statement(Loc loc);
  StmtP with_statement(Loc loc, bool is_async);
  StmtP funcdef(Loc loc, std::vector<ExprP> decorators, bool is_async);
  StmtP classdef(Loc loc, std::vector<ExprP> decorators);
  StmtP match_statement(Loc loc);
  StmtP import_statement(Loc loc);
  StmtP from_import(Loc loc);
  StmtP expr_statement(bool declared);
  std::shared_ptr<Params> parameters(const char* closer, bool allow_annotations);
  std::string dotted_name();
  bool try_surface_pattern(Body& out);

  // --- expressions (parse_expr.cpp)
  ExprP test();  // conditional expression / lambda
  ExprP namedexpr_test();
  ExprP or_test();
  ExprP and_test();
  ExprP not_test();
  ExprP comparison();
  ExprP bitor_expr();
  ExprP bitxor_expr();
  ExprP bitand_expr();
  ExprP shift_expr();
  ExprP arith_expr();
  ExprP term();
  ExprP factor();
  ExprP power();
  ExprP primary();
  ExprP atom();
  ExprP star_expr_or_test();
  ExprP testlist_star_expr();  // a, *b, c  -> Tuple
  ExprP exprlist();            // for-loop targets
  ExprP testlist();            // return/yield values
  ExprP lambda_expr();
  ExprP yield_expr();
  ExprP paren_atom(Loc loc);
  ExprP list_atom(Loc loc);
  ExprP brace_atom(Loc loc);
  ExprP strings();
  void call_args(Expr& call);
  ExprP subscript_index();
  ExprP slice_item();
  std::vector<Comprehension> comp_for();
  void check_target(const Expr& e, bool allow_star = true);

  // --- token helpers
  const Token& cur() const { return toks_[pos_]; }
  const Token& peek(int n = 1) const { return toks_[std::min(pos_ + n, toks_.size() - 1)]; }
  const Token& next() { return toks_[pos_ < toks_.size() - 1 ? pos_++ : pos_]; }
  bool at_op(const char* op) const { return cur().is_op(op); }
  bool at_kw(Concept c) const { return cur().is_kw(c); }
  bool accept_op(const char* op) {
    if (!at_op(op)) return false;
    next();
    return true;
  }
  bool accept_kw(Concept c) {
    if (!at_kw(c)) return false;
    next();
    return true;
  }
  const Token& expect_op(const char* op);
  const Token& expect_kw(Concept c);
  std::string expect_name();
  bool at_name() const;  // a Name, or a soft keyword usable as a name
  bool is_soft_word(const Token& t) const;
  bool soft_word_is_name() const;
  [[noreturn]] void fail_unexpected(const Token& t);
  [[noreturn]] void fail_expected(const std::string& what, const Token& t);
  [[noreturn]] void fail(const char* id, std::map<std::string, std::string> args, Loc loc,
                         const char* kind = "SyntaxError");
  std::string describe(const Token& t) const;
  // A word used inside a syntax message ("end of line", "an identifier"), in the program's language.
  std::string word(const char* key) const { return pack_.message(std::string("syntax.word_") + key); }
  std::string kw(Concept c) const { return pack_.preferred(c); }

  // Nesting limit: recursive descent (and every later pass over the tree) must not run out of
  // C++ stack on inputs such as 100000 unary minuses, `not not ...`, chained calls, endless
  // `a + a + ...` chains or deeply nested blocks. Each nesting step (an expression level, a
  // binary/postfix chain link, a block, an elif) costs one unit; past kMaxDepth the parse
  // stops with a located SyntaxError. Brackets alone are limited by the lexer (200 levels).
  static constexpr int kMaxDepth = 1000;
  int depth_ = 0;
  // One more nesting unit at `loc`, or "too deeply nested" there. Callers restore depth_ with
  // a DepthScope (exception-safe, so surface-pattern retries start from the right depth).
  void deeper(Loc loc) {
    if (depth_ + 1 > kMaxDepth) fail("syntax.too_deep", {}, loc);
    ++depth_;
  }
  struct DepthScope {
    Parser& p;
    int saved;
    explicit DepthScope(Parser& parser) : p(parser), saved(parser.depth_) {}
    DepthScope(Parser& parser, Loc loc) : p(parser), saved(parser.depth_) { p.deeper(loc); }
    ~DepthScope() { p.depth_ = saved; }
    DepthScope(const DepthScope&) = delete;
    DepthScope& operator=(const DepthScope&) = delete;
  };

  ExprP make(ExprKind k, Loc l) { return std::make_unique<Expr>(k, l); }
  StmtP make_stmt(StmtKind k, Loc l) { return std::make_unique<Stmt>(k, l); }

  std::shared_ptr<const SourceFile> src_;
  const LanguagePack& pack_;
  std::vector<Token> toks_;
  size_t pos_ = 0;
  bool no_in_ = false;       // inside a surface-pattern slot: `in` is not an operator there
  bool no_ternary_ = false;  // inside a surface-pattern slot: `if` ends the expression
  std::vector<Stmt*> funcs_; // enclosing function definitions (to mark generators)
  int loop_depth_ = 0;
  std::vector<SurfaceUse> surface_uses_;
};

}  // namespace ml
