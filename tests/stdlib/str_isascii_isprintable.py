for s in ["abc", "héllo", "", "a b", "tab\there", "new\nline", "\x7f", "日本", "\u200b", "\xa0"]:
    print(repr(s), s.isascii(), s.isprintable())
