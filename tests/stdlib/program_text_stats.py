"""A text-processing job: tokenizing with re, frequencies with Counter, n-grams and grouping
with itertools, defaultdict indexes, re.sub with a function, textwrap and string formatting."""
import re
import string
import textwrap
from collections import Counter, defaultdict, deque
from itertools import groupby, islice, chain, accumulate, zip_longest, combinations, pairwise

TEXT = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope, it was
the winter of despair, we had everything before us, we had nothing before us, we were all
going direct to Heaven, we were all going direct the other way -- in short, the period was so
far like the present period, that some of its noisiest authorities insisted on its being
received, for good or for evil, in the superlative degree of comparison only. There were 2
kings and 2 queens in 1775; prices rose 12.5% and fell 3%, said report no. 42."""

WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
NUMBER = re.compile(r"(?P<int>\d+)(?:\.(?P<frac>\d+))?(?P<pct>%)?")

words = [w.lower() for w in WORD.findall(TEXT)]
counts = Counter(words)
print(len(words), len(counts), counts.most_common(6))
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[6:10])

bigrams = Counter(pairwise(words))
print([" ".join(b) + f":{n}" for b, n in bigrams.most_common(4)])

by_len = defaultdict(set)
for w in words:
    by_len[len(w)].add(w)
print({k: sorted(v)[:3] for k, v in sorted(by_len.items()) if k >= 9})

for initial, group in groupby(sorted(set(words)), key=lambda w: w[0]):
    g = list(group)
    if len(g) >= 5:
        print(initial, len(g), g[:4])

for m in NUMBER.finditer(TEXT):
    d = m.groupdict()
    value = float(m.group(0).rstrip("%")) if d["frac"] else int(d["int"])
    print(m.start(), m.group(0), d, value * (0.01 if d["pct"] else 1))

def shout(m):
    w = m.group(0)
    return w.upper() if counts[w.lower()] >= 4 else w

sentence = TEXT.splitlines()[0]
print(WORD.sub(shout, sentence))
print(re.sub(r"\s+", " ", TEXT)[:60].translate(str.maketrans("aeiou", "AEIOU")))
print(re.split(r"[,;.]\s*", TEXT.replace("\n", " "))[:5])

window = deque(maxlen=3)
longest = []
for w in words:
    window.append(len(w))
    if len(window) == 3:
        longest.append(sum(window))
print(max(longest), list(islice(accumulate(longest, max), 0, 40, 8)))

lines = textwrap.wrap(" ".join(words[:40]), width=38)
for a, b in zip_longest(lines[::2], lines[1::2], fillvalue=""):
    print(f"{a:<38} | {b}")
print(textwrap.shorten(TEXT, 50, placeholder=" [...]"))
print(textwrap.indent(textwrap.fill(" ".join(words[-12:]), 30), "> "))

vowels = set("aeiou")
pairs = [(a, b) for a, b in combinations(sorted(set(words))[:12], 2) if set(a) & set(b) - vowels]
print(len(pairs), pairs[:3])
punct = Counter(c for c in TEXT if c in string.punctuation)
print(sorted(punct.items()))
print(list(chain.from_iterable(w[:2] for w in words[:5])))
table = "\n".join(f"{w:>12} {'#' * n}" for w, n in counts.most_common(5))
print(table)
