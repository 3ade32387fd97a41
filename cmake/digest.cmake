# cmake -DIN=<file> -P digest.cmake: writes <file>.sha256, the file's SHA-256 in hex, which the
# runtime checks before using the module (a corrupted module must not load and answer wrongly).
file(SHA256 "${IN}" digest)
file(WRITE "${IN}.sha256" "${digest}\n")
