"""Backend selection for the library operations, as the seed describes it.

    selector = BackendSelector()              # Backend.AUTO: the detection flow
    selector.call_function("fibonacci", 30)   # on the WebAssembly kernels when they load
    selector.backend                          # "wasm" or "python"

Backend.PYTHON is the path without WebAssembly: the runtime's native C++ kernels.
"""
import enum
import os
from dataclasses import dataclass, field, fields

from .. import _native

ConfigError = _native.ConfigError
CallError = _native.CallError
WasmError = _native.WasmError


class Backend(str, enum.Enum):
    AUTO = "auto"
    PYTHON = "python"
    WASM = "wasm"

    def __str__(self):
        return self.value


@dataclass
class BackendConfig:
    """The [tool.multilingual.wasm] keys of pyproject.toml."""

    prefer_backend: Backend = Backend.AUTO
    cranelift: bool = True
    vectorization: bool = True
    simd: bool = True
    parallel: bool = True
    cache: bool = True
    memory_pages: int = 1024
    timeout_ms: int = 0
    origin: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self):
        self.prefer_backend = Backend(self.prefer_backend)
        if not 1 <= int(self.memory_pages) <= 65536:
            raise ValueError("memory_pages must be between 1 and 65536")
        if not 0 <= int(self.timeout_ms) <= 86400000:
            raise ValueError("timeout_ms must be between 0 and 86400000")

    @classmethod
    def from_files(cls, directory=None):
        """As the command line reads it in `directory` (default: the working folder):
        pyproject.toml [tool.multilingual.wasm] < multilingual.toml [wasm] < $MULTILINGUAL_BACKEND."""
        return cls._from_loaded(_native.load_config(os.fspath(directory or os.getcwd())))

    @classmethod
    def from_pyproject(cls, path="pyproject.toml"):
        """[tool.multilingual.wasm] of one pyproject.toml."""
        path = os.path.abspath(os.fspath(path))
        return cls._from_loaded(_native.load_config(os.path.dirname(path), path))

    @classmethod
    def _from_loaded(cls, loaded):
        c = loaded["config"]
        cfg = cls(prefer_backend=Backend(c["backend"]), cranelift=c["cranelift"], vectorization=c["vectorization"],
                  simd=c["simd"], parallel=c["parallel"], cache=c["cache"], memory_pages=c["memory_pages"],
                  timeout_ms=c["timeout_ms"])
        cfg.origin = dict(loaded["origin"])
        return cfg

    def _native_dict(self):
        d = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("prefer_backend", "origin")}
        d["backend"] = Backend(self.prefer_backend).value
        return d


class BackendSelector:
    """Runs named operations on WebAssembly or natively, with per-call fallback and reports.

    prefer_backend overrides the configuration's backend; config defaults to the files of the
    working folder (pyproject.toml [tool.multilingual.wasm]), as the command line reads them.
    """

    def __init__(self, prefer_backend=None, config=None):
        if config is None:
            config = BackendConfig.from_files()
        if prefer_backend is not None:
            config = BackendConfig(**{f.name: getattr(config, f.name) for f in fields(config) if f.name != "origin"})
            config.prefer_backend = Backend(prefer_backend)
        self.config = config
        self._native = _native.Selector(config._native_dict())
        # bound once: call_function is the per-call path
        self.call_function = self._native.call_function

    def call_function(self, name, *args):  # replaced per instance by the native method
        """Runs operation `name` (e.g. "fibonacci", "matrix_multiply") on `args`."""
        return self._native.call_function(name, *args)

    def is_wasm_available(self):
        return self._native.is_wasm_available()

    @property
    def backend(self):
        """ "wasm" or "python": where operations run."""
        return self._native.backend

    @property
    def status(self):
        """The detection flow: requested, chosen, reason, steps [(question, ok, detail)], module_path."""
        return self._native.status()

    @property
    def last_call_report(self):
        """The last call: function, backend, fell_back, note, ms."""
        return self._native.last_call_report()

    def stats(self):
        """Per-operation calls, WebAssembly/native counts, fallbacks and times."""
        return self._native.stats()

    def reset_stats(self):
        self._native.reset_stats()

    def preload(self):
        """Runs each WebAssembly kernel once (first-call costs paid now); returns the ms taken."""
        return self._native.preload()

    @staticmethod
    def operations():
        """(name, category, params, summary, runs_on_wasm) of every operation."""
        return _native.operations()

    def __repr__(self):
        return f"BackendSelector(backend={self.backend!r}, requested={self.config.prefer_backend.value!r})"
