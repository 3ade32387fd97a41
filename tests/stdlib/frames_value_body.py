# Frames of functions whose bodies are only ifs and returns: f_lineno is the line running.
import sys


def line_of_caller():
    return sys._getframe(1).f_lineno


def here():
    return sys._getframe(0).f_lineno


def one_return():
    return line_of_caller()


def pick(n):
    if n < 0:
        return line_of_caller()
    elif n == 0:
        return line_of_caller()
    return line_of_caller()


def nested(n):
    if n > 0:
        if n > 10:
            return line_of_caller()
        return line_of_caller()
    return line_of_caller()


def falls_off(n):
    if n:
        return line_of_caller()


print(here(), one_return())
print(pick(-1), pick(0), pick(1))
print(nested(20), nested(5), nested(0))
print(falls_off(1), falls_off(0))
print((lambda: sys._getframe(0).f_lineno)())
