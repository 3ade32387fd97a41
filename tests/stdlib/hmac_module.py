import hashlib
import hmac

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
