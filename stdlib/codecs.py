"""Codec registry helpers (Python's codecs module): encode/decode by name, escape_decode,
lookup, and the byte order marks."""

from _codecs import encode, decode, escape_decode

__all__ = ["encode", "decode", "lookup", "escape_decode", "CodecInfo", "BOM_UTF8", "BOM_LE",
           "BOM_BE", "BOM_UTF16_LE", "BOM_UTF16_BE", "BOM_UTF32_LE", "BOM_UTF32_BE"]

BOM_UTF8 = b"\xef\xbb\xbf"
BOM_UTF16_LE = BOM_LE = b"\xff\xfe"
BOM_UTF16_BE = BOM_BE = b"\xfe\xff"
BOM_UTF32_LE = b"\xff\xfe\x00\x00"
BOM_UTF32_BE = b"\x00\x00\xfe\xff"


class CodecInfo(tuple):
    def __new__(cls, encode, decode, streamreader=None, streamwriter=None, incrementalencoder=None,
                incrementaldecoder=None, name=None):
        self = tuple.__new__(cls, (encode, decode, streamreader, streamwriter))
        self.name = name
        self.encode = encode
        self.decode = decode
        return self

    def __repr__(self):
        return "<codecs.CodecInfo object for encoding %s at %#x>" % (self.name, id(self))


def _normalize(encoding):
    e = encoding.lower().replace("_", "-")
    aliases = {"utf8": "utf-8", "u8": "utf-8", "latin1": "latin-1", "iso-8859-1": "latin-1",
               "iso8859-1": "latin-1", "l1": "latin-1", "us-ascii": "ascii"}
    return aliases.get(e, e)


def lookup(encoding):
    name = _normalize(encoding)
    if name not in ("utf-8", "ascii", "latin-1"):
        raise LookupError("unknown encoding: %s" % encoding)
    return CodecInfo(lambda s, errors="strict": (s.encode(name, errors), len(s)),
                     lambda b, errors="strict": (bytes(b).decode(name, errors), len(b)), name=name)


def getencoder(encoding):
    return lookup(encoding).encode


def getdecoder(encoding):
    return lookup(encoding).decode
