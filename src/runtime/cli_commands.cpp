#include "runtime/cli_commands.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <filesystem>

#include "engine/disk_cache.h"
#include "runtime/backend_selector.h"
#include "runtime/operations.h"
#include "support/install_layout.h"

namespace ml::runtime {

namespace {

Value from_element(simdjson::dom::element e) {
  using T = simdjson::dom::element_type;
  switch (e.type()) {
    case T::ARRAY: {
      std::vector<Value> items;
      for (auto x : e.get_array()) items.push_back(from_element(x));
      return Value::list(std::move(items));
    }
    case T::OBJECT: {
      std::vector<std::pair<std::string, Value>> d;
      for (auto [k, v] : e.get_object()) d.emplace_back(std::string(k), from_element(v));
      return Value::dict(std::move(d));
    }
    case T::INT64: return Value::integer(int64_t(e));
    case T::UINT64: return Value::number(double(uint64_t(e)));
    case T::DOUBLE: return Value::number(double(e));
    case T::STRING: return Value::str(std::string(std::string_view(e)));
    case T::BOOL: return Value::boolean(bool(e));
    case T::NULL_VALUE: return Value::none();
  }
  return Value::none();
}

bool looks_like_json(std::string_view s) {
  size_t i = s.find_first_not_of(" \t\r\n");
  if (i == std::string_view::npos) return false;
  char c = s[i];
  return c == '[' || c == '{' || c == '"' || c == '-' || (c >= '0' && c <= '9');
}

std::string describe(const ConfigOverrides& flags, LoadedConfig& loaded, std::ostream& err, bool& ok) {
  try {
    loaded = load_config(flags);
    ok = true;
  } catch (const ConfigError& e) {
    err << "configuration error: " << e.what() << "\n";
    ok = false;
  }
  return {};
}

}  // namespace

Value value_from_json(std::string_view json) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(json);
  simdjson::dom::element root;
  auto error = parser.parse(padded).get(root);
  if (error)
    throw CallError(CallError::Kind::Arguments,
                    fmt::format("argument is not valid JSON ({}): {}", simdjson::error_message(error), json));
  return from_element(root);
}

int cli_list_operations(std::ostream& out) {
  for (auto& op : operations()) {
    out << fmt::format("{:<34} {:<10} {}{}\n", op.name, op.run_native_only ? "native" : "wasm+native",
                       op.params, op.summary.empty() ? "" : "  -- " + op.summary);
  }
  out << fmt::format("\nNames resolve with or without a prefix ({}), e.g. fibonacci -> numeric_fibonacci.\n",
                     fmt::join(operation_prefixes(), " "));
  return 0;
}

int cli_doctor(const ConfigOverrides& flags, std::ostream& out, std::ostream& err) {
  LoadedConfig loaded;
  bool ok;
  describe(flags, loaded, err, ok);
  if (!ok) return 2;
  const BackendConfig& c = loaded.config;
  out << "multilingual doctor: WebAssembly backend\n\nConfiguration (precedence: flags > env > multilingual.toml > "
         "pyproject.toml > defaults)\n";
  if (loaded.files_read.empty()) out << "  files: none found in the working directory\n";
  for (auto& f : loaded.files_read) out << "  file read: " << f << "\n";
  auto line = [&](const char* key, const std::string& v) {
    out << fmt::format("  {:<14} = {:<10} ({})\n", key, v, loaded.origin[key]);
  };
  line("backend", std::string(to_string(c.prefer_backend)));
  line("cranelift", c.cranelift ? "true" : "false");
  line("vectorization", c.vectorization ? "true" : "false");
  line("simd", c.simd ? "true" : "false");
  line("parallel", c.parallel ? "true" : "false");
  line("cache", c.cache ? "true" : "false");
  line("memory_pages", fmt::format("{} ({} MiB)", c.memory_pages, c.memory_pages / 16.0));
  line("timeout_ms", std::to_string(c.timeout_ms));
  line("kernels_dir", c.kernels_dir.empty() ? "(search path)" : c.kernels_dir);
  out << "\nData files (where each was found, and why there):\n";
  for (auto d : {install::Data::Languages, install::Data::Kernels, install::Data::Stdlib, install::Data::Web,
                 install::Data::EnginePlugin}) {
    install::Located l = install::locate(d);
    std::error_code ec;
    out << fmt::format("  {:<14} {}  [{}{}]\n", install::name(d), l.path.string(), l.origin,
                       std::filesystem::exists(l.path, ec) ? "" : ", MISSING");
  }
  out << "\nKernel search path:\n";
  for (auto& d : kernel_search_path(c)) out << "  " << d.string() << "\n";
  out << "\nCompiled code kept between runs (cache = " << (c.cache ? "true" : "false") << "):\n";
  if (!c.cache) out << "  no: each process compiles its modules\n";
  else if (auto dir = engine::DiskCache::default_directory()) {
    size_t n = 0;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(*dir, ec)) n += e.path().extension() == ".v8c";
    out << fmt::format("  {} ({} entries; MULTILINGUAL_CACHE_DIR chooses another folder)\n", dir->string(), n);
  } else
    out << "  no usable folder (set MULTILINGUAL_CACHE_DIR): each process compiles its modules\n";

  BackendSelector sel(c);
  const BackendStatus& st = sel.status();
  out << "\nDetection flow (requested: " << to_string(st.requested) << ")\n";
  int i = 1;
  for (auto& s : st.steps)
    out << fmt::format("  {}. {:<34} {:<4} {}\n", i++, s.question, s.ok ? "yes" : "NO", s.detail);
  out << fmt::format("\nChosen backend: {}\nReason: {}\n", to_string(st.chosen), st.reason);
  // self-check on the chosen backend
  try {
    Value r = sel.call("numeric_fibonacci", 30);
    const CallReport& rep = sel.last_call_report();
    out << fmt::format("Self-check: fibonacci(30) = {} on {} in {:.3f} ms{}\n", r.to_json(), to_string(rep.backend),
                       rep.ms, rep.note.empty() ? "" : " (" + rep.note + ")");
  } catch (const std::exception& e) {
    out << "Self-check failed: " << e.what() << "\n";
    return 1;
  }
  if (st.requested == Backend::Wasm && st.chosen != Backend::Wasm) return 1;
  return 0;
}

int cli_call(std::string_view name, const std::vector<std::string>& json_args, const ConfigOverrides& flags,
             std::ostream& out, std::ostream& err, bool verbose) {
  LoadedConfig loaded;
  bool ok;
  describe(flags, loaded, err, ok);
  if (!ok) return 2;
  std::vector<Value> args;
  try {
    for (auto& a : json_args) {
      if (looks_like_json(a) || a == "true" || a == "false" || a == "null") args.push_back(value_from_json(a));
      else args.push_back(Value::str(a));
    }
    resolve_operation(name);  // unknown names fail before the engine starts
  } catch (const CallError& e) {
    err << "error: " << e.what() << "\n";
    return 2;
  }
  BackendSelector sel(loaded.config);
  try {
    Value r = sel.call_function(name, args);
    bool lossy = false;
    out << r.to_strict_json(&lossy) << "\n";
    if (lossy) err << "note: the result holds NaN or an infinity, which JSON cannot write; printed as null\n";
    const CallReport& rep = sel.last_call_report();
    if (verbose || rep.fell_back)
      err << fmt::format("[{} on {} in {:.3f} ms{}]\n", rep.function, to_string(rep.backend), rep.ms,
                         rep.note.empty() ? "" : "; " + rep.note);
    return 0;
  } catch (const CallError& e) {
    err << "error: " << e.what() << "\n";
    return e.kind() == CallError::Kind::UnknownFunction ? 2 : 1;
  } catch (const engine::WasmError& e) {
    err << "error: WebAssembly " << engine::to_string(e.kind()) << ": " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    err << "error: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace ml::runtime
