import re
# errors Python and PCRE2 both reject, and ones only Python rejects
for pat in ['(abc', 'abc)', '[abc', r'\p{L}', r'\Q', r'a**', r'(?P<1>a)', r'\2(a)', '(?<n>x)', 'x{3,2}']:
    try:
        re.compile(pat)
        print(pat, 'compiled')
    except re.error as e:
        print(pat, 'error at', e.pos)
try:
    re.sub('(a)', r'\2', 'a')
except re.error as e:
    print('template error', e)
try:
    re.sub('(?P<a>x)', r'\g<b>', 'x')
except IndexError as e:
    print('IndexError', e)
try:
    re.search('a', b'a')
except TypeError as e:
    print('TypeError', e)
try:
    re.search(b'a', 'a')
except TypeError as e:
    print('TypeError', e)
m = re.match(r'(\w+) (\w+)', 'Isaac Newton, physicist')
print(m.expand(r'\2, \1'), m.re.pattern, m.string, m.pos, m.endpos, m.regs)
try:
    m.group(3)
except IndexError as e:
    print('IndexError', e)
print(re.sub(r'a|(b)', r'[\1]', 'abc'))
print(re.findall(r'(a)|(b)', 'ab'))
print(re.split(r'(a)|(b)', 'xaybz'))
print(re.sub(r'(?m)^', '> ', 'one\ntwo'))
print(re.sub('', '-', 'abc'))
print(re.sub(r'\d', lambda m: None, 'a1b2'))
print(re.findall(r'\w+', 'naïve café Ελληνικά'))
print([m.span() for m in re.finditer(r'\w+', 'naïve café Ελληνικά')])
print(re.search(r'\s+', 'a\u00a0b').span(), re.search(r'\s+', 'a\u00a0b', re.A))
print(re.findall(r'\w+', 'naïve', re.ASCII))
print(re.match(r'[^\W\d_]+', 'abc1'))
print(re.compile('a', re.A), re.compile(b'a'), re.compile(b'a').flags, re.compile('a').flags)
print(re.search(r'\x41\u0042\U00000043\101', 'ABCA'))
print(re.search(r'[\x41-\x43]+', 'xxABCzz'))
print(re.search('\\v', '\x0b'), re.search('[\\b]', '\x08'))
print(re.escape('résumé-1.0 (x)'))
print(re.sub(r'(\d+)', r'\g<1>0', 'a1 b2'))
print(re.sub(r'\.', r'\\', 'a.b'))
print(re.sub(r'x', r'\&', 'axb'))
s = 'The quick brown fox'
print(re.sub(r'(?i)THE', 'A', s))
print(re.findall(r'(?s).', 'a\nb'))
print(re.match(r'(?x) a b # comment', 'ab'))
print(re.match(r'(?i:a)b', 'Ab'), re.match(r'(?i:a)b', 'AB'))
print(bool(re.match('a', 'a')), re.compile(r'(a)(?:b)(c)').groups)
pat = re.compile(r'(?P<y>\d{4})-(?P<m>\d\d)')
print(pat.fullmatch('2024-01'), pat.fullmatch('2024-011'), pat.match('2024-011', 0, 7))
print(pat.sub(r'\g<m>/\g<y>', 'on 2024-05 and 1999-12'))
print(pat.split('x2024-05y'))
print(re.purge())
print(re.search(r'(?<!a)b', 'ab cb').start())
print(re.findall(r'a(?=b)', 'ab ac ab'))
print(re.findall(r'\d+?', '123'))
print(re.search('(a+)+$', 'aaaaab'))
print(re.sub('(?P<w>o)', r'0\g<w>\g<0>', 'foo'))
print(re.match(r'\A\w+\Z', 'word'), re.match(r'\A\w+\Z', 'word\n'))
print(re.compile('x').search('axbx', pos=2), re.compile('^x').search('ax', 1))
print(int(re.I), int(re.M | re.S), int(re.NOFLAG))
