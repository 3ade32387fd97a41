# logging records where the log call was made: pathname/filename/module, lineno and funcName
# of the caller (the first frame outside logging), stacklevel to point further out, and
# stack_info=True adds the stack.
import logging
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep


class Out:
    def write(self, s):
        sys.stdout.write(s.replace(HERE, ""))

    def flush(self):
        pass


logging.basicConfig(stream=Out(), level=logging.DEBUG,
                    format="%(levelname)s %(filename)s:%(lineno)d %(funcName)s %(module)s: %(message)s")
log = logging.getLogger("app")


def work():
    log.info("working")
    logging.warning("module-level function")
    report("via helper")


def report(text):
    log.debug(text, stacklevel=2)


work()
log.error("at top level")


class Service:
    def run(self):
        adapter = logging.LoggerAdapter(log, {"k": 1})
        adapter.info("through an adapter")
        log.log(logging.INFO, "with log()")


Service().run()

rec = []


class Keep(logging.Handler):
    def emit(self, record):
        rec.append(record)


log.addHandler(Keep())
log.propagate = False
log.info("kept")
r = rec[0]
print(r.funcName, r.lineno, r.module, r.filename, os.path.basename(r.pathname))


def with_stack():
    log.propagate = True
    log.handlers.clear()
    log.info("with stack", stack_info=True)


with_stack()
