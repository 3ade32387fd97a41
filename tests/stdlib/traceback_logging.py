import logging, os, sys, traceback
# Tracebacks name files by absolute path: show them relative to this folder. (Lines that Python
# 3.11 marks with ^ under part of the line are left out: those markers are not drawn.)
HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep
class Out:
    def write(self, s):
        sys.stdout.write(s.replace(HERE, ""))
    def flush(self):
        pass
OUT = Out()
logging.basicConfig(stream=OUT, format="%(levelname)s:%(message)s")
def h(x):
    if x:
        h(x - 1)
    raise ValueError("deep")
try:
    h(2)
except ValueError:
    logging.exception("caught")
def f():
    try:
        raise KeyError("k")
    except KeyError as e:
        OUT.write(traceback.format_exc())
        print(traceback.format_exception_only(type(e), e))
f()
class MyErr(Exception): pass
try:
    try:
        raise MyErr("inner")
    except MyErr as e:
        raise RuntimeError("outer") from e
except RuntimeError as e:
    OUT.write("".join(traceback.format_exception(e)))
try:
    try:
        raise MyErr()
    except MyErr:
        raise TypeError("during")
except TypeError:
    traceback.print_exc(file=OUT)
log = logging.getLogger("app")
try:
    raise KeyError("x")
except KeyError:
    log.exception("failed %d", 3)
OUT.write(traceback.format_exc())
