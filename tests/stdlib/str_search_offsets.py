# str.find/rfind/index/rindex/startswith/endswith with start and end offsets, on ASCII text and
# on text with multi-byte characters (offsets count characters), including negative and
# out-of-range offsets.
texts = ["<root><a>x</a><b/></root>", "añb<é>ç</é>日本<x/>", ""]
for t in texts:
    for sub in ["<", "</", "a", "é", "日本", "", "zz"]:
        for start, end in [(None, None), (0, None), (3, None), (-4, None), (2, 9), (5, 3), (30, None), (-100, 100)]:
            args = () if start is None else (start,) if end is None else (start, end)
            r = (t.find(sub, *args), t.rfind(sub, *args), t.startswith(sub, *args), t.endswith(sub, *args))
            print(repr(t[:6]), repr(sub), args, r)
        print(t.startswith(("<r", "añ"), 0), t.endswith(("t>", "/>"), -3, None))
try:
    "abc".index("z", 1)
except ValueError as e:
    print("ValueError", e)
print("abcabc".rindex("b", 0, 4), "añbañb".index("b", 3))
