# 3x3 box blur (separable, clamped edges, each pass rounded to nearest) of an RGB image stored as
# a flat list of bytes, like the image_blur kernel with radius 1.
def box_blur(px, w, h):
    stride = w * 3
    tmp = [0] * (stride * h)
    out = [0] * (stride * h)
    for y in range(h):
        base = y * stride
        for x in range(w):
            xl = base + max(x - 1, 0) * 3
            xm = base + x * 3
            xr = base + min(x + 1, w - 1) * 3
            for c in range(3):
                tmp[xm + c] = (px[xl + c] + px[xm + c] + px[xr + c] + 1) // 3
    for y in range(h):
        up = max(y - 1, 0) * stride
        mid = y * stride
        dn = min(y + 1, h - 1) * stride
        for i in range(stride):
            out[mid + i] = (tmp[up + i] + tmp[mid + i] + tmp[dn + i] + 1) // 3
    return out

width = 1024  # bench:param
height = 1024  # bench:param
px = [(i * 7 + i // 1024) % 256 for i in range(width * height * 3)]
out = box_blur(px, width, height)  # bench:work
print(sum(out))  # checks the result, not timed
