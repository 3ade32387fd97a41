"""HTML escaping (Python's html module): escape() and unescape() with character references."""
import re

__all__ = ["escape", "unescape"]


def escape(s, quote=True):
    s = s.replace("&", "&amp;")
    s = s.replace("<", "&lt;")
    s = s.replace(">", "&gt;")
    if quote:
        s = s.replace('"', "&quot;")
        s = s.replace("'", "&#x27;")
    return s


# The named references of HTML 4 (Latin-1, symbols and special characters): the ones programs
# write by hand. HTML5's full table is larger.
_names = (
    "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn "
    "sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave "
    "Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml "
    "ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN "
    "szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute "
    "icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml "
    "yacute thorn yuml").split()
html5 = {name + ";": chr(0xA0 + i) for i, name in enumerate(_names)}
html5.update({
    "amp;": "&", "lt;": "<", "gt;": ">", "quot;": '"', "apos;": "'", "AMP;": "&", "LT;": "<",
    "GT;": ">", "QUOT;": '"', "euro;": "\u20ac", "hellip;": "\u2026", "mdash;": "\u2014",
    "ndash;": "\u2013", "lsquo;": "\u2018", "rsquo;": "\u2019", "ldquo;": "\u201c",
    "rdquo;": "\u201d", "bull;": "\u2022", "trade;": "\u2122", "larr;": "\u2190",
    "rarr;": "\u2192", "uarr;": "\u2191", "darr;": "\u2193", "harr;": "\u2194", "hearts;": "\u2665",
    "infin;": "\u221e", "ne;": "\u2260", "le;": "\u2264", "ge;": "\u2265", "alpha;": "\u03b1",
    "beta;": "\u03b2", "gamma;": "\u03b3", "delta;": "\u03b4", "pi;": "\u03c0", "sigma;": "\u03c3",
    "omega;": "\u03c9", "Omega;": "\u03a9", "thinsp;": "\u2009", "ensp;": "\u2002",
    "emsp;": "\u2003", "dagger;": "\u2020", "Dagger;": "\u2021", "permil;": "\u2030",
    "prime;": "\u2032", "Prime;": "\u2033", "oelig;": "\u0153", "OElig;": "\u0152",
    "scaron;": "\u0161", "Scaron;": "\u0160", "fnof;": "\u0192", "circ;": "\u02c6",
    "tilde;": "\u02dc", "zwnj;": "\u200c", "zwj;": "\u200d", "lrm;": "\u200e", "rlm;": "\u200f",
})
# references that HTML5 also accepts without the semicolon
for _name in ["amp", "lt", "gt", "quot", "AMP", "LT", "GT", "QUOT"] + _names:
    html5.setdefault(_name, html5[_name + ";"])

_invalid_charrefs = {
    0x00: "\ufffd", 0x0d: "\r", 0x80: "\u20ac", 0x81: "\x81", 0x82: "\u201a", 0x83: "\u0192",
    0x84: "\u201e", 0x85: "\u2026", 0x86: "\u2020", 0x87: "\u2021", 0x88: "\u02c6", 0x89: "\u2030",
    0x8a: "\u0160", 0x8b: "\u2039", 0x8c: "\u0152", 0x8d: "\x8d", 0x8e: "\u017d", 0x8f: "\x8f",
    0x90: "\x90", 0x91: "\u2018", 0x92: "\u2019", 0x93: "\u201c", 0x94: "\u201d", 0x95: "\u2022",
    0x96: "\u2013", 0x97: "\u2014", 0x98: "\u02dc", 0x99: "\u2122", 0x9a: "\u0161", 0x9b: "\u203a",
    0x9c: "\u0153", 0x9d: "\x9d", 0x9e: "\u017e", 0x9f: "\u0178",
}


def _replace_charref(s):
    s = s.group(1)
    if s[0] == "#":
        if s[1] in "xX":
            num = int(s[2:].rstrip(";"), 16)
        else:
            num = int(s[1:].rstrip(";"))
        if num in _invalid_charrefs:
            return _invalid_charrefs[num]
        if 0xD800 <= num <= 0xDFFF or num > 0x10FFFF:
            return "\uFFFD"
        return chr(num)
    if s in html5:
        return html5[s]
    for x in range(len(s) - 1, 1, -1):
        if s[:x] in html5:
            return html5[s[:x]] + s[x:]
    return "&" + s


_charref = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")


def unescape(s):
    if "&" not in s:
        return s
    return _charref.sub(_replace_charref, s)
