"""_decimal, the module CPython's decimal takes its contents from (there, libmpdec in C): here
the same objects as decimal's. Programs import it to learn that the fast decimal is there and
that MAX_PREC contexts are practical; with coefficients that are the interpreter's GMP ints,
they are."""
from decimal import *
from decimal import __all__, DivisionImpossible, DivisionUndefined, ConversionSyntax
