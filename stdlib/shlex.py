"""Shell-like splitting and quoting (Python's shlex): split() in POSIX mode (quotes, backslash
escapes, comments), quote() and join(), and the shlex class's get_token() iteration over them."""
import re

__all__ = ["shlex", "split", "quote", "join"]

_unsafe = re.compile(r"[^\w@%+=:,./-]", re.ASCII)


def quote(s):
    if not s:
        return "''"
    if _unsafe.search(s) is None:
        return s
    return "'" + s.replace("'", "'\"'\"'") + "'"


def join(split_command):
    return " ".join(quote(arg) for arg in split_command)


class shlex:
    def __init__(self, instream=None, infile=None, posix=False, punctuation_chars=False):
        if isinstance(instream, str) or instream is None:
            self._text = instream or ""
        else:
            self._text = instream.read()
        self.infile = infile
        self.posix = posix
        self.commenters = "#"
        self.wordchars = "abcdfeghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"
        if posix:
            self.wordchars += "ßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ"
        self.whitespace = " \t\r\n"
        self.whitespace_split = False
        self.quotes = "'\""
        self.escape = "\\"
        self.escapedquotes = '"'
        self.eof = None if posix else ""
        self.lineno = 1
        self._pos = 0
        self._pushback = []

    def push_token(self, tok):
        self._pushback.append(tok)

    def get_token(self):
        if self._pushback:
            return self._pushback.pop()
        return self.read_token()

    def read_token(self):
        text, n = self._text, len(self._text)
        i = self._pos
        # skip whitespace and comments
        while i < n:
            c = text[i]
            if c in self.whitespace:
                if c == "\n":
                    self.lineno += 1
                i += 1
            elif c in self.commenters:
                while i < n and text[i] != "\n":
                    i += 1
            else:
                break
        if i >= n:
            self._pos = i
            return self.eof
        token = []
        quoted = False
        c = text[i]
        if not self.whitespace_split and not self.posix and c not in self.wordchars and c not in self.quotes:
            self._pos = i + 1
            return c
        while i < n:
            c = text[i]
            if c in self.whitespace or (c in self.commenters and not self.whitespace_split and self.posix is False):
                break
            if c in self.commenters and self.posix and not token and not quoted:
                break
            if c in self.quotes:
                quote_char = c
                if not self.posix:
                    token.append(c)
                i += 1
                while True:
                    if i >= n:
                        raise ValueError("No closing quotation")
                    c = text[i]
                    if c == quote_char:
                        if not self.posix:
                            token.append(c)
                        i += 1
                        break
                    if self.posix and c in self.escape and quote_char in self.escapedquotes and i + 1 < n \
                            and text[i + 1] in (quote_char, self.escape):
                        token.append(text[i + 1])
                        i += 2
                        continue
                    token.append(c)
                    i += 1
                quoted = True
                if not self.posix:
                    break
                continue
            if self.posix and c in self.escape:
                if i + 1 >= n:
                    raise ValueError("No escaped character")
                token.append(text[i + 1])
                i += 2
                continue
            if not self.whitespace_split and c not in self.wordchars and not self.posix:
                break
            token.append(c)
            i += 1
        self._pos = i
        result = "".join(token)
        if self.posix and not quoted and result == "":
            return self.read_token()
        return result

    def __iter__(self):
        return self

    def __next__(self):
        token = self.get_token()
        if token == self.eof:
            raise StopIteration
        return token


def split(s, comments=False, posix=True):
    if s is None:
        raise ValueError("s argument must not be None")
    lex = shlex(s, posix=posix)
    lex.whitespace_split = True
    if not comments:
        lex.commenters = ""
    return list(lex)
