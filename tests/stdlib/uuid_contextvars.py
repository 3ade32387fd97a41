import uuid, contextvars

u = uuid.UUID("12345678-1234-5678-1234-567812345678")
print(u, repr(u), u.hex, u.int, u.version, u.variant, u.urn)
print(u.bytes, u.bytes_le, u.fields, u.time_low, u.node, u.clock_seq)
print(uuid.UUID("{12345678-1234-5678-1234-567812345678}") == u, uuid.UUID(int=u.int) == u, uuid.UUID(bytes=u.bytes) == u)
print(uuid.UUID(bytes_le=u.bytes_le) == u, uuid.UUID(fields=u.fields) == u, hash(u) == hash(uuid.UUID(u.hex)))
print(uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid3(uuid.NAMESPACE_DNS, "python.org"))
print(uuid.uuid5(uuid.NAMESPACE_URL, "https://example.com/a"), uuid.NAMESPACE_OID)
r = uuid.uuid4()
print(r.version, r.variant, len(str(r)), str(r)[14], r != uuid.uuid4(), isinstance(r, uuid.UUID))
t = uuid.uuid1()
print(t.version, t.variant, len(t.hex))
print(sorted([uuid.UUID(int=3), uuid.UUID(int=1), uuid.UUID(int=2)]))
print(uuid.UUID("12345678123456781234567812345678", version=4))
for bad in ("xyz", "1234"):
    try:
        uuid.UUID(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    u.x = 1
except TypeError as e:
    print("TypeError:", e)
try:
    uuid.UUID()
except TypeError as e:
    print("TypeError:", e)

var = contextvars.ContextVar("var", default=0)
print(var.name, var.get(), var.get(5))
tok = var.set(1)
print(var.get(), tok.var is var, tok.old_value is contextvars.Token.MISSING)
ctx = contextvars.copy_context()
tok2 = var.set(2)
print(var.get(), ctx[var], ctx.get(var), var in ctx, len(ctx), list(ctx.keys()) == [var])
def inside(x):
    var.set(x)
    return var.get()
print(ctx.run(inside, 99), ctx[var], var.get())
var.reset(tok2)
print(var.get())
var.reset(tok)
print(var.get())
try:
    var.reset(tok)
except RuntimeError as e:
    print("RuntimeError", "used" in str(e))
nodefault = contextvars.ContextVar("nd")
try:
    nodefault.get()
except LookupError as e:
    print("LookupError", type(e.args[0]).__name__)
other = contextvars.ContextVar("other")
t3 = other.set("x")
try:
    var.reset(t3)
except ValueError as e:
    print("ValueError", "different ContextVar" in str(e))
def reenter():
    ctx.run(lambda: None)
try:
    ctx.run(reenter)
except RuntimeError as e:
    print("RuntimeError", "already entered" in str(e))
c2 = contextvars.Context()
print(len(c2), c2.run(lambda: nodefault.get("fallback")))

# more than one getentropy call (256 bytes each)
import os
b = os.urandom(1000)
print(len(b), len(set(b)) > 100, os.urandom(0))
