"""Regular expressions in the style of pyperformance's regex_effbot / regex_v8 / regex_dna:
many patterns over generated text, search/match/fullmatch/findall/finditer/sub/subn/split,
groups, named groups, lookaround, backreferences, flags, verbose patterns."""
import re

def gen_text(n):
    words = ["alpha", "Beta", "gamma42", "delta_x", "EPSILON", "zeta", "eta", "theta-9"]
    out = []
    seed = 7
    for i in range(n):
        seed = (seed * 69069 + 1) % (1 << 32)
        w = words[seed % len(words)]
        if seed % 5 == 0:
            w = "user%d@example%d.com" % (seed % 100, seed % 7)
        elif seed % 7 == 0:
            w = "http://www.site%d.org/path/%d?q=%d" % (seed % 9, i, seed % 1000)
        elif seed % 11 == 0:
            w = "%d.%d.%d.%d" % (seed % 256, (seed >> 8) % 256, (seed >> 16) % 256, (seed >> 24) % 256)
        out.append(w)
        if i % 10 == 9:
            out.append("\n")
    return " ".join(out)

TEXT = gen_text(2000)

effbot = [
    (r'Python|Perl', 'Perl'),
    (r'(Python|Perl)', 'Perl'),
    (r'(?:Python|Perl)', 'Perl'),
    (r'Python', 'Python'),
    (r'.*Python', 'Python'),
    (r'.*Python.*', 'Python'),
    (r'.*(Python)', 'Python'),
    (r'Python|Perl|Tcl', 'Perl'),
    (r'(Python|Perl|Tcl)', 'Perl'),
    (r'(Python)\1', 'PythonPython'),
    (r'([0a-z][a-z0-9]*,)+', 'a5,b7,c9,'),
    (r'(?:[0a-z][a-z0-9]*,)+', 'a5,b7,c9,'),
    (r'([a-z][a-z0-9]*,)+', 'a5,b7,c9,'),
    (r'(?:[a-z][a-z0-9]*,)+', 'a5,b7,c9,'),
    (r'.*P.*y.*t.*h.*o.*n.*', 'Python'),
    (r'[a-z]+\d+', 'abc123def'),
    (r'\bthe\b', 'in the end'),
    (r'(?i)PYTHON', 'python'),
]
for pat, s in effbot:
    m = re.search(pat, s)
    print(pat, bool(m), m.group(0) if m else None, m.span() if m else None, m.groups() if m else None)

email = re.compile(r'([\w.+-]+)@([\w-]+)\.(com|org)')
url = re.compile(r'(?P<scheme>https?)://(?P<host>[^/\s]+)(?P<path>/[^\s?]*)?(?:\?(?P<query>\S*))?')
ip = re.compile(r'\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b')
print(len(email.findall(TEXT)), email.findall(TEXT)[:3])
ms = list(url.finditer(TEXT))
print(len(ms), ms[0].groupdict(), ms[0].group('host', 'query'), ms[-1].start(), ms[-1].end('path'))
print(len(ip.findall(TEXT)), ip.findall(TEXT)[:4])
counts = {}
for w in re.findall(r'[A-Za-z]+', TEXT):
    counts[w.lower()] = counts.get(w.lower(), 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:6])
print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', "mail bob@home and al@work"))
print(re.sub(r'\d+', lambda m: str(int(m.group()) * 2), "a1 b22 c333"))
print(re.subn(r'a|e', '_', "banana bread"), re.sub('x*', '-', 'abxd'))
print(re.split(r'[,;]\s*', "a, b;c,   d"), re.split(r'(,)', "a,b,c", maxsplit=1), re.split(r'\b', 'hi there'))
print(re.fullmatch(r'\d{3}-\d{4}', '555-1234') is not None, re.fullmatch(r'\d{3}', '5555'))
print(re.match(r'(a)(b)?(c)', 'ac').groups(), re.match(r'(a)(b)?(c)', 'ac').groups('X'), re.match(r'(?P<x>a)(?P<y>b)?', 'a').groupdict(0))
print(re.findall(r'(\w)(\d)', 'a1 b2 c3'), re.findall(r'(?<=\$)\d+', 'cost $12 and $345'), re.findall(r'\d+(?= dollars)', '5 dollars 6 euros'))
print(re.findall(r'(?<!\w)x\w*', 'xa yxb xc'), re.findall(r'\w+(?!\d)', 'ab1 cd'), re.search(r'(\w)\1', 'hello').group())
verbose = re.compile(r"""
    ^(?P<year>\d{4})   # year
    -(?P<month>\d{2})  # month
    -(?P<day>\d{2})$   # day
""", re.VERBOSE)
m = verbose.match("2024-02-29")
print(m.group('year', 'month', 'day'), m.lastgroup, m.lastindex, m.re.pattern.count('\n'))
print(re.findall(r'^\w+', "one\ntwo\nthree", re.M), re.findall(r'.+', "a\nb", re.S), re.search(r'A.B', 'a\nb', re.I | re.S).group())
print(re.escape("a.b*c?d"), re.compile(r'a+', re.I).flags & re.I != 0, re.compile('(a)(b)').groups, re.compile('(?P<n>x)').groupindex['n'])
dna = "GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGGGAGGCCGAGGCGGGCGGATCACCTGAGGTCAGGAGTTCGAGACCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACTAAAAATACAAAAATTAGCCGGG" * 20
variants = ('agggtaaa|tttaccct', '[cgt]gggtaaa|tttaccc[acg]', 'a[act]ggtaaa|tttacc[agt]t', 'ag[act]gtaaa|tttac[agt]ct', 'agg[act]taaa|ttta[agt]cct')
for v in variants:
    print(v, len(re.findall(v, dna.lower())))
subst = {'tHa[Nt]': '<4>', 'aND|caN|Ha[DS]|WaS': '<3>', 'a[NSt]|BY': '<2>', '<[^>]*>': '|', '\\|[^|][^|]*\\|': '-'}
seq = "tHaNt aND caN HaS WaS aN BY the end"
for f, r in subst.items():
    seq = re.sub(f, r, seq)
print(seq)
print(re.sub(r'(?P<w>\w+)', r'<\g<w>>', 'ab cd'), re.sub(r'(\w+)', r'\g<1>!', 'x y'), re.sub('a', r'\n', 'cab') == 'c\nb')
p = re.compile(r'(\d+)-(\d+)')
m = p.search("range 10-20 and 30-40", 12)
print(m.group(), m.pos, m.string[:5], m.expand(r'\2..\1'), p.findall("1-2 3-4"), p.sub(r'\2-\1', "1-2 3-4", count=1))
print([m.span() for m in re.finditer(r'\s+', "a  b   c")], re.search(r'[^\x00-\x7f]', 'abc\u00e9').group(), re.findall(r'[\u00e0-\u00ff]+', 'caf\u00e9 na\u00efve'))
print(re.match(r'(?:(a)|b)*', 'ab').groups(), re.match(r'(a*)*', 'b').group(), re.findall(r'a{2,3}?', 'aaaaa'), re.findall(r'a{,2}', 'aaa'))
try:
    re.compile(r'(unclosed')
except re.error as e:
    print("re.error", e.msg, e.pos)
print(re.purge() is None, re.IGNORECASE == re.I, int(re.M), repr(re.compile(r'\d+', re.I)))
