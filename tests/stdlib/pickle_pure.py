# None in sys.modules blocks an import, as in Python: hiding _pickle before the first import of
# pickle leaves its Python Pickler and Unpickler, which write the same bytes.
import sys

sys.modules["_pickle"] = None
import pickle

print(pickle.Pickler.__module__, pickle.Unpickler.__module__, pickle.dumps.__module__)
try:
    import _pickle
except ModuleNotFoundError as e:
    print("ModuleNotFoundError", e, e.name)
data = pickle.dumps({"a": [1, 2.5, "x"], "b": (None, True)}, 4)
print(data)
print(pickle.loads(data))
print(pickle.dumps([list(range(3))] * 2, 2))
