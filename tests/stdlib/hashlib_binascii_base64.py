"""hashlib digests, binascii and base64 conversions, against CPython's values."""
import hashlib
import binascii
import base64

for name in ("md5", "sha1", "sha224", "sha256", "sha384", "sha512"):
    for data in (b"", b"abc", b"a" * 111, bytes(range(256))):
        print(name, len(data), getattr(hashlib, name)(data).hexdigest())
h = hashlib.sha256()
h.update(b"hello ")
c = h.copy()
h.update(b"world")
print(h.hexdigest(), c.hexdigest(), h.digest_size, h.block_size, h.name, hashlib.new("SHA1", b"x").hexdigest())
print(len(hashlib.sha512(b"q").digest()), "sha256" in hashlib.algorithms_guaranteed)
try:
    hashlib.sha256("text")
except TypeError as e:
    print("TypeError", e)
print(binascii.hexlify(b"\x00\xffab"), binascii.hexlify(b"abcd", "-"), binascii.unhexlify("deadBEEF"), binascii.a2b_hex(b"4142"))
print(binascii.crc32(b""), binascii.crc32(b"hello world"), binascii.crc32(b"world", binascii.crc32(b"hello ")), binascii.crc_hqx(b"abc", 0xFFFF))
print(binascii.b2a_base64(b"hi there"), binascii.b2a_base64(b"x", newline=False), binascii.a2b_base64(b"aGkgdGhlcmU=\n"))
for bad in ("abc", "zz"):
    try:
        binascii.unhexlify(bad)
    except binascii.Error as e:
        print("Error", e)
for data in (b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", bytes(range(250, 256))):
    e64 = base64.b64encode(data)
    print(e64, base64.b64decode(e64) == data, base64.urlsafe_b64encode(data), base64.b32encode(data), base64.b16encode(data))
    assert base64.b32decode(base64.b32encode(data)) == data and base64.b16decode(base64.b16encode(data)) == data
print(base64.b64decode("aGk="), base64.b64decode(b"aGk"[:3] + b"=", validate=False), base64.urlsafe_b64decode("-_8="), base64.b32decode("MZXW6==="))
print(base64.encodebytes(b"x" * 60), base64.decodebytes(b"eHh4\n"), base64.b64encode(b"\xfb\xff", altchars=b"-_"))
for bad in ("a", "abc"):
    try:
        base64.b64decode(bad)
    except binascii.Error as e:
        print("Error", e)
