# regex_v8 / regex_effbot-like, tokenizer-like (sqlglot/tomli), pathlib/tempfile-like, generators
import re
strs = ["<a href='http://x.com/a?b=1'>link</a>", "foo@bar.com; baz@qux.org", "2023-01-15 and 1999-12-31", "  spaced   out  "]
for s in strs:
    print(re.findall(r"(\w+)@(\w+)\.(com|org)", s), re.sub(r"(\d{4})-(\d\d)-(\d\d)", r"\3/\2/\1", s), re.split(r"\s+", s.strip()))
print(re.sub(r"(?i)HREF='([^']*)'", lambda m: "href=<" + m.group(1).upper() + ">", strs[0]))
print(re.match(r"(?P<y>\d+)-(?P<m>\d+)", "2023-01").groupdict(), re.search(r"(?<=@)\w+", strs[1]).group(), re.fullmatch(r"a|ab", "ab"))
print(re.compile(r"^\s*(#.*)?$", re.M).findall("a\n# c\n\nb"), [m.span() for m in re.finditer(r"o", "foo boo")], re.escape("a.b*c"))
print(re.subn(r"a", "b", "aaa", count=2), re.compile(r"x*").sub("-", "abc"), re.split(r"(,)", "a,b,c", maxsplit=1))
TOKEN = re.compile(r"""
    (?P<num>\d+(?:\.\d+)?)
  | (?P<name>[A-Za-z_]\w*)
  | (?P<op>[-+*/()=<>!]=?)
  | (?P<str>'(?:[^'\\]|\\.)*')
  | (?P<ws>\s+)
""", re.VERBOSE)
def tokenize(src):
    pos = 0
    while pos < len(src):
        m = TOKEN.match(src, pos)
        if not m:
            raise SyntaxError(f"bad char {src[pos]!r} at {pos}")
        if m.lastgroup != "ws":
            yield m.lastgroup, m.group()
        pos = m.end()
print(list(tokenize("SELECT a, b FROM t WHERE x >= 10.5 AND name = 'o\\'k'".replace(",", " "))))
try:
    list(tokenize("a ; b"))
except SyntaxError as e:
    print("SyntaxError", e)
def toml_like(text):
    out, table = {}, None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            table = out.setdefault(line[1:-1].strip(), {})
            continue
        key, _, val = line.partition("=")
        key, val = key.strip(), val.strip()
        if val.startswith('"'):
            v = val[1:-1]
        elif val in ("true", "false"):
            v = val == "true"
        elif val.startswith("["):
            v = [int(x) for x in val[1:-1].split(",") if x.strip()]
        else:
            v = float(val) if "." in val else int(val)
        (table if table is not None else out)[key] = v
    return out
print(toml_like('title = "x"\n# c\n[owner]\nname = "Tom" # n\nage = 42\npi = 3.14\nok = true\nlist = [1, 2, 3]\n'))
import tempfile, os, shutil
d = tempfile.mkdtemp()
for n in ["a.txt", "b.py", "c.txt"]:
    with open(os.path.join(d, n), "w") as f:
        f.write(n * 3)
print(sorted(x for x in os.listdir(d) if x.endswith(".txt")), os.path.getsize(os.path.join(d, "a.txt")))
shutil.rmtree(d)
print(os.path.exists(d))
