"""Facts about the machine and the interpreter (Python's platform): system, node, release,
version, machine, processor, uname, architecture, platform, python_version(_tuple),
python_implementation. The kernel facts come from /proc/sys/kernel, as uname(2) reports them."""
import collections
import sys

__all__ = ["system", "node", "release", "version", "machine", "processor", "uname",
           "architecture", "platform", "python_version", "python_version_tuple",
           "python_implementation", "python_compiler", "python_build"]

uname_result = collections.namedtuple("uname_result", "system node release version machine")
_uname_cache = None


def _kernel(name, default=""):
    try:
        with open("/proc/sys/kernel/" + name) as f:
            return f.read().strip()
    except OSError:
        return default


def uname():
    global _uname_cache
    if _uname_cache is None:
        system = _kernel("ostype") or {"linux": "Linux", "darwin": "Darwin",
                                       "win32": "Windows"}.get(sys.platform, sys.platform)
        machine = _kernel("arch")
        if not machine:
            machine = "x86_64" if sys.maxsize > 2 ** 32 else "i686"
        _uname_cache = uname_result(system, _kernel("hostname"), _kernel("osrelease"),
                                    _kernel("version"), machine)
    return _uname_cache


def system():
    return uname().system


def node():
    return uname().node


def release():
    return uname().release


def version():
    return uname().version


def machine():
    return uname().machine


def processor():
    return ""


def architecture(executable=sys.executable if hasattr(sys, "executable") else "", bits="", linkage=""):
    return ("64bit" if sys.maxsize > 2 ** 32 else "32bit", "ELF" if sys.platform == "linux" else "")


def platform(aliased=False, terse=False):
    u = uname()
    if terse:
        return "%s-%s" % (u.system, u.release)
    return "%s-%s-%s" % (u.system, u.release, u.machine)


def python_version_tuple():
    return tuple(str(x) for x in sys.version_info[:3])


def python_version():
    return ".".join(python_version_tuple())


def python_implementation():
    # This interpreter is not CPython; programs that test for "CPython" expect its C API.
    return "Multilingual"


def python_compiler():
    return ""


def python_build():
    return ("main", "")


def libc_ver(executable=None, lib="", version="", chunksize=16384):
    return (lib, version)
