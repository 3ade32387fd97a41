# Frame objects: sys._getframe, f_back, f_code, f_lineno (the line running now), f_locals,
# f_globals; inspect.currentframe/stack/getouterframes; tracebacks' tb_frame and tb_lineno.
import inspect
import os
import sys


def where(depth=1):
    f = sys._getframe(depth)
    return f.f_code.co_name, f.f_lineno


def outer():
    x = 10
    y = "why"
    return inner(x)


def inner(a):
    b = a * 2
    f = sys._getframe()
    print("current:", f.f_code.co_name, f.f_lineno, sorted(f.f_locals), f.f_locals["a"], f.f_locals["b"])
    back = f.f_back
    print("caller:", back.f_code.co_name, back.f_lineno, back.f_locals["y"])
    print("where:", where(), where(2))
    mod = back.f_back
    print("module:", mod.f_code.co_name, mod.f_lineno, mod.f_globals is globals(), mod.f_locals is globals())
    print("file:", os.path.basename(f.f_code.co_filename), f.f_code.co_firstlineno)
    return b


print(outer())

# the line follows the frame as it runs
f = sys._getframe()
first = f.f_lineno
second = f.f_lineno
print("lines advance:", second - first)

# inspect
def who_called():
    return inspect.currentframe().f_back.f_code.co_name


def caller_name():
    return who_called()


print("inspect.currentframe:", caller_name())


def show_stack():
    for info in inspect.stack()[:3]:
        print("  stack:", info.function, info.lineno, os.path.basename(info.filename),
              info.code_context[0].strip() if info.code_context else None, info.index)
    fi = inspect.getframeinfo(sys._getframe())
    print("  frameinfo:", fi.function, fi.lineno, fi.code_context[0].strip())
    outer_names = [fi.function for fi in inspect.getouterframes(inspect.currentframe())]
    print("  outer:", outer_names)


def middle():
    show_stack()


middle()

# depth beyond the stack
try:
    sys._getframe(1000)
except ValueError as e:
    print("ValueError:", e)

# frames of class bodies and comprehensions
class K:
    name = sys._getframe().f_code.co_name
    here = sys._getframe().f_lineno


print("class body:", K.name, K.here)
print("listcomp:", [sys._getframe().f_back.f_code.co_name for _ in range(1)])

# generators: the frame's caller is whoever resumes it
def gen():
    yield sys._getframe().f_back.f_code.co_name
    yield sys._getframe().f_back.f_code.co_name


g = gen()


def step_a():
    return next(g)


def step_b():
    return next(g)


print("generator resumed by:", step_a(), step_b())

# a frame kept after its function returned still answers
def leave_frame():
    z = 42
    return sys._getframe()


kept = leave_frame()
print("kept:", kept.f_code.co_name, kept.f_back.f_code.co_name, inspect.isframe(kept))

# traceback objects
def fails(n):
    if n == 0:
        raise KeyError("boom")
    fails(n - 1)


try:
    fails(2)
except KeyError as e:
    tb = e.__traceback__
    entries = []
    while tb is not None:
        entries.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print("traceback:", entries)
    print("istraceback:", inspect.istraceback(e.__traceback__), sys.exc_info()[2].tb_lineno)
    print("handler frame is running:", e.__traceback__.tb_frame.f_code.co_name)
    print("innerframes:", [(fi.function, fi.lineno) for fi in inspect.getinnerframes(e.__traceback__)])
