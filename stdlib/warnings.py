"""Warning control (Python's warnings module): warn() prints "file:line: Category: message" to
stderr once per location under the default filter; filters, simplefilter, catch_warnings."""
import sys

__all__ = ["warn", "warn_explicit", "showwarning", "formatwarning", "filterwarnings",
           "simplefilter", "resetwarnings", "catch_warnings"]

filters = []
defaultaction = "default"
_onceregistry = {}
_seen = set()


class WarningMessage:
    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, line : %r}"
                % (self.message, self.category.__name__ if self.category else None,
                   self.filename, self.lineno, self.line))


def formatwarning(message, category, filename, lineno, line=None):
    s = "%s:%s: %s: %s\n" % (filename, lineno, category.__name__, message)
    if line is None:
        try:
            import linecache
            line = linecache.getline(filename, lineno)
        except Exception:
            line = None
    if line:
        s += "  %s\n" % line.strip()
    return s


def showwarning(message, category, filename, lineno, file=None, line=None):
    if file is None:
        file = sys.stderr
    try:
        file.write(formatwarning(message, category, filename, lineno, line))
    except OSError:
        pass


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    item = (action, message.lower() if message else "", category, module, lineno)
    if item in filters:
        filters.remove(item)
    if append:
        filters.append(item)
    else:
        filters.insert(0, item)


def simplefilter(action, category=Warning, lineno=0, append=False):
    filterwarnings(action, "", category, "", lineno, append)


def resetwarnings():
    filters[:] = []


def _action_for(message, category, module, lineno):
    text = str(message).lower()
    for action, msg, cat, mod, ln in filters:
        if (not msg or text.startswith(msg)) and issubclass(category, cat) and \
                (not mod or mod == module) and (not ln or ln == lineno):
            return action
    if issubclass(category, (DeprecationWarning, PendingDeprecationWarning, ImportWarning,
                             ResourceWarning)) and module != "__main__":
        return "ignore"
    return defaultaction


def warn(message, category=None, stacklevel=1, source=None):
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    # The location reported is the caller's (stacklevel=1), or that many frames further out.
    try:
        frame = sys._getframe(stacklevel if stacklevel > 1 else 1)
    except ValueError:
        globals, filename, lineno = {"__name__": "sys"}, "sys", 1
    else:
        globals, filename, lineno = frame.f_globals, frame.f_code.co_filename, frame.f_lineno
    module = globals["__name__"] if "__name__" in globals else "<string>"
    warn_explicit(message, category, filename, lineno, module)


def warn_explicit(message, category, filename, lineno, module=None, registry=None,
                  module_globals=None, source=None):
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    action = _action_for(text, category, module or "__main__", lineno)
    if action == "error":
        raise message
    if action == "ignore":
        return
    key = (text, category, filename, lineno) if action != "once" else (text, category)
    if action != "always":
        if key in _seen:
            return
        _seen.add(key)
    showwarning(message, category, filename, lineno)


class catch_warnings:
    def __init__(self, *, record=False, module=None, action=None, category=Warning, lineno=0,
                 append=False):
        self._record = record
        self._action = action
        self._category = category
        self._entered = False

    def __enter__(self):
        global showwarning
        self._filters = filters[:]
        self._seen = set(_seen)
        self._showwarning = showwarning
        if self._action:
            simplefilter(self._action, self._category)
        if self._record:
            log = []

            def _record(message, category, filename, lineno, file=None, line=None):
                log.append(WarningMessage(message, category, filename, lineno, file, line))
            showwarning = _record
            return log
        return None

    def __exit__(self, *exc):
        global showwarning
        filters[:] = self._filters
        _seen.clear()
        _seen.update(self._seen)
        showwarning = self._showwarning
