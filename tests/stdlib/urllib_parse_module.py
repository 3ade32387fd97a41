from urllib.parse import (urlparse, urlsplit, urlunparse, urlunsplit, urljoin, urldefrag, quote,
                          quote_plus, unquote, unquote_plus, urlencode, parse_qs, parse_qsl)
import urllib.parse

u = urlparse("https://user:pw@Example.COM:8080/a/b;p=1?x=1&y=2#frag")
print(u)
print(u.scheme, u.netloc, u.path, u.params, u.query, u.fragment)
print(u.username, u.password, u.hostname, u.port, u.geturl())
print(urlsplit("http://[::1]:80/p?q"), urlsplit("http://[::1]:80/p?q").hostname)
print(urlparse("//host/path"), urlparse("mailto:a@b.c"), urlparse("/just/a/path?q=1"))
print(urlparse("example.com/x"), urlsplit("http://h/p#f", allow_fragments=False))
print(urlunparse(("http", "h", "/p", "", "a=1", "z")), urlunsplit(("https", "h:1", "x", "q", "")))
print(u._replace(scheme="ftp").geturl(), tuple(u)[:2], u[1])
base = "http://a/b/c/d;p?q"
for ref in ["g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "g#s", "..", "../", "../g",
            "../..", "../../g", "../../../g", ".", "./", "g;x", "", "https://other/x"]:
    print(repr(ref), urljoin(base, ref))
print(urljoin("http://example.com/dir/", "file.html"), urljoin("http://example.com", "x/y"))
print(urldefrag("http://h/p?q#frag"), urldefrag("http://h/p").url)
print(quote("a b/c?d=é&f"), quote("/x y", safe=""), quote_plus("a b&c=d/e"), quote(b"\x00\xff"))
print(unquote("a%20b%2Fc%C3%A9%zz%4"), unquote_plus("a+b%21"), unquote("%E2%82%AC"), unquote(""))
print(urlencode({"q": "hello world", "n": 3, "s": "a&b"}), urlencode([("a", 1), ("a", 2)]))
print(urlencode({"k": ["x", "y"]}, doseq=True), urlencode({"k": ["x", "y"]}))
print(parse_qs("a=1&b=2&a=3&c=&d"), parse_qs("a=1&b=", keep_blank_values=True))
print(parse_qsl("x=hello+world&y=%21%3F&z"), parse_qsl("p=1;q=2", separator=";"))
try:
    urlparse("http://[::1/x")
except ValueError as e:
    print("ValueError", e)
try:
    urlparse("http://h:99999/").port
except ValueError as e:
    print("ValueError", e)
print(urllib.parse.urlparse("HTTP://H/").scheme)
