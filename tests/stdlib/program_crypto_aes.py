"""AES-128 in CTR and CBC modes, in the style of pyaes (pure Python, bytes/bytearray/struct)."""
import struct
import binascii

def _xtime(a):
    a <<= 1
    if a & 0x100:
        a ^= 0x11b
    return a & 0xff

def _mul(a, b):
    r = 0
    while b:
        if b & 1:
            r ^= a
        a = _xtime(a)
        b >>= 1
    return r

def _make_sbox():
    inv = [0] * 256
    for x in range(1, 256):
        for y in range(1, 256):
            if _mul(x, y) == 1:
                inv[x] = y
                break
    sbox = []
    for x in range(256):
        b = inv[x]
        s = b
        for _ in range(4):
            b = ((b << 1) | (b >> 7)) & 0xff
            s ^= b
        sbox.append(s ^ 0x63)
    return sbox

S = _make_sbox()
Si = [0] * 256
for i, v in enumerate(S):
    Si[v] = i
rcon = [0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0x1b, 0x36]

T1 = [(_mul(s, 2) << 24) | (s << 16) | (s << 8) | _mul(s, 3) for s in S]
T2 = [((t >> 8) | ((t & 0xff) << 24)) & 0xffffffff for t in T1]
T3 = [((t >> 8) | ((t & 0xff) << 24)) & 0xffffffff for t in T2]
T4 = [((t >> 8) | ((t & 0xff) << 24)) & 0xffffffff for t in T3]


def _compact_word(word):
    return (word[0] << 24) | (word[1] << 16) | (word[2] << 8) | word[3]


class AES(object):
    number_of_rounds = {16: 10, 24: 12, 32: 14}

    def __init__(self, key):
        if len(key) not in (16, 24, 32):
            raise ValueError('Invalid key size')
        rounds = self.number_of_rounds[len(key)]
        self._Ke = [[0] * 4 for i in range(rounds + 1)]
        round_key_count = (rounds + 1) * 4
        KC = len(key) // 4
        tk = [struct.unpack('>i', key[i:i + 4])[0] for i in range(0, len(key), 4)]
        tk = [t & 0xffffffff for t in tk]
        for i in range(0, KC):
            self._Ke[i // 4][i % 4] = tk[i]
        rconpointer = 0
        t = KC
        while t < round_key_count:
            tt = tk[KC - 1]
            tk[0] ^= ((S[(tt >> 16) & 0xFF] << 24) ^
                      (S[(tt >> 8) & 0xFF] << 16) ^
                      (S[tt & 0xFF] << 8) ^
                      S[(tt >> 24) & 0xFF] ^
                      (rcon[rconpointer] << 24))
            rconpointer += 1
            for i in range(1, KC):
                tk[i] ^= tk[i - 1]
            j = 0
            while j < KC and t < round_key_count:
                self._Ke[t // 4][t % 4] = tk[j]
                j += 1
                t += 1
        self.rounds = rounds

    def encrypt(self, plaintext):
        if len(plaintext) != 16:
            raise ValueError('wrong block length')
        rounds = len(self._Ke) - 1
        (s1, s2, s3) = [1, 2, 3]
        a = [0, 0, 0, 0]
        t = [(_compact_word(plaintext[4 * i:4 * i + 4]) ^ self._Ke[0][i]) for i in range(0, 4)]
        for r in range(1, rounds):
            for i in range(0, 4):
                a[i] = (T1[(t[i] >> 24) & 0xFF] ^
                        T2[(t[(i + s1) % 4] >> 16) & 0xFF] ^
                        T3[(t[(i + s2) % 4] >> 8) & 0xFF] ^
                        T4[t[(i + s3) % 4] & 0xFF] ^
                        self._Ke[r][i])
            t = copy_list(a)
        result = []
        for i in range(0, 4):
            tt = self._Ke[rounds][i]
            result.append((S[(t[i] >> 24) & 0xFF] ^ (tt >> 24)) & 0xFF)
            result.append((S[(t[(i + s1) % 4] >> 16) & 0xFF] ^ (tt >> 16)) & 0xFF)
            result.append((S[(t[(i + s2) % 4] >> 8) & 0xFF] ^ (tt >> 8)) & 0xFF)
            result.append((S[t[(i + s3) % 4] & 0xFF] ^ tt) & 0xFF)
        return result


def copy_list(a):
    return a[:]


class Counter(object):
    def __init__(self, initial_value=1):
        self._counter = [((initial_value >> i) % 256) for i in range(128 - 8, -1, -8)]

    value = property(lambda s: s._counter)

    def increment(self):
        for i in range(len(self._counter) - 1, -1, -1):
            self._counter[i] += 1
            if self._counter[i] < 256:
                break
            self._counter[i] = 0
        else:
            self._counter = [0] * len(self._counter)


class AESModeOfOperationCTR(object):
    name = "Counter (CTR)"

    def __init__(self, key, counter=None):
        self._aes = AES(key)
        if counter is None:
            counter = Counter()
        self._counter = counter
        self._remaining_counter = []

    def encrypt(self, plaintext):
        while len(self._remaining_counter) < len(plaintext):
            self._remaining_counter += self._aes.encrypt(self._counter.value)
            self._counter.increment()
        plaintext = bytearray(plaintext)
        encrypted = [(p ^ c) for (p, c) in zip(plaintext, self._remaining_counter)]
        self._remaining_counter = self._remaining_counter[len(encrypted):]
        return bytes(encrypted)

    def decrypt(self, crypttext):
        return self.encrypt(crypttext)


def pkcs7_pad(data, block=16):
    n = block - len(data) % block
    return data + bytes([n]) * n


def pkcs7_unpad(data):
    return data[:-data[-1]]


class CBC(object):
    def __init__(self, key, iv):
        self._aes = AES(key)
        self._iv = bytearray(iv)

    def encrypt_all(self, data):
        data = pkcs7_pad(data)
        out = bytearray()
        prev = self._iv
        for off in range(0, len(data), 16):
            block = bytes(x ^ y for x, y in zip(data[off:off + 16], prev))
            enc = bytearray(self._aes.encrypt(block))
            out.extend(enc)
            prev = enc
        return bytes(out)


CLEARTEXT = b"This is a test. What could possibly go wrong? " * 20
KEY = b'\xa1\xf6%\x8c\x87}_\xcd\x89dHE8\xbf\xc9,'

aes = AESModeOfOperationCTR(KEY)
ct = aes.encrypt(CLEARTEXT)
print(len(ct), binascii.hexlify(ct[:32]).decode(), ct[-8:].hex())
pt = AESModeOfOperationCTR(KEY).decrypt(ct)
print(pt == CLEARTEXT, pt[:20])
key2 = bytes(range(16))
print(bytes(AES(key2).encrypt(bytes.fromhex('00112233445566778899aabbccddeeff'))).hex())
k256 = bytes(range(32))
print(bytes(AES(k256).encrypt(bytes.fromhex('00112233445566778899aabbccddeeff'))).hex())
cbc = CBC(key2, b'\x00' * 16).encrypt_all(b"hello world")
print(cbc.hex(' ', 4), len(pkcs7_unpad(pkcs7_pad(b"abc"))))
ba = bytearray(b"abcdef")
ba[0] ^= 0x20
ba[1:3] = b"XY"
del ba[-1]
ba += b"!"
print(ba, ba.upper(), bytes(ba).swapcase(), ba.find(b"d"), ba * 2, ba.hex(), list(ba[:2]))
print(struct.pack('>IHb', 0xdeadbeef, 513, -2), struct.unpack('<2H', b'\x01\x02\x03\x04'),
      struct.calcsize('>q3sxI'), struct.pack_into if False else None)
buf = bytearray(8)
struct.pack_into('<II', buf, 0, 1, 2)
print(buf, struct.unpack_from('<I', buf, 4), int.from_bytes(b'\x01\x00', 'little'), (258).to_bytes(2, 'big'))
print(binascii.crc32(CLEARTEXT), binascii.unhexlify('4142'), bytes.fromhex('de ad'), memoryview(b'ab').tobytes() if False else 1)
