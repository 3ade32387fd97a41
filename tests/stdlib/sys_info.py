# sys.version_info, implementation, flags, float_info, int_info and hash_info: named tuples
# (and a namespace) with CPython's fields, as programs read them.
import sys

v = sys.version_info
print(v[:2] >= (3, 8), v.major == v[0], v.minor == v[1], type(v.micro).__name__, v.releaselevel in ("alpha", "beta", "candidate", "final"))
print(len(v), tuple(v) == (v.major, v.minor, v.micro, v.releaselevel, v.serial))
print(repr(v).startswith("sys.version_info(major=3, minor="))
impl = sys.implementation
print(type(impl.name).__name__, impl.name == impl.name.lower(), impl.version == sys.version_info)
print(sys.hexversion == impl.hexversion, hasattr(impl, "cache_tag"))
f = sys.flags
print(f.optimize, f.verbose, f.debug, f.quiet, f.isolated, type(f.dev_mode).__name__)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.mant_dig, sys.float_info.dig)
print(sys.float_info.max == 1.7976931348623157e308, sys.float_info.min)
print(sys.int_info.bits_per_digit, sys.int_info.default_max_str_digits)
print(sys.hash_info.modulus == 2 ** 61 - 1, sys.hash_info.inf, sys.hash_info.width)
print(sys.float_repr_style, sys.getfilesystemencoding(), sys.warnoptions)
old = sys.getswitchinterval()
sys.setswitchinterval(0.01)
print(old, sys.getswitchinterval())
sys.setswitchinterval(old)
print(hasattr(sys, "no_such_attribute_here"), getattr(sys, "no_such_attribute_here", 7))
try:
    sys.no_such_attribute_here
except AttributeError as e:
    print("AttributeError")
