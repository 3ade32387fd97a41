import difflib

s = difflib.SequenceMatcher(None, "abcd", "bcde")
print(s.ratio(), s.quick_ratio(), s.real_quick_ratio())
print(s.get_matching_blocks())
print(s.get_opcodes())
s = difflib.SequenceMatcher(lambda x: x == " ", "private Thread currentThread;",
                            "private volatile Thread currentThread;")
print(round(s.ratio(), 3), s.find_longest_match(0, 29, 0, 38))
for op in s.get_opcodes():
    print(op)
print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy"]))
print(difflib.get_close_matches("wheel", ["while", "where", "wheat", "shell", "heel"], n=2, cutoff=0.5))
a = "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n".splitlines(keepends=True)
b = "one\ntwo\nTHREE\nfour\nfive\nsix\nseven\neight\nnine!\nten\neleven\n".splitlines(keepends=True)
print("".join(difflib.unified_diff(a, b, fromfile="before.txt", tofile="after.txt")), end="")
print("".join(difflib.unified_diff(a, b, n=1)), end="")
print(list(difflib.unified_diff(["x"], ["y"], lineterm="")))
print("".join(difflib.context_diff(a, b, fromfile="a", tofile="b")), end="")
d = list(difflib.ndiff(["one\n", "two\n", "three\n"], ["ore\n", "tree\n", "emu\n"]))
print("".join(d), end="")
print("".join(difflib.restore(d, 2)), end="")
text1 = ["  1. Beautiful is better than ugly.\n", "  2. Explicit is better than implicit.\n",
         "  3. Simple is better than complex.\n", "  4. Complex is better than complicated.\n"]
text2 = ["  1. Beautiful is better than ugly.\n", "  3.   Simple is better than complex.\n",
         "  4. Complicated is better than complex.\n", "  5. Flat is better than nested.\n"]
print("".join(difflib.Differ().compare(text1, text2)), end="")
long_a = ["x%d\n" % (i % 7) for i in range(300)]
long_b = long_a[:150] + ["new\n"] + long_a[150:]
sm = difflib.SequenceMatcher(None, long_a, long_b)
print(round(sm.ratio(), 4), len(sm.get_opcodes()), sm.bpopular == set(long_b) - {"new\n"})
print(difflib.SequenceMatcher(None, long_a, long_b, autojunk=False).get_opcodes()[:3])
