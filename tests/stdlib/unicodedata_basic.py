"""unicodedata as text-processing code uses it: accent stripping and slugs through NFKD,
NFC/NFD round trips, categories for filtering, combining classes, bidi classes, digits."""
import re
import unicodedata


def slugify(text):
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


for s in ["Crème Brûlée à la carte", "Ångström ﬁle №5", "Ｆｕｌｌ　ｗｉｄｔｈ ①②", "Straße – naïve café"]:
    print(slugify(s), "|", strip_accents(s))
e1, e2 = "é", "e\u0301"
print(e1 == e2, unicodedata.normalize("NFC", e2) == e1, len(unicodedata.normalize("NFD", e1)))
print([unicodedata.is_normalized(f, e2) for f in ("NFC", "NFD", "NFKC", "NFKD")])
print(ascii(unicodedata.normalize("NFKC", "ﬁ² ㎏ Ⅻ")), ascii(unicodedata.normalize("NFD", "한")))
print([unicodedata.category(c) for c in "aZ5 ,\u0301€漢\n_-("])
print([unicodedata.combining(c) for c in "a\u0301\u0327\u05b0"], unicodedata.mirrored("("), unicodedata.mirrored("a"))
print([unicodedata.bidirectional(c) for c in "a1 א٣,\u0301"])
print([unicodedata.decimal(c, None) for c in "7٣९x"], unicodedata.digit("²"), unicodedata.digit("x", -1))
punct = sum(1 for c in "Hello, world! (¿Qué tal?) «ok»" if unicodedata.category(c).startswith("P"))
print(punct)
for bad in [("category", "ab"), ("normalize", "NFX")]:
    try:
        if bad[0] == "category":
            unicodedata.category(bad[1])
        else:
            unicodedata.normalize(bad[1], "x")
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    unicodedata.decimal("x")
except ValueError as e:
    print("ValueError", e)
