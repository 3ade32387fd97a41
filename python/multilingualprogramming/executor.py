"""ProgramExecutor: runs a program in-process, its output on sys.stdout, its errors raised."""
import builtins
import sys

from . import _native
from .runtime.backend_selector import BackendConfig


class ProgramError(Exception):
    """An error of a program, in the program's language.

    kind: the Python exception class name ("ZeroDivisionError"); localized_kind: as the
    program's language says it; message: localized; file, line, column: where (0 = unknown);
    report: the whole report as the command line prints it; exit_status: the command line's.
    The exception raised is also an instance of the builtin class of that name when there is
    one, so `except ZeroDivisionError:` catches a program's division by zero.
    """

    def __init__(self, info):
        self.kind = info.get("kind", "Error")
        self.localized_kind = info.get("localized_kind", self.kind)
        self.message = info.get("message", "")
        self.file = info.get("file", "")
        self.line = info.get("line", 0)
        self.column = info.get("column", 0)
        self.report = info.get("errors", "")
        self.exit_status = info.get("status", 1)
        self.language = info.get("language", "")
        where = f"{self.file}:{self.line}:{self.column}: " if self.line else ""
        super().__init__(f"{where}{self.localized_kind}: {self.message}" if self.message else f"{where}{self.localized_kind}")

    def __str__(self):
        return self.args[0] if self.args else self.kind


_classes = {}


def _error_class(kind):
    """ProgramError, combined with the builtin exception `kind` names when there is one."""
    if kind not in _classes:
        base = getattr(builtins, kind, None)
        if isinstance(base, type) and issubclass(base, BaseException) and base is not ProgramError:
            try:
                cls = type(kind, (ProgramError, base), {"__init__": ProgramError.__init__, "__str__": ProgramError.__str__})
            except TypeError:  # a builtin whose layout cannot be combined
                cls = type(kind, (ProgramError,), {})
        else:
            cls = type(kind, (ProgramError,), {})
        cls.__module__ = __name__
        _classes[kind] = cls
    return _classes[kind]


class ProgramExecutor:
    """Runs programs written in any installed human language on the C++ runtime.

    config: a BackendConfig (default: read from pyproject.toml / multilingual.toml in the
    working folder, as the command line does).
    """

    def __init__(self, config=None, argv=None):
        self.config = config if config is not None else BackendConfig.from_files()
        self.argv = list(argv or [])

    def run(self, code, language="", name="<string>"):
        """Runs `code`; returns a dict (status, language, errors, and kind/message/line/... on error)."""
        out = sys.stdout
        return _native.run(code, language or "", name, out.write, self.config._native_dict(), [name] + self.argv)

    def execute(self, code, language="en", name="<string>"):
        """Runs `code` written in `language` ("" detects it); raises ProgramError on failure."""
        result = self.run(code, language, name)
        if result["status"] != 0:
            info = dict(result)
            if "kind" not in info:
                info.update(kind="SystemExit", message=f"exit status {result['status']}")
            raise _error_class(info["kind"])(info)
        return None


def languages():
    """The installed language codes."""
    return _native.languages()


def detect_language(code):
    """The language code `code` is most likely written in."""
    return _native.detect_language(code)
