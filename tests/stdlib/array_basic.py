import array
a = array.array('B', [0] * 6)
a[1] = 255; a[2] = 7
print(a, len(a), a.tobytes(), a[1:3], a.itemsize)
try:
    a[0] = 256
except OverflowError as e: print(e)
b = array.array('i', [1, -2]); b.append(3); print(b, b.tobytes(), sum(b), list(reversed(b)))
print(array.array('h', b'\x01\x00\xff\xff'))
