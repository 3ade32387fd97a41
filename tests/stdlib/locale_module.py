import locale
print(locale.setlocale(locale.LC_ALL, "C"), locale.setlocale(locale.LC_NUMERIC))
print(locale.localeconv())
print(locale.LC_ALL, locale.LC_CTYPE, locale.LC_NUMERIC, locale.LC_TIME, locale.LC_MONETARY, locale.CHAR_MAX)
print(locale.getlocale(), locale.getpreferredencoding())
print(locale.format_string("%d items, %.2f each", (1234567, 1234.5), grouping=True))
print(locale.format_string("%s", "x"), locale.str(3.14159265358979), locale.str(1e20))
print(locale.atof("2.5"), locale.atoi("42"), locale.delocalize("1.5"))
print(locale.strcoll("a", "b"), locale.strcoll("b", "a"), locale.strcoll("a", "a"), locale.strxfrm("abc"))
print(sorted(["b", "A", "a", "B"], key=locale.strxfrm))
for call in (lambda: locale.currency(5), lambda: locale.setlocale(locale.LC_ALL, "xx_YY.nonsense")):
    try:
        call()
    except (ValueError, locale.Error) as e:
        print(type(e).__name__, e)
print(locale.setlocale(locale.LC_ALL, "C"), locale.getlocale())
