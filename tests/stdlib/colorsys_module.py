import colorsys
for rgb in [(0.2, 0.4, 0.4), (1.0, 0.0, 0.0), (0.0, 1.0, 0.5), (0.5, 0.5, 0.5), (0.9, 0.1, 0.7), (0.1, 0.2, 0.9)]:
    hsv = colorsys.rgb_to_hsv(*rgb)
    hls = colorsys.rgb_to_hls(*rgb)
    yiq = colorsys.rgb_to_yiq(*rgb)
    print([round(x, 6) for x in hsv], [round(x, 6) for x in colorsys.hsv_to_rgb(*hsv)])
    print([round(x, 6) for x in hls], [round(x, 6) for x in colorsys.hls_to_rgb(*hls)])
    print([round(x, 6) for x in yiq], [round(x, 6) for x in colorsys.yiq_to_rgb(*yiq)])
print(colorsys.hsv_to_rgb(0.5, 0.0, 0.3), colorsys.hls_to_rgb(0.1, 0.4, 0.0))
for h in range(7):
    print([round(x, 4) for x in colorsys.hsv_to_rgb(h / 6 + 0.05, 0.8, 0.9)])
