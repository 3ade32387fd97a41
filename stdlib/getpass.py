"""Asking for a password and finding the user's name (Python's getpass). getuser reads LOGNAME,
USER, LNAME and USERNAME, then the password database; getpass prompts on stderr and reads a line
from stdin (echo cannot be turned off here, so it warns first, as CPython does without a
terminal)."""
import os
import sys
import warnings

__all__ = ["getpass", "getuser", "GetPassWarning"]


class GetPassWarning(UserWarning):
    pass


def getuser():
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        user = os.environ.get(name)
        if user:
            return user
    try:
        uid = os.getuid()
        with open("/etc/passwd") as f:
            for line in f:
                fields = line.split(":")
                if len(fields) > 2 and fields[2] == str(uid):
                    return fields[0]
    except (OSError, AttributeError):
        pass
    raise OSError("No username set in the environment")


def getpass(prompt="Password: ", stream=None):
    if stream is None:
        stream = sys.stderr
    warnings.warn("Can not control echo on the terminal.", GetPassWarning, stacklevel=2)
    print("Warning: Password input may be echoed.", file=stream)
    stream.write(prompt)
    stream.flush()
    line = sys.stdin.readline()
    if not line:
        raise EOFError
    if line[-1] == "\n":
        line = line[:-1]
    return line
