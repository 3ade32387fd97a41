"""Shell-style wildcards (Python's fnmatch): * ? [seq] [!seq], matched through re."""
import re as _re

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]

_cache = {}


def translate(pat):
    i, n, res = 0, len(pat), ""
    while i < n:
        c = pat[i]
        i += 1
        if c == "*":
            if not res.endswith(".*"):
                res += ".*"
        elif c == "?":
            res += "."
        elif c == "[":
            j = i
            if j < n and pat[j] == "!":
                j += 1
            if j < n and pat[j] == "]":
                j += 1
            while j < n and pat[j] != "]":
                j += 1
            if j >= n:
                res += "\\["
            else:
                stuff = pat[i:j].replace("\\", "\\\\")
                i = j + 1
                if stuff.startswith("!"):
                    stuff = "^" + stuff[1:]
                elif stuff.startswith("^"):
                    stuff = "\\" + stuff
                res += "[" + stuff + "]"
        else:
            res += _re.escape(c)
    return "(?s:" + res + ")\\Z"


def _compiled(pat):
    c = _cache.get(pat)
    if c is None:
        c = _cache[pat] = _re.compile(translate(pat))
    return c


def fnmatchcase(name, pat):
    return _compiled(pat).match(name) is not None


def fnmatch(name, pat):
    return fnmatchcase(name, pat)  # POSIX: case matters


def filter(names, pat):
    m = _compiled(pat).match
    return [n for n in names if m(n)]
