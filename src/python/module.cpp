// multilingualprogramming._native: the C++ runtime for the Python package (python/). The
// Python layer gives it the seed's API; this module stays small: configuration, the
// operation selector, and running programs.
#include <pybind11/functional.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "engine/engine.h"
#include "multilingual/program.h"
#include "python/values.h"
#include "runtime/backend_selector.h"
#include "runtime/config.h"
#include "runtime/operations.h"

namespace py = pybind11;

namespace ml::python {

namespace {


py::dict config_dict(const runtime::BackendConfig& c) {
  py::dict d;
  d["backend"] = std::string(runtime::to_string(c.prefer_backend) == "native" ? "python" : runtime::to_string(c.prefer_backend));
  d["cranelift"] = c.cranelift;
  d["vectorization"] = c.vectorization;
  d["simd"] = c.simd;
  d["parallel"] = c.parallel;
  d["cache"] = c.cache;
  d["memory_pages"] = c.memory_pages;
  d["timeout_ms"] = c.timeout_ms;
  d["max_memory_mb"] = c.max_memory_mb;
  d["kernels_dir"] = c.kernels_dir;
  return d;
}

// A dict with some of kKeys; a missing key keeps its default.
runtime::LoadedConfig config_from(const py::dict& d) {
  runtime::LoadedConfig l;
  auto& c = l.config;
  for (auto [k, v] : d) {
    std::string key = k.cast<std::string>();
    l.origin[key] = "python";
    if (key == "backend") {
      auto b = runtime::parse_backend(v.cast<std::string>());
      if (!b) throw py::value_error("backend must be one of " + std::string(runtime::kBackendWords));
      c.prefer_backend = *b;
    } else if (key == "cranelift") c.cranelift = v.cast<bool>();
    else if (key == "vectorization") c.vectorization = v.cast<bool>();
    else if (key == "simd") c.simd = v.cast<bool>();
    else if (key == "parallel") c.parallel = v.cast<bool>();
    else if (key == "cache") c.cache = v.cast<bool>();
    else if (key == "memory_pages") {
      long long p = v.cast<long long>();
      if (p < 1 || p > runtime::kMaxMemoryPages)
        throw py::value_error("memory_pages must be between 1 and " + std::to_string(runtime::kMaxMemoryPages));
      c.memory_pages = uint32_t(p);
    } else if (key == "timeout_ms") {
      long long t = v.cast<long long>();
      if (t < 0 || t > runtime::kMaxTimeoutMs) throw py::value_error("timeout_ms must be between 0 and 86400000");
      c.timeout_ms = uint32_t(t);
    } else if (key == "max_memory_mb") c.max_memory_mb = v.cast<uint32_t>();
    else if (key == "kernels_dir") c.kernels_dir = v.cast<std::string>();
    else throw py::value_error("unknown configuration key '" + key + "'");
  }
  return l;
}

py::dict report_dict(const runtime::CallReport& r) {
  py::dict d;
  d["requested_name"] = r.requested_name;
  d["function"] = r.function;
  d["backend"] = r.backend == runtime::Backend::Wasm ? "wasm" : "python";
  d["fell_back"] = r.fell_back;
  d["note"] = r.note;
  d["ms"] = r.ms;
  return d;
}

py::dict status_dict(const runtime::BackendStatus& s) {
  py::dict d;
  d["requested"] = std::string(runtime::to_string(s.requested));
  d["chosen"] = s.chosen == runtime::Backend::Wasm ? "wasm" : "python";
  d["reason"] = s.reason;
  py::list steps;
  for (const auto& st : s.steps) steps.append(py::make_tuple(st.question, st.ok, st.detail));
  d["steps"] = steps;
  d["module_path"] = s.module_path;
  d["engine"] = s.engine;
  d["load_ms"] = s.load_ms;
  d["module_from_cache"] = s.module_from_cache;
  return d;
}

bool is_matrix_operation(const std::string& name) {
  try {
    return runtime::resolve_operation(name).category == "matrix";
  } catch (const runtime::CallError&) {
    return false;  // call_function reports the unknown name
  }
}

class Selector {
 public:
  explicit Selector(const py::dict& config) : sel_(config_from(config).config) {}
  py::object call(const std::string& name, const py::args& args) {
    std::vector<runtime::Value> a;
    a.reserve(args.size());
    bool matrices = false;  // lists of lists for a matrix operation: one pass into a matrix each
    for (py::handle h : args) matrices = matrices || PyList_Check(h.ptr()) || PyTuple_Check(h.ptr());
    if (matrices) matrices = is_matrix_operation(name);
    for (py::handle h : args) {
      std::optional<runtime::Value> m;
      if (matrices) m = matrix_from_lists(h);
      a.push_back(m ? std::move(*m) : to_value(h));
    }
    return from_value(sel_.call_function(name, a));
  }
  runtime::BackendSelector& sel() { return sel_; }

 private:
  runtime::BackendSelector sel_;
};

py::dict run_program(const std::string& code, const std::string& language, const std::string& name,
                     py::object write, const py::dict& config, std::vector<std::string> argv) {
  multilingual::Config c;
  runtime::LoadedConfig l = config_from(config);
  c.backend = l.config.prefer_backend == runtime::Backend::Native ? multilingual::Backend::Python
              : l.config.prefer_backend == runtime::Backend::Wasm ? multilingual::Backend::Wasm
                                                                   : multilingual::Backend::Auto;
  c.cranelift = l.config.cranelift;
  c.vectorization = l.config.vectorization;
  c.simd = l.config.simd;
  c.parallel = l.config.parallel;
  c.cache = l.config.cache;
  c.memory_pages = l.config.memory_pages;
  c.timeout_ms = l.config.timeout_ms;
  c.max_memory_mb = l.config.max_memory_mb;
  c.kernels_dir = l.config.kernels_dir;
  multilingual::ProgramExecutor ex(c);
  ex.set_arguments(std::move(argv));
  // The program runs with the GIL released; its output is written to `write` (sys.stdout.write)
  // holding it, from whichever thread the interpreter runs on.
  std::string write_error;
  ex.set_output([&](std::string_view s) {
    py::gil_scoped_acquire gil;
    if (!write_error.empty()) return;
    try {
      PyObject* u = PyUnicode_DecodeUTF8(s.data(), Py_ssize_t(s.size()), "surrogateescape");
      if (!u) throw py::error_already_set();
      write(py::reinterpret_steal<py::str>(u));
    } catch (py::error_already_set& e) {
      write_error = e.what();
    }
  });
  multilingual::RunResult r;
  try {
    py::gil_scoped_release nogil;
    r = ex.run(code, language, name);
  } catch (const multilingual::Error& e) {
    throw py::value_error(e.message());
  }
  if (!write_error.empty()) throw std::runtime_error("writing the program's output failed: " + write_error);
  py::dict d;
  d["status"] = r.exit_status;
  d["language"] = r.language;
  d["errors"] = r.errors;
  if (r.error) {
    const auto& e = *r.error;
    d["kind"] = e.kind();
    d["localized_kind"] = e.localized_kind();
    d["message"] = e.message();
    d["file"] = e.location().file;
    d["line"] = e.location().line;
    d["column"] = e.location().column;
  }
  return d;
}

}  // namespace

}  // namespace ml::python

PYBIND11_MODULE(_native, m) {
  using namespace ml;
  using namespace ml::python;
  m.doc() = "The multilingual runtime (C++): configuration, library operations, programs";
  m.attr("__version__") = ML_VERSION;
  static py::exception<runtime::ConfigError> config_error(m, "ConfigError", PyExc_ValueError);
  static py::exception<runtime::CallError> call_error(m, "CallError", PyExc_ValueError);
  static py::exception<engine::WasmError> wasm_error(m, "WasmError", PyExc_RuntimeError);
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const runtime::ConfigError& e) {
      config_error(e.what());
    } catch (const runtime::CallError& e) {
      call_error(e.what());
    } catch (const engine::WasmError& e) {
      wasm_error(e.what());
    } catch (const runtime::ValueError& e) {
      PyErr_SetString(PyExc_ValueError, e.what());
    }
  });

  m.def("default_config", [] { return config_dict(runtime::BackendConfig{}); });
  m.def(
      "load_config",
      [](const std::string& dir, const std::string& file) {
        runtime::ConfigOverrides o;
        if (!file.empty()) o.config_file = file;
        runtime::LoadedConfig l = runtime::load_config(o, dir);
        py::dict d;
        d["config"] = config_dict(l.config);
        d["origin"] = l.origin;
        d["files"] = l.files_read;
        return d;
      },
      py::arg("dir"), py::arg("file") = "",
      "The configuration as the command line reads it in `dir` (pyproject.toml [tool.multilingual.wasm], "
      "multilingual.toml [wasm], $MULTILINGUAL_BACKEND), or from `file`.");

  py::class_<Selector>(m, "Selector")
      .def(py::init<const py::dict&>(), py::arg("config"))
      .def("call_function", &Selector::call)
      .def("is_wasm_available", [](Selector& s) { return s.sel().is_wasm_available(); })
      .def_property_readonly("backend", [](Selector& s) { return s.sel().backend() == runtime::Backend::Wasm ? "wasm" : "python"; })
      .def("status", [](Selector& s) { return status_dict(s.sel().status()); })
      .def("last_call_report", [](Selector& s) { return report_dict(s.sel().last_call_report()); })
      .def("stats", [](Selector& s) {
        py::dict d;
        for (const auto& [name, st] : s.sel().stats()) {
          py::dict e;
          e["calls"] = st.calls;
          e["wasm_calls"] = st.wasm_calls;
          e["native_calls"] = st.native_calls;
          e["fallbacks"] = st.fallbacks;
          e["total_ms"] = st.total_ms;
          e["mean_ms"] = st.mean_ms();
          d[py::str(name)] = e;
        }
        return d;
      })
      .def("reset_stats", [](Selector& s) { s.sel().reset_stats(); })
      .def("preload", [](Selector& s) { return s.sel().preload(); });

  m.def("operations", [] {
    py::list l;
    for (const auto& op : runtime::operations())
      l.append(py::make_tuple(op.name, op.category, op.params, op.summary, op.run != nullptr));
    return l;
  });
  m.def("run", &run_program, py::arg("code"), py::arg("language"), py::arg("name"), py::arg("write"),
        py::arg("config"), py::arg("argv"));
  // How an argument crosses into the runtime: its kind there and whether its memory is borrowed
  // (read in place) rather than copied; `operation` applies call_function's rule for the
  // arguments of matrix operations. For tests and for checking a hot path.
  m.def(
      "argument_info",
      [](py::handle o, const std::string& operation) {
        std::optional<runtime::Value> v;
        if (!operation.empty() && is_matrix_operation(operation)) v = matrix_from_lists(o);
        if (!v) v = to_value(o);
        return py::make_tuple(std::string(v->kind_name()), v->is_borrowed());
      },
      py::arg("value"), py::arg("operation") = "");
  m.def("languages", [] { return multilingual::languages(); });
  m.def("detect_language", [](const std::string& code) { return multilingual::detect_language(code); });
}
