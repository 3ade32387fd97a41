#include "python/values.h"
#include "support/english.h"

#include <pybind11/stl.h>

#include <cstring>

namespace py = pybind11;

namespace ml::python {

namespace {

using runtime::Value;

// Element i of a buffer of a numeric format, as a double.
double element(const py::buffer_info& b, const char* base) {
  const std::string& f = b.format;
  char c = f.empty() ? 'd' : f.back();
  switch (c) {
    case 'd': { double v; std::memcpy(&v, base, 8); return v; }
    case 'f': { float v; std::memcpy(&v, base, 4); return v; }
    case 'q': case 'l': { int64_t v; std::memcpy(&v, base, 8); return double(v); }
    case 'Q': case 'L': { uint64_t v; std::memcpy(&v, base, 8); return double(v); }
    case 'i': { int32_t v; std::memcpy(&v, base, 4); return v; }
    case 'I': { uint32_t v; std::memcpy(&v, base, 4); return v; }
    case 'h': { int16_t v; std::memcpy(&v, base, 2); return v; }
    case 'H': { uint16_t v; std::memcpy(&v, base, 2); return v; }
    case 'b': return double(*reinterpret_cast<const int8_t*>(base));
    case 'B': return double(*reinterpret_cast<const uint8_t*>(base));
    case '?': return *base ? 1.0 : 0.0;
  }
  throw py::type_error("unsupported buffer format '" + f + "' (numbers or bytes expected)");
}

// Keeps a Python object (or an exported buffer) alive for a borrowed Value: dropped holding the
// GIL, whichever thread lets go of the value last.
template <class T>
std::shared_ptr<const void> keep(T held) {
  return std::shared_ptr<const void>(new T(std::move(held)), [](const void* p) {
    py::gil_scoped_acquire gil;
    delete static_cast<const T*>(p);
  });
}

bool byte_format(const py::buffer_info& b) {
  return b.itemsize == 1 && (b.format == "B" || b.format == "b" || b.format == "c");
}

// Contiguous bytes and float64 arrays are not copied: the value borrows the exported buffer
// (held until the value goes) and the kernels read it in place; other layouts and element types
// are converted once.
Value from_buffer(py::buffer buf) {
  py::buffer_info b = buf.request();
  const char* base = static_cast<const char*>(b.ptr);
  if (b.ndim == 1 && byte_format(b)) {
    if (b.strides[0] == 1) {
      auto p = reinterpret_cast<const uint8_t*>(base);
      size_t n = size_t(b.shape[0]);
      return Value::bytes_view(p, n, keep(std::move(b)));
    }
    std::vector<uint8_t> out(size_t(b.shape[0]));
    for (py::ssize_t i = 0; i < b.shape[0]; ++i) out[size_t(i)] = uint8_t(base[i * b.strides[0]]);
    return Value::bytes(std::move(out));
  }
  bool contiguous_doubles = b.format == "d" && b.itemsize == 8;
  if (b.ndim == 1) {
    if (contiguous_doubles && (b.shape[0] <= 1 || b.strides[0] == 8)) {
      auto p = reinterpret_cast<const double*>(base);
      size_t n = size_t(b.shape[0]);
      return Value::numbers_view(p, n, keep(std::move(b)));
    }
    std::vector<double> out(size_t(b.shape[0]));
    for (py::ssize_t i = 0; i < b.shape[0]; ++i) out[size_t(i)] = element(b, base + i * b.strides[0]);
    return Value::numbers(std::move(out));
  }
  if (b.ndim == 2) {
    if (contiguous_doubles && (b.shape[0] <= 1 || b.strides[0] == 8 * b.shape[1]) && (b.shape[1] <= 1 || b.strides[1] == 8)) {
      auto p = reinterpret_cast<const double*>(base);
      int64_t rows = b.shape[0], cols = b.shape[1];
      return Value::matrix_view(p, rows, cols, keep(std::move(b)));
    }
    runtime::Matrix m{b.shape[0], b.shape[1], std::vector<double>(size_t(b.shape[0] * b.shape[1]))};
    for (py::ssize_t r = 0; r < b.shape[0]; ++r)
      for (py::ssize_t c = 0; c < b.shape[1]; ++c)
        m.data[size_t(r * b.shape[1] + c)] = element(b, base + r * b.strides[0] + c * b.strides[1]);
    return Value::matrix(std::move(m));
  }
  if (b.ndim == 0) {  // a numpy scalar: integers stay integers
    if (PyIndex_Check(buf.ptr())) {
      PyObject* i = PyNumber_Index(buf.ptr());
      if (!i) throw py::error_already_set();
      return to_value(py::reinterpret_steal<py::object>(i));
    }
    return Value::number(element(b, base));
  }
  throw py::type_error("arrays of " + std::to_string(b.ndim) + " dimensions are not supported (1 or 2)");
}

}  // namespace

std::optional<Value> matrix_from_lists(py::handle o) {
  if (!PyList_Check(o.ptr()) && !PyTuple_Check(o.ptr())) return std::nullopt;
  PyObject* seq = o.ptr();
  Py_ssize_t rows = PySequence_Fast_GET_SIZE(seq);
  if (rows == 0) return std::nullopt;
  PyObject** row_items = PySequence_Fast_ITEMS(seq);
  Py_ssize_t cols = -1;
  for (Py_ssize_t r = 0; r < rows; ++r) {
    PyObject* row = row_items[r];
    if (!PyList_Check(row) && !PyTuple_Check(row)) return std::nullopt;
    if (cols < 0) cols = PySequence_Fast_GET_SIZE(row);
    else if (PySequence_Fast_GET_SIZE(row) != cols) return std::nullopt;  // the general path reports it
  }
  runtime::Matrix m{rows, cols, std::vector<double>(size_t(rows * cols))};
  double* d = m.data.data();
  for (Py_ssize_t r = 0; r < rows; ++r) {
    PyObject** items = PySequence_Fast_ITEMS(row_items[r]);
    for (Py_ssize_t c = 0; c < cols; ++c) {
      PyObject* x = items[c];
      if (PyFloat_CheckExact(x)) {
        *d++ = PyFloat_AS_DOUBLE(x);
      } else if (PyLong_CheckExact(x)) {
        int overflow = 0;
        long long v = PyLong_AsLongLongAndOverflow(x, &overflow);
        if (overflow) return std::nullopt;
        *d++ = double(v);
      } else {
        return std::nullopt;  // bools, numpy scalars, anything else: the general path
      }
    }
  }
  return Value::matrix(std::move(m));
}

Value to_value(py::handle o) {
  if (o.is_none()) return Value::none();
  if (py::isinstance<py::bool_>(o)) return Value::boolean(o.cast<bool>());
  if (py::isinstance<py::int_>(o)) {
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(o.ptr(), &overflow);
    if (!overflow) return Value::integer(v);
    return Value::bigint(py::str(o).cast<std::string>());
  }
  if (py::isinstance<py::float_>(o)) return Value::number(o.cast<double>());
  if (py::isinstance<py::str>(o)) return Value::str(o.cast<std::string>());
  if (py::isinstance<py::bytes>(o)) {  // immutable: borrowed, not copied
    char* data = nullptr;
    Py_ssize_t n = 0;
    PyBytes_AsStringAndSize(o.ptr(), &data, &n);
    return Value::bytes_view(reinterpret_cast<const uint8_t*>(data), size_t(n),
                             keep(py::reinterpret_borrow<py::object>(o)));
  }
  if (py::isinstance<py::list>(o) || py::isinstance<py::tuple>(o)) {
    py::sequence s = py::reinterpret_borrow<py::sequence>(o);
    std::vector<Value> items;
    items.reserve(size_t(py::len(s)));
    for (py::handle i : s) items.push_back(to_value(i));
    return Value::list(std::move(items));
  }
  if (py::isinstance<py::dict>(o)) {
    std::vector<std::pair<std::string, Value>> d;
    for (auto [k, v] : py::reinterpret_borrow<py::dict>(o)) {
      if (!py::isinstance<py::str>(k)) throw py::type_error("dict keys must be str");
      d.emplace_back(k.cast<std::string>(), to_value(v));
    }
    return Value::dict(std::move(d));
  }
  if (PyObject_CheckBuffer(o.ptr())) return from_buffer(py::reinterpret_borrow<py::buffer>(o));
  if (PyIndex_Check(o.ptr())) {  // other integer-like objects
    PyObject* i = PyNumber_Index(o.ptr());
    if (!i) throw py::error_already_set();
    return to_value(py::reinterpret_steal<py::object>(i));
  }
  if (PyCallable_Check(o.ptr())) {
    py::object f = py::reinterpret_borrow<py::object>(o);
    auto keep = std::make_shared<py::object>(f);
    return Value::function(
        [keep](const std::vector<Value>& args) {
          py::gil_scoped_acquire gil;
          py::tuple t(args.size());
          for (size_t i = 0; i < args.size(); ++i) t[i] = from_value(args[i]);
          return to_value((*keep)(*t));
        },
        py::repr(o).cast<std::string>());
  }
  throw py::type_error("cannot pass " + ml::with_article(Py_TYPE(o.ptr())->tp_name) + " to an operation");
}

py::object from_value(const Value& v) {
  using K = Value::Kind;
  switch (v.kind()) {
    case K::None: return py::none();
    case K::Bool: return py::bool_(v.as_bool());
    case K::Int: return py::int_(v.as_int());
    case K::BigInt: return py::reinterpret_steal<py::object>(PyLong_FromString(v.as_str().c_str(), nullptr, 10));
    case K::Float: return py::float_(v.as_float());
    case K::Str: {
      const std::string& s = v.as_str();
      PyObject* u = PyUnicode_DecodeUTF8(s.data(), Py_ssize_t(s.size()), "surrogateescape");
      if (!u) throw py::error_already_set();
      return py::reinterpret_steal<py::object>(u);
    }
    case K::Bytes: {
      auto b = v.as_bytes();
      return py::bytes(reinterpret_cast<const char*>(b.data()), b.size());
    }
    case K::List: {
      py::list l;
      for (const auto& i : v.as_list()) l.append(from_value(i));
      return l;
    }
    case K::Numbers: {
      const auto& n = v.numbers_ref();
      py::list l(n.size());
      for (size_t i = 0; i < n.size(); ++i) l[i] = py::float_(n[i]);
      return l;
    }
    case K::Matrix: {
      const auto& m = v.matrix_ref();
      py::list rows(size_t(m.rows));
      for (int64_t r = 0; r < m.rows; ++r) {
        py::list row(size_t(m.cols));
        for (int64_t c = 0; c < m.cols; ++c) row[size_t(c)] = py::float_(m.at(r, c));
        rows[size_t(r)] = row;
      }
      return rows;
    }
    case K::Dict: {
      py::dict d;
      for (const auto& [k, x] : v.as_dict()) d[py::str(k)] = from_value(x);
      return d;
    }
    case K::Function: return py::none();
  }
  return py::none();
}

}  // namespace ml::python
