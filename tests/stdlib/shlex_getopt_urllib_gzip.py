"""Small modules command-line and web-facing programs import: shlex (split, quote, join, the
token iterator), getopt (short, long, gnu), secrets, gzip (compress/decompress, files in
binary and text mode), urllib.parse (split, join, quote, query strings)."""
import getopt
import gzip
import os
import secrets
import shlex
import tempfile
from urllib.parse import (urlparse, urlsplit, urlunparse, urljoin, urldefrag, quote, quote_plus, unquote,
                          unquote_plus, urlencode, parse_qs, parse_qsl)

for line in ['ls -l "my file.txt" \'it s\' a\\ b', "echo 'x'\"y\"z # comment", 'cmd --opt="a b" -x=1 ""']:
    print(shlex.split(line), shlex.split(line, comments=True))
print(shlex.quote("safe-name.txt"), shlex.quote("has space"), shlex.quote("it's"), shlex.quote(""))
print(shlex.join(["rm", "-rf", "my dir", "x;y"]))
try:
    shlex.split('unterminated "quote')
except ValueError as e:
    print("ValueError", e)
lex = shlex.shlex("a = b + 'c d'")
print(list(lex))

opts, args = getopt.getopt(["-a", "-b", "val", "--long", "--name=x", "rest", "-c"], "ab:c", ["long", "name="])
print(opts, args)
print(getopt.gnu_getopt(["one", "-a", "two", "--name", "n", "three"], "a", ["name="]))
for bad in (["-z"], ["--name"], ["--lo=1"]):
    try:
        getopt.getopt(bad, "ab:", ["long", "name="])
    except getopt.GetoptError as e:
        print("GetoptError:", e, e.opt)

print(len(secrets.token_hex(8)), len(secrets.token_bytes(5)), len(secrets.token_urlsafe(12)))
print(secrets.compare_digest("abc", "abc"), secrets.compare_digest(b"abc", b"abd"), 0 <= secrets.randbelow(10) < 10)
print(secrets.choice("x") == "x", 0 <= secrets.randbits(4) < 16)

data = b"gzip me " * 300
z = gzip.compress(data, mtime=0)
print(z[:4].hex(), len(z) < len(data), gzip.decompress(z) == data, gzip.decompress(z + gzip.compress(b"!", mtime=0))[-3:])
try:
    gzip.decompress(b"plain")
except gzip.BadGzipFile as e:
    print("BadGzipFile", e)
d = tempfile.mkdtemp()
path = os.path.join(d, "f.txt.gz")
with gzip.open(path, "wt", encoding="utf-8") as f:
    f.write("héllo\nworld\n")
with gzip.open(path, "rb") as f:
    raw = f.read()
with gzip.open(path, "rt", encoding="utf-8") as f:
    print(raw, f.readlines())
os.remove(path)
os.rmdir(d)

u = urlparse("https://user:pw@Example.COM:8443/a/b;p=1?q=1&r=two#frag")
print(u)
print(u.scheme, u.hostname, u.port, u.username, u.password, u.path, u.params, u.geturl())
print(urlsplit("//host/path?x"), urlsplit("mailto:someone@example.com"), urlsplit("/rel/path#f"))
print(urlunparse(("http", "h", "/p", "", "a=1", "")), urldefrag("http://h/p#sec"))
base = "http://a/b/c/d;p?q"
for ref in ["g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "g#s", "..", "../g", "../..", "../../../g", "https://x/y", ""]:
    print(repr(ref), urljoin(base, ref))
print(quote("a b&c/d é"), quote("a b/c", safe=""), quote_plus("a b+c"), unquote("a%20b%C3%A9%zz"), unquote_plus("a+b%2B"))
q = urlencode({"name": "Ada Lovelace", "tags": ["x", "y z"], "n": 3}, doseq=True)
print(q, parse_qs(q), parse_qsl("a=1&b=&a=2", keep_blank_values=True))
print(urlencode([("k", "v&w"), ("e", "")]))
