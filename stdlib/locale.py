"""Locale services (Python's locale) for the C/POSIX locale, the only one this runtime formats
numbers in: setlocale accepts "C", "POSIX", "C.UTF-8" and "" (which reads LC_ALL / LC_x / LANG
but still formats the C way), localeconv gives the C conventions, and format_string, str, atof,
atoi, delocalize and currency behave as CPython's do under the C locale."""
import os

__all__ = ["getlocale", "getdefaultlocale", "getpreferredencoding", "Error", "setlocale",
           "resetlocale", "localeconv", "strcoll", "strxfrm", "str", "atof", "atoi", "format",
           "format_string", "currency", "normalize", "LC_CTYPE", "LC_COLLATE", "LC_TIME",
           "LC_MONETARY", "LC_NUMERIC", "LC_ALL", "LC_MESSAGES", "CHAR_MAX", "getencoding"]

LC_CTYPE = 0
LC_NUMERIC = 1
LC_TIME = 2
LC_COLLATE = 3
LC_MONETARY = 4
LC_MESSAGES = 5
LC_ALL = 6
CHAR_MAX = 127

_builtin_str = str
_CATEGORY_NAMES = {LC_CTYPE: "LC_CTYPE", LC_NUMERIC: "LC_NUMERIC", LC_TIME: "LC_TIME",
                   LC_COLLATE: "LC_COLLATE", LC_MONETARY: "LC_MONETARY",
                   LC_MESSAGES: "LC_MESSAGES", LC_ALL: "LC_ALL"}
_ACCEPTED = {"C", "POSIX", "C.UTF-8", "C.utf8"}
_current = {c: "C" for c in _CATEGORY_NAMES}


class Error(Exception):
    pass


def _from_environment(category):
    for name in ("LC_ALL", _CATEGORY_NAMES[category], "LANG"):
        value = os.environ.get(name)
        if value:
            return value
    return "C"


def setlocale(category, locale=None):
    if category not in _CATEGORY_NAMES:
        raise Error("unsupported locale setting")
    if locale is not None and not isinstance(locale, _builtin_str):
        locale = normalize(_build_localename(locale))
    if locale is None:
        if category == LC_ALL:
            values = set(_current[c] for c in _CATEGORY_NAMES if c != LC_ALL)
            return values.pop() if len(values) == 1 else ";".join(
                "%s=%s" % (_CATEGORY_NAMES[c], _current[c]) for c in sorted(_current) if c != LC_ALL)
        return _current[category]
    if locale == "":
        locale = _from_environment(category if category != LC_ALL else LC_CTYPE)
        if locale not in _ACCEPTED:
            locale = "C.UTF-8"
    if locale not in _ACCEPTED:
        raise Error("unsupported locale setting")
    if category == LC_ALL:
        for c in _current:
            _current[c] = locale
    else:
        _current[category] = locale
    return locale


def resetlocale(category=LC_ALL):
    setlocale(category, "")


def getlocale(category=LC_CTYPE):
    if category == LC_ALL and ";" in setlocale(category):
        raise TypeError("category LC_ALL is not supported")
    name = setlocale(category)
    if name in ("C", "POSIX"):
        return (None, None)
    code, _, encoding = name.partition(".")
    return (code, "UTF-8" if encoding.lower().replace("-", "") == "utf8" else encoding or None)


def getdefaultlocale(envvars=("LC_ALL", "LC_CTYPE", "LANG", "LANGUAGE")):
    for variable in envvars:
        localename = os.environ.get(variable)
        if localename:
            if variable == "LANGUAGE":
                localename = localename.split(":")[0]
            break
    else:
        localename = "C"
    if localename in ("C", "POSIX"):
        return (None, None)
    code, _, encoding = localename.partition(".")
    if encoding.lower().replace("-", "") == "utf8":
        encoding = "UTF-8"
    return (code, encoding or None)


def getpreferredencoding(do_setlocale=True):
    return "UTF-8"


def getencoding():
    return "UTF-8"


def normalize(localename):
    return localename


def _build_localename(localetuple):
    language, encoding = localetuple
    if language is None:
        language = "C"
    if encoding is None:
        return language
    return language + "." + encoding


def localeconv():
    return {"int_curr_symbol": "", "currency_symbol": "", "mon_decimal_point": "",
            "mon_thousands_sep": "", "mon_grouping": [], "positive_sign": "",
            "negative_sign": "", "int_frac_digits": CHAR_MAX, "frac_digits": CHAR_MAX,
            "p_cs_precedes": CHAR_MAX, "p_sep_by_space": CHAR_MAX, "n_cs_precedes": CHAR_MAX,
            "n_sep_by_space": CHAR_MAX, "p_sign_posn": CHAR_MAX, "n_sign_posn": CHAR_MAX,
            "decimal_point": ".", "thousands_sep": "", "grouping": []}


def strcoll(a, b):
    return (a > b) - (a < b)


def strxfrm(s):
    return s


def format_string(f, val, grouping=False, monetary=False):
    # With the C locale's empty thousands separator, grouping changes nothing.
    return f % val


def format(percent, value, grouping=False, monetary=False, *additional):
    import re
    if not re.fullmatch(r"%(?:\((?:[^)]+)\))?[-#0 +]*\d*(?:\.\d+)?[hlL]?[eEfFgGdiouxXcrs%]",
                        percent):
        raise ValueError(("format() must be given exactly one %%char format specifier, %s not valid")
                         % repr(percent))
    return format_string(percent, value, grouping, monetary)


def currency(val, symbol=True, grouping=False, international=False):
    raise ValueError("Currency formatting is not possible using the 'C' locale.")


def str(val):
    return format_string("%.12g", val)


def delocalize(string):
    return string


def localize(string, grouping=False, monetary=False):
    return string


def atof(string, func=float):
    return func(delocalize(string))


def atoi(string):
    return int(delocalize(string))
