# A module-level __getattr__ (PEP 562) answers the names the module lacks: attribute reads,
# `from m import name`, hasattr and getattr with a default all go through it, and its
# AttributeError means "no such name".
import os, sys, tempfile

folder = tempfile.mkdtemp()
with open(os.path.join(folder, "lazy_names.py"), "w") as f:
    f.write(
        "calls = []\n"
        "present = 'here'\n"
        "def __getattr__(name):\n"
        "    calls.append(name)\n"
        "    if name.startswith('made_'):\n"
        "        return name[5:].upper()\n"
        "    if name == 'broken':\n"
        "        raise KeyError('not an attribute error')\n"
        "    raise AttributeError(f'module {__name__!r} has no attribute {name!r}')\n"
    )
sys.path.insert(0, folder)
import lazy_names

print(lazy_names.present, lazy_names.made_abc)
from lazy_names import made_xyz
print(made_xyz)
print(hasattr(lazy_names, "made_q"), hasattr(lazy_names, "missing"))
print(getattr(lazy_names, "missing", "default"))
try:
    lazy_names.missing
except AttributeError as e:
    print("AttributeError", "missing" in str(e))
try:
    from lazy_names import nothing_here
except ImportError as e:
    print("ImportError", type(e).__name__)
try:
    lazy_names.broken
except KeyError as e:
    print("KeyError", e)
# (CPython's import also asks for __path__; only the names the program used are shown)
print([n for n in lazy_names.calls if not n.startswith('__')])

import shutil
shutil.rmtree(folder)
