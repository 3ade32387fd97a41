"""String constants and helpers (Python's string): the constants and capwords come from the
C++ module _string; Template ($-substitution) is written here on top of re."""
from _ml_text import text as _t
from _string import *
import re as _re

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords", "digits", "hexdigits",
           "octdigits", "printable", "punctuation", "whitespace", "Formatter", "Template"]


class _TemplatePattern:
    """Compiles a Template class's pattern the first time the class substitutes."""

    def __get__(self, obj, cls):
        compiled = cls.__dict__.get("_compiled_pattern")
        if compiled is None:
            pattern = cls.__dict__.get("pattern")
            if pattern is None or isinstance(pattern, _TemplatePattern):
                delim = _re.escape(cls.delimiter)
                ident = cls.idpattern
                bid = cls.braceidpattern or ident
                pattern = (delim + r"(?:(?P<escaped>" + delim + r")|(?P<named>" + ident + r")|\{(?P<braced>" +
                           bid + r")\}|(?P<invalid>))")
            compiled = _re.compile(pattern, cls.flags) if isinstance(pattern, str) else pattern
            cls._compiled_pattern = compiled
        return compiled


class Template:
    """A string with $-placeholders: Template("$who likes ${what}").substitute(who=..., what=...)."""

    delimiter = "$"
    idpattern = r"[_a-z][_a-z0-9]*"
    braceidpattern = None
    flags = _re.IGNORECASE
    pattern = _TemplatePattern()

    def __init__(self, template):
        self.template = template

    def _invalid(self, mo):
        i = mo.start("invalid")
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno, lineno = 1, 1
        else:
            colno = i - len("".join(lines[:-1]))
            lineno = len(lines)
        raise ValueError(_t("string.invalid_placeholder", "Invalid placeholder in string: line {line}, col {col}", line=lineno, col=colno))

    def substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = {**mapping, **kws}

        def convert(mo):
            named = mo.group("named") or mo.group("braced")
            if named is not None:
                return str(mapping[named])
            if mo.group("escaped") is not None:
                return self.delimiter
            if mo.group("invalid") is not None:
                self._invalid(mo)
            raise ValueError("Unrecognized named group in pattern", self.pattern)
        return self.pattern.sub(convert, self.template)

    def safe_substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = {**mapping, **kws}

        def convert(mo):
            named = mo.group("named") or mo.group("braced")
            if named is not None:
                try:
                    return str(mapping[named])
                except KeyError:
                    return mo.group()
            if mo.group("escaped") is not None:
                return self.delimiter
            if mo.group("invalid") is not None:
                return mo.group()
            raise ValueError("Unrecognized named group in pattern", self.pattern)
        return self.pattern.sub(convert, self.template)

    def is_valid(self):
        for mo in self.pattern.finditer(self.template):
            if mo.group("invalid") is not None:
                return False
            if mo.group("named") is None and mo.group("braced") is None and mo.group("escaped") is None:
                raise ValueError("Unrecognized named group in pattern", self.pattern)
        return True

    def get_identifiers(self):
        ids = []
        for mo in self.pattern.finditer(self.template):
            named = mo.group("named") or mo.group("braced")
            if named is not None and named not in ids:
                ids.append(named)
        return ids


class Formatter:
    """str.format as an object: format(), vformat() and get_value() (subclasses may override it)."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        return format_string.format(*args, **kwargs)

    def get_value(self, key, args, kwargs):
        return args[key] if isinstance(key, int) else kwargs[key]
