# warnings.warn reports the line of the code that warns, or with stacklevel=2 its caller's (the
# usual way a library points at the code that called it deprecated).
import os
import sys
import warnings


def deprecated_api():
    warnings.warn("deprecated_api is deprecated", DeprecationWarning, stacklevel=2)
    return 1


def own_line():
    warnings.warn("from here")


def two_up():
    helper()


def helper():
    warnings.warn("two levels up", UserWarning, stacklevel=3)


class Thing:
    @property
    def old(self):
        warnings.warn("Thing.old is deprecated", DeprecationWarning, stacklevel=2)
        return 5


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    deprecated_api()
    own_line()
    two_up()
    value = Thing().old
    warnings.warn("module level")
    warnings.warn("too deep", stacklevel=50)

for w in caught:
    print(w.category.__name__, os.path.basename(w.filename), w.lineno, str(w.message))

# the default output: "file:line: Category: message" and the source line under it
warnings.showwarning = lambda message, category, filename, lineno, file=None, line=None: \
    sys.stdout.write(warnings.formatwarning(message, category, os.path.basename(filename), lineno,
                                            line if line is not None else
                                            __import__("linecache").getline(filename, lineno)))
deprecated_api()
own_line()
own_line()  # the same place warns once under the default filter
