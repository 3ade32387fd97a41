import shlex
print(shlex.split('ls -l "my file.txt" \'single q\' esc\\ aped'))
print(shlex.split("a 'b c' \"d \\\"e\\\" f\" g#h # comment", comments=True))
print(shlex.split("a 'b c' # not a comment"))
print(shlex.split("  spaced   out  "), shlex.split(""))
print(shlex.split('x="1 2" y=\'3\''))
print(shlex.quote("simple"), shlex.quote(""), shlex.quote("has space"), shlex.quote("it's"))
print(shlex.quote("a$b"), shlex.quote("/usr/bin/x-y_z.py"), shlex.quote("é"))
print(shlex.join(["echo", "hello world", "it's", "ok"]))
print(shlex.split(shlex.join(["a b", "c'd", "e\"f"])))
for bad in ("'unterminated", 'a "b', "back\\"):
    try:
        shlex.split(bad)
    except ValueError as e:
        print("ValueError", e)
lex = shlex.shlex("a = b + 'c d'; e")
print(list(lex))
lex = shlex.shlex("cmd --opt=1 'x y'", posix=True)
lex.whitespace_split = True
print(list(lex))
print(list(shlex.shlex("a && b || c;d", punctuation_chars=True)))
