import re
text = """From: alice@example.com
To: bob@test.org, carol+tag@sub.domain.net
Date: 2024-03-05 10:11:12
Subject: Re: [PATCH v2 3/7] fix the thing (urgent!)
Phone: +1 (555) 123-4567 or 555.987.6543
"""
emails = re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text)
print(emails)
m = re.search(r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d) (\d\d):(\d\d)", text)
print(m.group("y", "m"), m.groupdict(), m.span(), m.start(4), m.groups())
print(re.sub(r"\[PATCH v(\d+) (\d+)/(\d+)\]", lambda m: "<%s:%s>" % (m.group(1), int(m.group(2)) * 10), text.splitlines()[3]))
print(re.split(r"[,:]\s*", "a, b:c,d"), re.split(r"(\d)", "a1b2c"), re.findall(r"\(?\d{3}\)?[ .-]?\d{3}[.-]\d{4}", text))
pat = re.compile(r"^(\w+):\s*(.*)$", re.M)
print([(k, len(v)) for k, v in pat.findall(text)])
print([m.group(1) for m in pat.finditer(text)], pat.pattern, bool(pat.flags & re.M))
print(re.sub(r"(?i)RE:", "Fwd:", text.splitlines()[3]), re.escape("a.b*c"), re.fullmatch(r"\d+", "123") is not None)
print(re.sub(r"(\w)(\w*)", r"\2\1ay", "hello world"), re.subn("o", "0", "foo boo"), re.match(r"(a)|(b)", "b").groups())
print(re.findall(r"(?<=\$)\d+", "cost $30 and $45"), re.findall(r"\b\w+(?=ing\b)", "singing and dancing"), re.sub(r"\s+", " ", "  a \n\t b  "))
