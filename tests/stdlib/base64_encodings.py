# base64's Base32 (both alphabets), Ascii85, Base85 and file encode/decode, and binascii's
# Base64 and CRC-32, with their errors, as CPython gives them.
import base64, binascii
for d in [b"", b"a", b"ab", b"abc", b"abcd", b"abcde", b"abcdef", bytes(range(256))]:
    for enc, dec in [(base64.b32encode, base64.b32decode), (base64.b32hexencode, base64.b32hexdecode)]:
        e = enc(d)
        assert dec(e) == d, (d, e)
        assert dec(e.lower(), casefold=True) == d
print(base64.b32encode(b"hello"), base64.b32hexencode(b"hello"))
for bad in [b"MZXW6===x", b"MZXW6=======", b"MZ=W6===", b"MZXW6YQ1", b"mzxw6yq=", b"MZXW 6YQ="]:
    try:
        print(base64.b32decode(bad))
    except binascii.Error as e:
        print("Error", e)
print(base64.b32decode(b"MZXW6YQ=", map01=None), base64.b32decode(b"0ZXW6YQ=", map01=b"L"))
print(base64.a85encode(b"hello world", adobe=True, wrapcol=5), base64.a85decode(b"<~BOu!rD]j7BEbo7~>", adobe=True))
print(base64.a85encode(b"\0\0\0\0    ", foldspaces=True), base64.a85decode(b"zy", foldspaces=True))
print(base64.b85encode(b"hello"), base64.b85decode(base64.b85encode(b"hello", pad=True)))
for bad in [b"~>", b"abc~d"]:
    try:
        print(base64.a85decode(bad))
    except ValueError as e:
        print("ValueError", e)
try:
    base64.b85decode(b"ab\x00cd")
except ValueError as e:
    print("ValueError", e)
import io
src = io.BytesIO(bytes(range(200))); dst = io.BytesIO()
base64.encode(src, dst); print(dst.getvalue())
back = io.BytesIO(); base64.decode(io.BytesIO(dst.getvalue()), back); print(back.getvalue() == bytes(range(200)))
print(binascii.a2b_base64(b"aGVs\nbG8=\n"), binascii.a2b_base64(b"aGVsbG8=\n"), binascii.a2b_base64("aGVsbG8"[:4]))
try:
    binascii.a2b_base64(b"aGVsbG8\n", strict_mode=True)
except binascii.Error as e:
    print("Error", e)
print(binascii.b2a_base64(b"hi"), binascii.b2a_base64(b"hi", newline=False), binascii.crc32(b"hello"))
