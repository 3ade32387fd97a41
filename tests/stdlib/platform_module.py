import os
import platform
import sys


def kernel(name):
    with open("/proc/sys/kernel/" + name) as f:
        return f.read().strip()


print(platform.system(), platform.system() == kernel("ostype"))
print(platform.machine() == kernel("arch"), platform.release() == kernel("osrelease"))
print(platform.node() == kernel("hostname"), platform.version() == kernel("version"))
u = platform.uname()
print(type(u).__name__, u.system == platform.system(), u[4] == platform.machine(), len(tuple(u)[:5]))
print(platform.architecture()[0], platform.architecture()[1])
print(platform.python_version() == "%d.%d.%d" % sys.version_info[:3])
print(platform.python_version_tuple()[:2] == tuple(str(x) for x in sys.version_info[:2]))
print(platform.platform().startswith(platform.system() + "-" + platform.release() + "-" + platform.machine()))
print(platform.platform(terse=True).startswith(platform.system()))
print(isinstance(platform.python_implementation(), str), isinstance(platform.processor(), str))
