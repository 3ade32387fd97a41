# The traceback module's stack side: extract_stack, format_stack, print_stack, walk_stack,
# extract_tb/format_tb/print_tb, StackSummary and FrameSummary.
import os
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep


class Out:
    def write(self, s):
        sys.stdout.write(s.replace(HERE, ""))

    def flush(self):
        pass


OUT = Out()


def level3():
    stack = traceback.extract_stack()
    for fs in stack:
        print("frame:", os.path.basename(fs.filename), fs.lineno, fs.name, fs.line)
    name, line = stack[-1].name, stack[-1].lineno
    filename, lineno, fname, text = stack[-1]
    print("unpacked:", fname, lineno, text, len(stack[-1]))
    print("repr:", repr(stack[-1]).replace(HERE, ""))
    OUT.write("".join(traceback.format_stack(limit=2)))
    traceback.print_stack(file=OUT)
    traceback.print_stack(sys._getframe().f_back, limit=1, file=OUT)
    walked = []
    for f, n in traceback.walk_stack(None):
        walked.append((f.f_code.co_name, n))
    print("walk_stack:", walked)
    print("extract(walk_stack):", [fs.name for fs in traceback.StackSummary.extract(traceback.walk_stack(None))])


def level2():
    level3()


def level1():
    level2()


level1()


def bad(n):
    if n:
        bad(n - 1)
    raise ZeroDivisionError("zero")


try:
    bad(1)
except ZeroDivisionError as e:
    tb = e.__traceback__
    summary = traceback.extract_tb(tb)
    print([(fs.name, fs.lineno, fs.line) for fs in summary])
    OUT.write("".join(traceback.format_tb(tb)))
    traceback.print_tb(tb, limit=1, file=OUT)
    print([(f.f_code.co_name, n) for f, n in traceback.walk_tb(tb)])

# from a list of tuples
lst = [("a.py", 1, "f", "x = 1"), ("b.py", 2, "g", "return x")]
print(traceback.format_list(lst), end="")
print("".join(traceback.StackSummary.from_list(lst).format()), end="")
fs = traceback.FrameSummary("c.py", 3, "h", line="pass")
print(fs == ("c.py", 3, "h", "pass"), list(fs))


# recursion collapses into "[Previous line repeated N more times]"
def deep(n):
    if n == 0:
        return traceback.format_stack()
    return deep(n - 1)


lines = deep(8)
OUT.write("".join(lines[-3:]))
