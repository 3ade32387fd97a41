"""Random numbers for secrets (Python's secrets): from the operating system (os.urandom)."""
import base64
import binascii
import os
import random as _random

__all__ = ["choice", "randbelow", "randbits", "SystemRandom", "token_bytes", "token_hex",
           "token_urlsafe", "compare_digest"]

DEFAULT_ENTROPY = 32


class SystemRandom(_random.Random):
    """random.Random over os.urandom: not seedable, nothing to save or restore."""

    def random(self):
        return (int.from_bytes(os.urandom(7), "big") >> 3) * 2 ** -53

    def getrandbits(self, k):
        if k < 0:
            raise ValueError("number of bits must be non-negative")
        numbytes = (k + 7) // 8
        x = int.from_bytes(os.urandom(numbytes), "big")
        return x >> (numbytes * 8 - k)

    def seed(self, *args, **kwds):
        return None

    def getstate(self):
        raise NotImplementedError("System entropy source does not have state.")

    setstate = getstate


_sysrand = SystemRandom()
randbits = _sysrand.getrandbits
choice = _sysrand.choice


def randbelow(exclusive_upper_bound):
    if exclusive_upper_bound <= 0:
        raise ValueError("Upper bound must be positive.")
    return _sysrand._randbelow(exclusive_upper_bound) if hasattr(_sysrand, "_randbelow") \
        else _sysrand.randrange(exclusive_upper_bound)


def token_bytes(nbytes=None):
    return os.urandom(DEFAULT_ENTROPY if nbytes is None else nbytes)


def token_hex(nbytes=None):
    return binascii.hexlify(token_bytes(nbytes)).decode("ascii")


def token_urlsafe(nbytes=None):
    tok = token_bytes(nbytes)
    return base64.urlsafe_b64encode(tok).rstrip(b"=").decode("ascii")


def compare_digest(a, b):
    if isinstance(a, str) != isinstance(b, str):
        raise TypeError("unsupported operand types")
    if isinstance(a, str):
        a, b = a.encode(), b.encode()
    result = len(a) ^ len(b)
    for x, y in zip(a, b):
        result |= x ^ y
    return result == 0
