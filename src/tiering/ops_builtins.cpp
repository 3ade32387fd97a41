// The bridge between interpreter values and the runtime's operation values.
#include "tiering/ops_builtins.h"

#include "support/memory_limit.h"

#include <set>

#include "interp/int_str_limit.h"
#include "interp/runtime.h"
#include "lang/pack.h"
#include "runtime/backend_selector.h"
#include "runtime/operations.h"

namespace ml::tiering {

namespace {

namespace iv = ml::interp;
namespace rv = ml::runtime;

rv::Value to_runtime(const iv::Value& v);
iv::Value to_interp(const rv::Value& v);

rv::Value list_to_runtime(const iv::ValueVec& items) {
  std::vector<rv::Value> out;
  out.reserve(items.size());
  for (const auto& x : items) out.push_back(to_runtime(x));
  return rv::Value::list(std::move(out));
}

rv::Value to_runtime(const iv::Value& v) {
  if (v.is_none()) return rv::Value::none();
  if (v.is_bool()) return rv::Value::boolean(v.b);
  if (v.is_int()) return rv::Value::integer(v.i);
  if (v.is_float()) return rv::Value::number(v.f);
  if (v.is(iv::OK::Big)) return rv::Value::bigint(iv::int_to_decimal_unlimited(v));
  if (v.is(iv::OK::Str)) return rv::Value::str(v.as<iv::StrObj>()->s);
  if (v.is(iv::OK::Bytes)) {
    const std::string& s = v.as<iv::BytesObj>()->s;
    return rv::Value::bytes(std::vector<uint8_t>(s.begin(), s.end()));
  }
  if (v.is(iv::OK::List)) return list_to_runtime(v.as<iv::ListObj>()->v);
  if (v.is(iv::OK::Tuple)) return list_to_runtime(v.as<iv::TupleObj>()->v);
  if (v.is(iv::OK::Dict)) {
    std::vector<std::pair<std::string, rv::Value>> entries;
    v.as<iv::DictObj>()->for_each([&](const iv::Value& k, const iv::Value& val) {
      entries.emplace_back(iv::to_str(k), to_runtime(val));
    });
    return rv::Value::dict(std::move(entries));
  }
  if (v.is(iv::OK::Func) || v.is(iv::OK::Native) || v.is(iv::OK::Bound) || v.is(iv::OK::Class) ||
      iv::type_lookup(v, "__call__")) {
    iv::Value f = v;
    return rv::Value::function(
        [f](const std::vector<rv::Value>& args) {
          iv::ValueVec a;
          for (const auto& x : args) a.push_back(to_interp(x));
          return to_runtime(iv::call(f, a.data(), static_cast<int>(a.size())));
        },
        iv::type_name(v));
  }
  iv::type_error("cannot pass a '" + iv::type_name(v) + "' to a library operation");
}

iv::Value list_value(iv::ValueVec items) { return iv::Value::obj(new iv::ListObj(std::move(items))); }

iv::Value to_interp(const rv::Value& v) {
  using K = rv::Value::Kind;
  switch (v.kind()) {
    case K::None: return iv::Value::none();
    case K::Bool: return iv::Value::boolean(v.as_bool());
    case K::Int: return iv::Value::integer(v.as_int());
    case K::BigInt: return iv::parse_int_unlimited(v.as_str(), 10);
    case K::Float: return iv::Value::flt(v.as_float());
    case K::Str: return iv::Value::obj(new iv::StrObj(v.as_str()));
    case K::Bytes: {
      auto b = v.as_bytes();
      return iv::Value::obj(new iv::BytesObj(std::string(b.begin(), b.end())));
    }
    case K::List: {
      iv::ValueVec items;
      for (const auto& x : v.as_list()) items.push_back(to_interp(x));
      return list_value(std::move(items));
    }
    case K::Numbers: {
      iv::ValueVec items;
      for (double d : v.numbers_ref()) items.push_back(iv::Value::flt(d));
      return list_value(std::move(items));
    }
    case K::Matrix: {
      const auto& m = v.matrix_ref();
      iv::ValueVec rows;
      for (int64_t r = 0; r < m.rows; ++r) {
        iv::ValueVec row;
        for (int64_t c = 0; c < m.cols; ++c) row.push_back(iv::Value::flt(m.at(r, c)));
        rows.push_back(list_value(std::move(row)));
      }
      return list_value(std::move(rows));
    }
    case K::Dict: {
      auto* d = new iv::DictObj();
      iv::Value dv = iv::Value::obj(d);
      for (const auto& [k, x] : v.as_dict()) d->set(iv::Value::obj(new iv::StrObj(k)), to_interp(x));
      return dv;
    }
    case K::Function: break;
  }
  iv::type_error("a library operation returned a function");
}

}  // namespace

void register_operation_builtins(interp::Interpreter& in, std::function<runtime::BackendSelector&()> get_selector) {
  // Python's own builtins keep their meaning: `map`, `sum`, `sorted` are not data_map...
  static const std::set<std::string> python_builtins = {
      "abs", "all", "any", "ascii", "bin", "bool", "bytes", "callable", "chr", "dict", "dir", "divmod",
      "enumerate", "filter", "float", "format", "frozenset", "getattr", "globals", "hasattr", "hash", "hex",
      "id", "input", "int", "isinstance", "issubclass", "iter", "len", "list", "locals", "map", "max", "min",
      "next", "object", "oct", "open", "ord", "pow", "print", "range", "repr", "reversed", "round", "set",
      "setattr", "slice", "sorted", "str", "sum", "super", "tuple", "type", "vars", "zip", "reduce", "sort"};
  const auto& english = LanguageRegistry::instance().english().builtin_preferred;
  std::set<std::string> names;
  for (const auto& op : runtime::operations()) {
    names.insert(op.name);
    // The short name without the category prefix too (numeric_fibonacci -> fibonacci), unless
    // it would hide a builtin of the language.
    std::string prefix = op.category + "_";
    if (op.name.rfind(prefix, 0) != 0) continue;
    std::string short_name = op.name.substr(prefix.size());
    if (!python_builtins.count(short_name) && !english.count(short_name)) names.insert(short_name);
  }
  for (const auto& name : names) {
    in.register_builtin(name, [get_selector, name](const std::vector<iv::Value>& args,
                                                 const std::vector<std::pair<std::string, iv::Value>>& kwargs) {
      if (!kwargs.empty()) iv::type_error(name + "() takes no keyword arguments");
      std::vector<rv::Value> a;
      for (const auto& x : args) a.push_back(to_runtime(x));
      try {
        runtime::Value r;
        {
          support::UncheckedAllocations engine_allocates;  // V8 cannot take a bad_alloc
          r = get_selector().call_function(name, a);
        }
        return to_interp(r);
      } catch (const iv::PyError&) {
        throw;
      } catch (const std::exception& e) {
        iv::raise("ValueError", name + ": " + e.what());
      }
    });
  }
}

}  // namespace ml::tiering
