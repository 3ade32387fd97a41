"""The runtime: backend selection and the library operations (runtime.backend_selector,
runtime.python_fallbacks)."""
