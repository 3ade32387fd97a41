// Scope analysis: which names are locals (slots), cells, free variables, class-namespace or
// global names, computed before execution like CPython's symtable.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "parse/ast.h"

namespace ml::interp {

struct Sym {
  bool bound = false, used = false, global = false, nonlocal = false, param = false, cell = false, free = false;
};

struct Scope {
  enum Kind { Module, Class, Function } kind = Module;
  bool comp = false;       // comprehension / generator expression
  bool has_yield = false;  // generator function
  Scope* parent = nullptr;
  std::string name;
  std::map<std::string, Sym> syms;
  std::vector<std::string> order;
  std::vector<std::string> freevars;  // closure layout
  std::vector<std::unique_ptr<Scope>> children;
  Sym& sym(const std::string& n) {
    auto [it, ins] = syms.try_emplace(n);
    if (ins) order.push_back(n);
    return it->second;
  }
  int free_index(const std::string& n) const {
    for (size_t i = 0; i < freevars.size(); ++i)
      if (freevars[i] == n) return (int)i;
    return -1;
  }
};

struct ScopeTable {
  std::unique_ptr<Scope> root;
  std::unordered_map<const void*, Scope*> of;  // FunctionDef/ClassDef Stmt*, Lambda/comprehension Expr*
};

ScopeTable analyze_scopes(const ast::Module& m);

}  // namespace ml::interp
