"""Tokenizing Python source (Python's tokenize, 3.11): generate_tokens over a readline giving
str, tokenize over one giving bytes (with the ENCODING token first), untokenize, and the
TokenInfo named tuple with exact_type. The scanner is CPython's: one regular expression for all
tokens, with continuation lines for strings and brackets and an indent stack."""
import collections
import functools
import re
from token import *
from token import EXACT_TOKEN_TYPES

__all__ = ["tokenize", "generate_tokens", "untokenize", "TokenInfo", "TokenError",
           "detect_encoding", "open"]


class TokenInfo(collections.namedtuple("TokenInfo", "type string start end line")):
    def __repr__(self):
        annotated_type = "%d (%s)" % (self.type, tok_name[self.type])
        return ("TokenInfo(type=%s, string=%r, start=%r, end=%r, line=%r)" %
                self._replace(type=annotated_type))

    @property
    def exact_type(self):
        if self.type == OP and self.string in EXACT_TOKEN_TYPES:
            return EXACT_TOKEN_TYPES[self.string]
        return self.type


def group(*choices):
    return "(" + "|".join(choices) + ")"


def any(*choices):
    return group(*choices) + "*"


def maybe(*choices):
    return group(*choices) + "?"


Whitespace = r"[ \f\t]*"
Comment = r"#[^\r\n]*"
Ignore = Whitespace + any(r"\\\r?\n" + Whitespace) + maybe(Comment)
Name = r"\w+"
Hexnumber = r"0[xX](?:_?[0-9a-fA-F])+"
Binnumber = r"0[bB](?:_?[01])+"
Octnumber = r"0[oO](?:_?[0-7])+"
Decnumber = r"(?:0(?:_?0)*|[1-9](?:_?[0-9])*)"
Intnumber = group(Hexnumber, Binnumber, Octnumber, Decnumber)
Exponent = r"[eE][-+]?[0-9](?:_?[0-9])*"
Pointfloat = group(r"[0-9](?:_?[0-9])*\.(?:[0-9](?:_?[0-9])*)?",
                   r"\.[0-9](?:_?[0-9])*") + maybe(Exponent)
Expfloat = r"[0-9](?:_?[0-9])*" + Exponent
Floatnumber = group(Pointfloat, Expfloat)
Imagnumber = group(r"[0-9](?:_?[0-9])*[jJ]", Floatnumber + r"[jJ]")
Number = group(Imagnumber, Floatnumber, Intnumber)


def _all_string_prefixes():
    valid = ["b", "r", "u", "f", "br", "fr"]
    result = {""}
    import itertools
    for prefix in valid:
        for t in itertools.permutations(prefix):
            for u in itertools.product(*[(c, c.upper()) for c in t]):
                result.add("".join(u))
    return result


StringPrefix = group(*sorted(_all_string_prefixes()))
Single = r"[^'\\]*(?:\\.[^'\\]*)*'"
Double = r'[^"\\]*(?:\\.[^"\\]*)*"'
Single3 = r"[^'\\]*(?:(?:\\.|'(?!''))[^'\\]*)*'''"
Double3 = r'[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*"""'
Triple = group(StringPrefix + "'''", StringPrefix + '"""')
String = group(StringPrefix + r"'[^\n'\\]*(?:\\.[^\n'\\]*)*'",
               StringPrefix + r'"[^\n"\\]*(?:\\.[^\n"\\]*)*"')
Special = group(*map(re.escape, sorted(EXACT_TOKEN_TYPES, reverse=True)))
Funny = group(r"\r?\n", Special)
PlainToken = group(Number, Funny, String, Name)
Token = Ignore + PlainToken
ContStr = group(StringPrefix + r"'[^\n'\\]*(?:\\.[^\n'\\]*)*" + group("'", r"\\\r?\n"),
                StringPrefix + r'"[^\n"\\]*(?:\\.[^\n"\\]*)*' + group('"', r"\\\r?\n"))
PseudoExtras = group(r"\\\r?\n|\Z", Comment, Triple)
PseudoToken = Whitespace + group(PseudoExtras, Number, Funny, ContStr, Name)

endpats = {}
for _prefix in _all_string_prefixes():
    endpats[_prefix + "'"] = Single
    endpats[_prefix + '"'] = Double
    endpats[_prefix + "'''"] = Single3
    endpats[_prefix + '"""'] = Double3
del _prefix

single_quoted = set()
triple_quoted = set()
for t in _all_string_prefixes():
    for u in (t + '"', t + "'"):
        single_quoted.add(u)
    for u in (t + '"""', t + "'''"):
        triple_quoted.add(u)
del t, u

tabsize = 8


class TokenError(Exception):
    pass


@functools.lru_cache
def _compile(expr):
    return re.compile(expr, re.UNICODE)


def _tokenize(readline, encoding):
    lnum = parenlev = continued = 0
    numchars = "0123456789"
    contstr, needcont = "", 0
    contline = None
    indents = [0]
    if encoding is not None:
        if encoding == "utf-8-sig":
            encoding = "utf-8"
        yield TokenInfo(ENCODING, encoding, (0, 0), (0, 0), "")
    last_line = b""
    line = b""
    while True:
        try:
            last_line = line
            line = readline()
        except StopIteration:
            line = b""
        if encoding is not None and isinstance(line, bytes):
            line = line.decode(encoding)
        lnum += 1
        pos, max = 0, len(line)
        if contstr:
            if not line:
                raise TokenError("EOF in multi-line string", strstart)
            endmatch = endprog.match(line)
            if endmatch:
                pos = end = endmatch.end(0)
                yield TokenInfo(STRING, contstr + line[:end], strstart, (lnum, end), contline + line)
                contstr, needcont = "", 0
                contline = None
            elif needcont and line[-2:] != "\\\n" and line[-3:] != "\\\r\n":
                yield TokenInfo(ERRORTOKEN, contstr + line, strstart, (lnum, len(line)), contline)
                contstr = ""
                contline = None
                continue
            else:
                contstr = contstr + line
                contline = contline + line
                continue
        elif parenlev == 0 and not continued:
            if not line:
                break
            column = 0
            while pos < max:
                if line[pos] == " ":
                    column += 1
                elif line[pos] == "\t":
                    column = (column // tabsize + 1) * tabsize
                elif line[pos] == "\f":
                    column = 0
                else:
                    break
                pos += 1
            if pos == max:
                break
            if line[pos] in "#\r\n":
                if line[pos] == "#":
                    comment_token = line[pos:].rstrip("\r\n")
                    yield TokenInfo(COMMENT, comment_token, (lnum, pos),
                                    (lnum, pos + len(comment_token)), line)
                    pos += len(comment_token)
                yield TokenInfo(NL, line[pos:], (lnum, pos), (lnum, len(line)), line)
                continue
            if column > indents[-1]:
                indents.append(column)
                yield TokenInfo(INDENT, line[:pos], (lnum, 0), (lnum, pos), line)
            while column < indents[-1]:
                if column not in indents:
                    raise IndentationError(
                        "unindent does not match any outer indentation level",
                        ("<tokenize>", lnum, pos, line))
                indents = indents[:-1]
                yield TokenInfo(DEDENT, "", (lnum, pos), (lnum, pos), line)
        else:
            if not line:
                raise TokenError("EOF in multi-line statement", (lnum, 0))
            continued = 0
        while pos < max:
            pseudomatch = _compile(PseudoToken).match(line, pos)
            if pseudomatch:
                start, end = pseudomatch.span(1)
                spos, epos, pos = (lnum, start), (lnum, end), end
                if start == end:
                    continue
                token, initial = line[start:end], line[start]
                if (initial in numchars or (initial == "." and token != "." and token != "...")):
                    yield TokenInfo(NUMBER, token, spos, epos, line)
                elif initial in "\r\n":
                    if parenlev > 0:
                        yield TokenInfo(NL, token, spos, epos, line)
                    else:
                        yield TokenInfo(NEWLINE, token, spos, epos, line)
                elif initial == "#":
                    assert not token.endswith("\n")
                    yield TokenInfo(COMMENT, token, spos, epos, line)
                elif token in triple_quoted:
                    endprog = _compile(endpats[token])
                    endmatch = endprog.match(line, pos)
                    if endmatch:
                        pos = endmatch.end(0)
                        token = line[start:pos]
                        yield TokenInfo(STRING, token, spos, (lnum, pos), line)
                    else:
                        strstart = (lnum, start)
                        contstr = line[start:]
                        contline = line
                        break
                elif (initial in single_quoted or token[:2] in single_quoted or
                      token[:3] in single_quoted):
                    if token[-1] == "\n":
                        strstart = (lnum, start)
                        endprog = _compile(endpats.get(initial) or endpats.get(token[1]) or
                                           endpats.get(token[2]))
                        contstr, needcont = line[start:], 1
                        contline = line
                        break
                    else:
                        yield TokenInfo(STRING, token, spos, epos, line)
                elif initial.isidentifier():
                    yield TokenInfo(NAME, token, spos, epos, line)
                elif initial == "\\":
                    continued = 1
                else:
                    if initial in "([{":
                        parenlev += 1
                    elif initial in ")]}":
                        parenlev -= 1
                    yield TokenInfo(OP, token, spos, epos, line)
            else:
                yield TokenInfo(ERRORTOKEN, line[pos], (lnum, pos), (lnum, pos + 1), line)
                pos += 1
    if last_line and last_line[-1] not in "\r\n" and not last_line.strip().startswith("#"):
        yield TokenInfo(NEWLINE, "", (lnum - 1, len(last_line)), (lnum - 1, len(last_line) + 1), "")
    for indent in indents[1:]:
        yield TokenInfo(DEDENT, "", (lnum, 0), (lnum, 0), "")
    yield TokenInfo(ENDMARKER, "", (lnum, 0), (lnum, 0), "")


def generate_tokens(readline):
    return _tokenize(readline, None)


def detect_encoding(readline):
    first = b""
    try:
        first = readline()
    except StopIteration:
        return "utf-8", []
    encoding = "utf-8"
    if first.startswith(b"\xef\xbb\xbf"):
        first = first[3:]
        encoding = "utf-8-sig"
    match = re.match(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)", first)
    if match:
        name = match.group(1).decode("ascii").lower().replace("_", "-")
        if name in ("utf-8", "utf8") or name.startswith("utf-8-"):
            name = "utf-8"
        encoding = name if encoding != "utf-8-sig" else encoding
    return encoding, [first] if first else []


def tokenize(readline):
    encoding, consumed = detect_encoding(readline)
    pending = list(consumed)

    def lines():
        while pending:
            return pending.pop(0)
        return readline()

    return _tokenize(lines, encoding)


def untokenize(iterable):
    out = []
    prev_row, prev_col = 1, 0
    indents = []
    startline = False
    encoding = None
    for tok in iterable:
        toknum, tokval = tok[0], tok[1]
        if toknum == ENCODING:
            encoding = tokval
            continue
        if toknum == ENDMARKER:
            break
        if len(tok) >= 4:
            start, end = tok[2], tok[3]
            if toknum == INDENT:
                indents.append(tokval)
                continue
            elif toknum == DEDENT:
                indents.pop()
                prev_row, prev_col = end
                continue
            elif toknum in (NEWLINE, NL):
                startline = True
            elif startline and indents:
                indent = indents[-1]
                if start[1] >= len(indent):
                    out.append(indent)
                    prev_col = len(indent)
                startline = False
            row, col = start
            if row > prev_row:
                out.append("\\\n" * (row - prev_row))
                prev_col = 0
            col_offset = col - prev_col
            if col_offset:
                out.append(" " * col_offset)
            out.append(tokval)
            prev_row, prev_col = end
            if toknum in (NEWLINE, NL):
                prev_row += 1
                prev_col = 0
    result = "".join(out)
    if encoding is not None:
        result = result.encode(encoding)
    return result
