# json.loads on strings long enough to be scanned several bytes at a time: an escape, a quote,
# a non-ASCII letter or a control character at every position of the first words.
import json

base = "abcdefghijklmnopqrstuvwxyz0123"
for pos in range(0, 26):
    head, tail = base[:pos], base[pos:]
    for insert in ['\\"', '\\\\', '\\n', '\\u00e9', 'é', '€', '😀', '\\ud83d\\ude00']:
        doc = '"' + head + insert + tail + '"'
        v = json.loads(doc)
        assert v == json.loads(json.dumps(v)), (pos, insert)
        if pos % 7 == 0:
            print(pos, repr(insert), len(v), ascii(v[max(0, pos - 1):pos + 2]))
    raw = '"' + head + '\t' + tail + '"'
    try:
        json.loads(raw)
        print(pos, "no error")
    except json.JSONDecodeError as e:
        if pos % 5 == 0:
            print(pos, e.msg, e.pos)
    assert json.loads(raw, strict=False) == head + '\t' + tail
    unterminated = '"' + head + tail
    try:
        json.loads(unterminated)
    except json.JSONDecodeError as e:
        if pos % 5 == 0:
            print(pos, e.msg, e.pos)
print(json.loads('["' + 'x' * 40 + '", "' + 'é' * 9 + '", 12, -3, -Infinity, NaN, true, false, null]'))
print(json.loads('{"' + 'k' * 17 + '": "' + 'v' * 16 + '"}'))
for bad in ['tru', 'nul', '-', '-x', 'Inf', 'x']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), e.msg, e.pos)
