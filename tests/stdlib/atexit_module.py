import atexit
import sys


def goodbye(name, punct="!"):
    print("goodbye", name + punct)


def never():
    print("never printed: unregistered")


@atexit.register
def decorated():
    print("decorated runs last registered, so first")


atexit.register(goodbye, "world")
atexit.register(goodbye, "kw", punct="?")
atexit.register(never)
atexit.register(never)
atexit.unregister(never)
print(decorated.__name__)
try:
    atexit.register(42)
except TypeError as e:
    print("TypeError", e)
print("main body done")
sys.exit(0)
