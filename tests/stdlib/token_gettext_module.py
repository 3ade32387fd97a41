import builtins
import gettext
import token

print(token.NAME, token.NUMBER, token.STRING, token.OP, token.NEWLINE, token.ENDMARKER, token.N_TOKENS)
print(token.tok_name[token.NAME], token.tok_name[54], token.tok_name[0], len(token.tok_name))
print(token.EXACT_TOKEN_TYPES["+="], token.EXACT_TOKEN_TYPES["->"], len(token.EXACT_TOKEN_TYPES))
print(token.ISTERMINAL(token.NAME), token.ISNONTERMINAL(300), token.ISEOF(token.ENDMARKER))
print("NAME" in token.__all__, "tok_name" in token.__all__)
_ = gettext.gettext
print(_("Hello"), gettext.ngettext("apple", "apples", 1), gettext.ngettext("apple", "apples", 3))
print(gettext.pgettext("menu", "Open"), gettext.npgettext("c", "one", "many", 0))
print(gettext.textdomain(), gettext.textdomain("myapp"), gettext.textdomain())
t = gettext.translation("myapp", localedir="/nonexistent", fallback=True)
print(type(t).__name__, t.gettext("Bye"), t.ngettext("a", "b", 2))
t.install()
print(builtins._("installed"))
try:
    gettext.translation("myapp", localedir="/nonexistent")
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.strerror)
print(gettext.find("myapp", "/nonexistent"), gettext.dgettext("d", "m"))
