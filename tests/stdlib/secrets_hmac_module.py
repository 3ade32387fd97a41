import hashlib
import hmac
import secrets

print(hmac.new(b"key", b"The quick brown fox jumps over the lazy dog", hashlib.sha256).hexdigest())
print(hmac.new(b"key", b"The quick brown fox jumps over the lazy dog", "md5").hexdigest())
h = hmac.new(b"k" * 100, digestmod="sha1")
h.update(b"part one, ")
c = h.copy()
h.update(b"part two")
print(h.hexdigest(), c.hexdigest(), h.name, h.digest_size, h.block_size)
print(hmac.digest(b"secret", b"msg", "sha512").hex()[:32])
print(hmac.new(b"", b"", hashlib.sha256).digest().hex())
print(hmac.compare_digest(b"abc", b"abc"), hmac.compare_digest(b"abc", b"abd"),
      hmac.compare_digest("abc", "abc"), hmac.compare_digest(b"ab", b"abc"))
try:
    hmac.new(b"k")
except TypeError as e:
    print("TypeError", e)
try:
    hmac.compare_digest("a", b"a")
except TypeError as e:
    print("TypeError")
t = secrets.token_hex(16)
print(len(t), all(ch in "0123456789abcdef" for ch in t), len(secrets.token_hex()))
print(len(secrets.token_bytes(10)), type(secrets.token_bytes()).__name__, len(secrets.token_bytes()))
u = secrets.token_urlsafe(16)
print(len(u), all(ch.isalnum() or ch in "-_" for ch in u))
print(all(0 <= secrets.randbelow(7) < 7 for _ in range(50)))
print(secrets.choice("aaaa"), 0 <= secrets.randbits(8) < 256)
print(secrets.compare_digest(b"x", b"x"))
try:
    secrets.randbelow(0)
except ValueError as e:
    print("ValueError", e)
