# XOR cipher over a byte buffer with a repeating 16-byte key (the seed's "XOR cipher (1MB)").
# `multilingual bench` sets the `# bench:param` lines and times the `# bench:work` lines.
def xor_cipher(data, key):
    n = len(data)
    k = len(key)
    out = [0] * n
    for i in range(n):
        out[i] = data[i] ^ key[i % k]
    return out

nbytes = 1048576  # bench:param
data = [(i * 31 + 7) % 256 for i in range(nbytes)]
key = [ord(ch) for ch in "multilingual-key"]
out = xor_cipher(data, key)  # bench:work
print(sum(out))  # checks the result, not timed
