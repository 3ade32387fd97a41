"""The parts of sys made on first use: sys.__getattr__ calls lookup(name), which makes the value,
stores it in sys (later reads find it there) and returns it. version_info, flags, float_info,
int_info and hash_info are named tuples printed as CPython's structseqs (sys.flags(...)); the
values are those of the 64-bit CPython 3.11 this implementation follows."""

import sys as _sys
from _namedtuple import namedtuple as _namedtuple


def _structseq(name, fields, values):
    cls = _namedtuple(name, fields, module="sys")
    base_repr = cls.__repr__

    def __repr__(self):
        return "sys." + base_repr(self)

    cls.__repr__ = __repr__
    return cls(*values)


def _version_info():
    return _structseq("version_info", "major minor micro releaselevel serial", (3, 11, 0, "final", 0))


def _implementation():
    from types import SimpleNamespace
    return SimpleNamespace(name="multilingual", cache_tag=None, version=_sys.version_info,
                           hexversion=_sys.hexversion, _multiarch="x86_64-linux-gnu")


def _flags():
    fields = ("debug inspect interactive optimize dont_write_bytecode no_user_site no_site "
              "ignore_environment verbose bytes_warning quiet hash_randomization isolated "
              "dev_mode utf8_mode warn_default_encoding safe_path int_max_str_digits")
    return _structseq("flags", fields, (0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, False, 0, 0, False, -1))


def _float_info():
    fields = "max max_exp max_10_exp min min_exp min_10_exp dig mant_dig epsilon radix rounds"
    return _structseq("float_info", fields, (1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308,
                                            -1021, -307, 15, 53, 2.220446049250313e-16, 2, 1))


def _int_info():
    fields = "bits_per_digit sizeof_digit default_max_str_digits str_digits_check_threshold"
    return _structseq("int_info", fields, (30, 4, 4300, 640))


def _hash_info():
    fields = "width modulus inf nan imag algorithm hash_bits seed_bits cutoff"
    return _structseq("hash_info", fields, (64, 2305843009213693951, 314159, 0, 1000003, "siphash13", 64, 128, 0))


_switch_interval = [0.005]


def _getswitchinterval():
    def getswitchinterval():
        return _switch_interval[0]
    return getswitchinterval


def _setswitchinterval():
    def setswitchinterval(interval):
        interval = float(interval)
        if interval <= 0:
            raise ValueError("switch interval must be strictly positive")
        _switch_interval[0] = interval
    return setswitchinterval


_MAKERS = {
    "version_info": _version_info,
    "implementation": _implementation,
    "flags": _flags,
    "float_info": _float_info,
    "int_info": _int_info,
    "hash_info": _hash_info,
    "float_repr_style": lambda: "short",
    "abiflags": lambda: "",
    "api_version": lambda: 1013,
    "warnoptions": list,
    "getfilesystemencoding": lambda: (lambda: "utf-8"),
    "getfilesystemencodeerrors": lambda: (lambda: "surrogateescape"),
    "getswitchinterval": _getswitchinterval,
    "setswitchinterval": _setswitchinterval,
}


def lookup(name):
    make = _MAKERS.get(name)
    if make is None:
        raise AttributeError(name)
    value = make()
    setattr(_sys, name, value)
    return value
