"""Reading and writing CSV files (Python's csv): reader, writer, DictReader, DictWriter and
dialects. The reader is CPython's state machine (Modules/_csv.c) character for character, so
quoted fields, doubled quotes, escapes, embedded newlines and the errors of strict mode come out
the same; the writer quotes exactly the fields CPython quotes.
"""
from _ml_text import text as _t
import re as _re
from io import StringIO

__all__ = ["QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC", "QUOTE_NONE", "Error", "Dialect",
           "excel", "excel_tab", "unix_dialect", "reader", "writer", "register_dialect",
           "get_dialect", "list_dialects", "unregister_dialect", "field_size_limit",
           "DictReader", "DictWriter", "Sniffer", "__version__"]

__version__ = "1.0"

QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE = 0, 1, 2, 3

_field_limit = 128 * 1024


class Error(Exception):
    pass


Error.__module__ = "_csv"


def field_size_limit(*args):
    global _field_limit
    if len(args) > 1:
        raise TypeError(f"field_size_limit expected at most 1 argument, got {len(args)}")
    old = _field_limit
    if args:
        if not isinstance(args[0], int):
            raise TypeError("limit must be an integer")
        _field_limit = args[0]
    return old


# ---------------------------------------------------------------- dialects
def _char(name, v, allow_none):
    if v is None and allow_none:
        return None
    if not isinstance(v, str):
        kind = "string or None" if allow_none else "string"
        raise TypeError(f'"{name}" must be a 1-character {kind}, not {type(v).__name__}')
    if len(v) != 1:
        raise TypeError(f'"{name}" must be a 1-character string')
    return v


class _Params:
    """A checked, immutable set of formatting parameters (what _csv.Dialect is)."""
    __slots__ = ("delimiter", "quotechar", "escapechar", "doublequote", "skipinitialspace",
                 "lineterminator", "quoting", "strict")

    def __init__(self, dialect=None, **kw):
        base = dialect
        if isinstance(base, str):
            base = get_dialect(base)

        def pick(name, default):
            if name in kw and kw[name] is not _unset:
                return kw[name]
            if base is not None and hasattr(base, name):
                return getattr(base, name)
            return default
        for name in kw:
            if name not in _Params.__slots__:
                raise TypeError(f"'{name}' is an invalid keyword argument for this function")
        quoting = pick("quoting", QUOTE_MINIMAL)
        if not isinstance(quoting, int):
            raise TypeError('"quoting" must be an integer')
        if quoting not in (0, 1, 2, 3):
            raise TypeError("bad \"quoting\" value")
        object.__setattr__(self, "quoting", quoting)
        object.__setattr__(self, "delimiter", _char("delimiter", pick("delimiter", ","), False))
        quotechar = pick("quotechar", '"')
        quotechar = _char("quotechar", quotechar, True)
        if quotechar is None and quoting != QUOTE_NONE:
            raise TypeError("quotechar must be set if quoting enabled")
        object.__setattr__(self, "quotechar", quotechar)
        object.__setattr__(self, "escapechar", _char("escapechar", pick("escapechar", None), True))
        object.__setattr__(self, "doublequote", bool(pick("doublequote", True)))
        object.__setattr__(self, "skipinitialspace", bool(pick("skipinitialspace", False)))
        term = pick("lineterminator", "\r\n")
        if not isinstance(term, str):
            raise TypeError(f'"lineterminator" must be a string, not {type(term).__name__}')
        object.__setattr__(self, "lineterminator", term)
        object.__setattr__(self, "strict", bool(pick("strict", False)))

    def __setattr__(self, name, value):
        raise AttributeError(f"attribute '{name}' of '_csv.Dialect' objects is not writable")


class _Unset:
    pass


_unset = _Unset()


class Dialect:
    """Describe a CSV dialect: subclass it and set the class attributes."""
    _name = ""
    _valid = False
    delimiter = None
    quotechar = None
    escapechar = None
    doublequote = None
    skipinitialspace = None
    lineterminator = None
    quoting = None
    strict = None

    def __init__(self):
        if self.__class__ != Dialect:
            self._valid = True
        self._validate()

    def _validate(self):
        try:
            _Params(self)
        except TypeError as e:
            raise Error(str(e))


class excel(Dialect):
    delimiter = ","
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\r\n"
    quoting = QUOTE_MINIMAL


class excel_tab(excel):
    delimiter = "\t"


class unix_dialect(Dialect):
    delimiter = ","
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\n"
    quoting = QUOTE_ALL


_dialects = {}


def register_dialect(name, dialect=None, **fmtparams):
    if not isinstance(name, str):
        raise TypeError(_t("csv.dialect_name", "dialect name must be a string"))
    _dialects[name] = _Params(dialect, **fmtparams)


def unregister_dialect(name):
    if name not in _dialects:
        raise Error(_t("csv.unknown_dialect", "unknown dialect"))
    del _dialects[name]


def get_dialect(name):
    try:
        return _dialects[name]
    except (KeyError, TypeError):
        raise Error(_t("csv.unknown_dialect", "unknown dialect")) from None


def list_dialects():
    return list(_dialects)


register_dialect("excel", excel)
register_dialect("excel-tab", excel_tab)
register_dialect("unix", unix_dialect)


# ---------------------------------------------------------------- reading
_START_RECORD, _START_FIELD, _ESCAPED_CHAR, _IN_FIELD, _IN_QUOTED_FIELD = 0, 1, 2, 3, 4
_ESCAPE_IN_QUOTED_FIELD, _QUOTE_IN_QUOTED_FIELD, _EAT_CRNL, _AFTER_ESCAPED_CRNL = 5, 6, 7, 8
_EOL = None


class _reader:
    def __init__(self, iterable, dialect, fmt):
        self._it = iter(iterable)
        self.dialect = _Params(dialect, **fmt)
        self.line_num = 0
        self._fields = None
        self._field = []
        self._numeric = False
        self._state = _START_RECORD

    def __iter__(self):
        return self

    def _save_field(self):
        field = "".join(self._field)
        self._field = []
        if self._numeric:
            self._numeric = False
            field = float(field)
        self._fields.append(field)

    def _add_char(self, c):
        if len(self._field) >= _field_limit:
            raise Error(_t("csv.field_limit", "field larger than field limit ({limit})", limit=_field_limit))
        self._field.append(c)

    def _process(self, c):
        d = self.dialect
        state = self._state
        if state == _START_RECORD:
            if c is _EOL:
                return
            if c == "\n" or c == "\r":
                self._state = _EAT_CRNL
                return
            state = self._state = _START_FIELD
        if state == _START_FIELD:
            if c is _EOL or c == "\n" or c == "\r":
                self._save_field()
                self._state = _START_RECORD if c is _EOL else _EAT_CRNL
            elif c == d.quotechar and d.quoting != QUOTE_NONE:
                self._state = _IN_QUOTED_FIELD
            elif c == d.escapechar:
                self._state = _ESCAPED_CHAR
            elif c == " " and d.skipinitialspace:
                pass
            elif c == d.delimiter:
                self._save_field()
            else:
                if d.quoting == QUOTE_NONNUMERIC:
                    self._numeric = True
                self._add_char(c)
                self._state = _IN_FIELD
            return
        if state == _ESCAPED_CHAR:
            if c == "\n" or c == "\r":
                self._add_char(c)
                self._state = _AFTER_ESCAPED_CRNL
                return
            self._add_char("\n" if c is _EOL else c)
            self._state = _IN_FIELD
            return
        if state == _AFTER_ESCAPED_CRNL:
            if c is _EOL:
                return
            state = _IN_FIELD
        if state == _IN_FIELD:
            if c is _EOL or c == "\n" or c == "\r":
                self._save_field()
                self._state = _START_RECORD if c is _EOL else _EAT_CRNL
            elif c == d.escapechar:
                self._state = _ESCAPED_CHAR
            elif c == d.delimiter:
                self._save_field()
                self._state = _START_FIELD
            else:
                self._add_char(c)
                self._state = _IN_FIELD
            return
        if state == _IN_QUOTED_FIELD:
            if c is _EOL:
                pass
            elif c == d.escapechar:
                self._state = _ESCAPE_IN_QUOTED_FIELD
            elif c == d.quotechar and d.quoting != QUOTE_NONE:
                self._state = _QUOTE_IN_QUOTED_FIELD if d.doublequote else _IN_FIELD
            else:
                self._add_char(c)
            return
        if state == _ESCAPE_IN_QUOTED_FIELD:
            self._add_char("\n" if c is _EOL else c)
            self._state = _IN_QUOTED_FIELD
            return
        if state == _QUOTE_IN_QUOTED_FIELD:
            if d.quoting != QUOTE_NONE and c == d.quotechar:
                self._add_char(c)
                self._state = _IN_QUOTED_FIELD
            elif c == d.delimiter:
                self._save_field()
                self._state = _START_FIELD
            elif c is _EOL or c == "\n" or c == "\r":
                self._save_field()
                self._state = _START_RECORD if c is _EOL else _EAT_CRNL
            elif not d.strict:
                self._add_char(c)
                self._state = _IN_FIELD
            else:
                raise Error(_t("csv.delimiter_expected", "'{delimiter}' expected after '{quotechar}'", delimiter=d.delimiter, quotechar=d.quotechar))
            return
        if state == _EAT_CRNL:
            if c == "\n" or c == "\r":
                pass
            elif c is _EOL:
                self._state = _START_RECORD
            else:
                raise Error(_t("csv.newline_unquoted", "new-line character seen in unquoted field - do you need to open the file with newline=''?"))

    def __next__(self):
        self._fields = []
        self._field = []
        self._numeric = False
        self._state = _START_RECORD
        while True:
            try:
                line = next(self._it)
            except StopIteration:
                if self._field or self._state == _IN_QUOTED_FIELD:
                    if self.dialect.strict:
                        raise Error(_t("csv.unexpected_end", "unexpected end of data")) from None
                    self._save_field()
                    break
                raise
            self.line_num += 1
            if not isinstance(line, str):
                raise Error(_t("csv.iterator_strings", "iterator should return strings, not {type} (the file should be opened in text mode)", type=type(line).__name__))
            for c in line:
                self._process(c)
            self._process(_EOL)
            if self._state == _START_RECORD:
                break
        fields = self._fields
        self._fields = None
        return fields


def reader(csvfile, dialect="excel", **fmtparams):
    return _reader(csvfile, dialect, fmtparams)


# ---------------------------------------------------------------- writing
def _is_number(v):
    if isinstance(v, (int, float, complex)):
        return True
    t = type(v)
    return any(hasattr(t, m) for m in ("__index__", "__int__", "__float__", "__complex__"))


class _writer:
    def __init__(self, f, dialect, fmt):
        try:
            self._write = f.write
        except AttributeError:
            raise TypeError(_t("csv.write_method", "argument 1 must have a \"write\" method")) from None
        self.dialect = _Params(dialect, **fmt)

    def _field(self, out, field, quoted):
        d = self.dialect
        chars = []
        for c in field:
            want_escape = False
            if c == d.delimiter or c == d.escapechar or c == d.quotechar or c in d.lineterminator:
                if d.quoting == QUOTE_NONE:
                    want_escape = True
                else:
                    if c == d.quotechar:
                        if d.doublequote:
                            chars.append(d.quotechar)
                        else:
                            want_escape = True
                    elif c == d.escapechar:
                        want_escape = True
                    if not want_escape:
                        quoted = True
                if want_escape:
                    if d.escapechar is None:
                        raise Error(_t("csv.need_escape", "need to escape, but no escapechar set"))
                    chars.append(d.escapechar)
            chars.append(c)
        body = "".join(chars)
        if quoted:
            body = d.quotechar + body + d.quotechar
        out.append(body)

    def writerow(self, row):
        d = self.dialect
        try:
            items = iter(row)
        except TypeError:
            raise Error(_t("csv.iterable_expected", "iterable expected, not {type}", type=type(row).__name__)) from None
        out = []
        for field in items:
            if d.quoting == QUOTE_NONNUMERIC:
                quoted = not _is_number(field)
            else:
                quoted = d.quoting == QUOTE_ALL
            if field is None:
                text = ""
            elif isinstance(field, str):
                text = field
            else:
                text = str(field)
            self._field(out, text, quoted)
        if len(out) == 1 and out[0] == "":
            if d.quoting == QUOTE_NONE:
                raise Error(_t("csv.empty_field_quoted", "single empty field record must be quoted"))
            out = []
            self._field(out, "", True)
        return self._write(d.delimiter.join(out) + d.lineterminator)

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def writer(csvfile, dialect="excel", **fmtparams):
    return _writer(csvfile, dialect, fmtparams)


# ---------------------------------------------------------------- rows as dicts
class DictReader:
    def __init__(self, f, fieldnames=None, restkey=None, restval=None, dialect="excel", *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self._fieldnames = fieldnames
        self.restkey = restkey
        self.restval = restval
        self.reader = reader(f, dialect, *args, **kwds)
        self.dialect = dialect
        self.line_num = 0

    def __iter__(self):
        return self

    @property
    def fieldnames(self):
        if self._fieldnames is None:
            try:
                self._fieldnames = next(self.reader)
            except StopIteration:
                pass
        self.line_num = self.reader.line_num
        return self._fieldnames

    @fieldnames.setter
    def fieldnames(self, value):
        self._fieldnames = value

    def __next__(self):
        if self.line_num == 0:
            self.fieldnames
        row = next(self.reader)
        self.line_num = self.reader.line_num
        while row == []:
            row = next(self.reader)
        d = dict(zip(self.fieldnames, row))
        lf = len(self.fieldnames)
        lr = len(row)
        if lf < lr:
            d[self.restkey] = row[lf:]
        elif lf > lr:
            for key in self.fieldnames[lr:]:
                d[key] = self.restval
        return d


class DictWriter:
    def __init__(self, f, fieldnames, restval="", extrasaction="raise", dialect="excel", *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self.fieldnames = fieldnames
        self.restval = restval
        if extrasaction.lower() not in ("raise", "ignore"):
            raise ValueError(_t("csv.extrasaction", "extrasaction ({value}) must be 'raise' or 'ignore'", value=extrasaction))
        self.extrasaction = extrasaction
        self.writer = writer(f, dialect, *args, **kwds)

    def writeheader(self):
        header = dict(zip(self.fieldnames, self.fieldnames))
        return self.writerow(header)

    def _dict_to_list(self, rowdict):
        if self.extrasaction == "raise":
            wrong_fields = [k for k in rowdict if k not in self.fieldnames]
            if wrong_fields:
                raise ValueError(_t("csv.extra_fields", "dict contains fields not in fieldnames: {fields}", fields=", ".join([repr(x) for x in wrong_fields])))
        return (rowdict.get(key, self.restval) for key in self.fieldnames)

    def writerow(self, rowdict):
        return self.writer.writerow(self._dict_to_list(rowdict))

    def writerows(self, rowdicts):
        return self.writer.writerows(map(self._dict_to_list, rowdicts))


# ---------------------------------------------------------------- guessing a dialect
class Sniffer:
    """Guesses a file's dialect from a sample: the quote character from quoted fields, else the
    delimiter as the character that occurs equally often on the most lines; has_header from
    whether the first row differs in kind (length, number or not) from the columns below it."""

    def __init__(self):
        self.preferred = [",", "\t", ";", " ", ":"]

    def sniff(self, sample, delimiters=None):
        quotechar, doublequote, delimiter, skipinitialspace = self._guess_quote_and_delimiter(sample, delimiters)
        if not delimiter:
            delimiter, skipinitialspace = self._guess_delimiter(sample, delimiters)
        if not delimiter:
            raise Error(_t("csv.sniff_delimiter", "Could not determine delimiter"))

        class dialect(Dialect):
            _name = "sniffed"
            lineterminator = "\r\n"
            quoting = QUOTE_MINIMAL
        dialect.doublequote = doublequote
        dialect.delimiter = delimiter
        dialect.quotechar = quotechar or '"'
        dialect.skipinitialspace = skipinitialspace
        return dialect

    def _guess_quote_and_delimiter(self, data, delimiters):
        matches = []
        for restr in (r'(?P<delim>[^\w\n"\'])(?P<space> ?)(?P<quote>["\']).*?(?P=quote)(?P=delim)',
                      r'(?:^|\n)(?P<quote>["\']).*?(?P=quote)(?P<delim>[^\w\n"\'])(?P<space> ?)',
                      r'(?P<delim>[^\w\n"\'])(?P<space> ?)(?P<quote>["\']).*?(?P=quote)(?:$|\n)',
                      r'(?:^|\n)(?P<quote>["\']).*?(?P=quote)(?:$|\n)'):
            regexp = _re.compile(restr, _re.DOTALL | _re.MULTILINE)
            matches = regexp.findall(data)
            if matches:
                break
        if not matches:
            return ("", False, None, 0)
        quotes = {}
        delims = {}
        spaces = 0
        groupindex = regexp.groupindex
        for m in matches:
            n = groupindex["quote"] - 1
            key = m[n]
            if key:
                quotes[key] = quotes.get(key, 0) + 1
            try:
                n = groupindex["delim"] - 1
                key = m[n]
            except KeyError:
                continue
            if key and (delimiters is None or key in delimiters):
                delims[key] = delims.get(key, 0) + 1
            try:
                n = groupindex["space"] - 1
            except KeyError:
                continue
            if m[n]:
                spaces += 1
        quotechar = max(quotes, key=quotes.get)
        if delims:
            delim = max(delims, key=delims.get)
            skipinitialspace = delims[delim] == spaces
            if delim == "\n":
                delim = ""
        else:
            delim = ""
            skipinitialspace = 0
        dq_regexp = _re.compile(r"((%(delim)s)|^)\W*%(quote)s[^%(delim)s\n]*%(quote)s[^%(delim)s\n]*%(quote)s\W*((%(delim)s)|$)" %
                                {"delim": _re.escape(delim), "quote": quotechar}, _re.MULTILINE)
        doublequote = bool(dq_regexp.search(data))
        return (quotechar, doublequote, delim, skipinitialspace)

    def _guess_delimiter(self, data, delimiters):
        lines = [ln for ln in data.split("\n") if ln]
        if not lines:
            return ("", 0)
        candidates = delimiters if delimiters is not None else \
            sorted({c for ln in lines for c in ln if not c.isalnum() and c not in "\"'"})
        best = []
        for c in candidates:
            counts = [ln.count(c) for ln in lines]
            if not counts or max(counts) == 0:
                continue
            mode = max(set(counts), key=lambda k: (counts.count(k), k))
            agree = counts.count(mode) / len(counts)
            if mode > 0 and agree >= 0.9:
                best.append(c)
        if not best:
            return ("", 0)
        delim = best[0]
        for p in self.preferred:
            if p in best:
                delim = p
                break
        skipinitialspace = data.split("\n")[0].count(delim) == data.split("\n")[0].count(delim + " ")
        return (delim, skipinitialspace)

    def has_header(self, sample):
        rdr = reader(StringIO(sample), self.sniff(sample))
        header = next(rdr)
        columns = len(header)
        column_types = {i: None for i in range(columns)}
        checked = 0
        for row in rdr:
            if checked > 20:
                break
            checked += 1
            if len(row) != columns:
                continue
            for col in list(column_types):
                thistype = str
                for t in (int, float, complex):
                    try:
                        t(row[col])
                        thistype = t
                        break
                    except (ValueError, OverflowError):
                        pass
                if thistype is str:
                    thistype = len(row[col])
                if thistype != column_types[col]:
                    if column_types[col] is None:
                        column_types[col] = thistype
                    else:
                        del column_types[col]
        has_header = 0
        for col, col_type in column_types.items():
            if isinstance(col_type, int) and not isinstance(col_type, bool) and type(col_type) is int:
                if len(header[col]) != col_type:
                    has_header += 1
                else:
                    has_header -= 1
            else:
                try:
                    col_type(header[col])
                except (ValueError, TypeError):
                    has_header += 1
                else:
                    has_header -= 1
        return has_header > 0
