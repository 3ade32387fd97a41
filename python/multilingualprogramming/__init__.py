"""multilingualprogramming: programs written in 17 human languages, run by a C++ runtime.

    from multilingualprogramming import ProgramExecutor
    ProgramExecutor().execute('afficher("bonjour")', language="fr")

    from multilingualprogramming.runtime.backend_selector import BackendSelector
    BackendSelector().call_function("fibonacci", 30)
"""
from ._native import __version__
from .executor import ProgramError, ProgramExecutor, detect_language, languages

__all__ = ["ProgramExecutor", "ProgramError", "languages", "detect_language", "__version__"]
