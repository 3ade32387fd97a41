# Monte Carlo estimate of pi from `samples` points. The points come from a 31-bit linear
# congruential generator written in the program (the native/WASM kernel uses splitmix64, which
# needs unsigned 64-bit wrap-around; the amount of work per sample is the same).
def monte_carlo_pi(samples, seed):
    state = seed
    inside = 0
    for i in range(samples):
        state = (state * 1103515245 + 12345) % 2147483648
        x = state / 2147483648.0
        state = (state * 1103515245 + 12345) % 2147483648
        y = state / 2147483648.0
        if x * x + y * y <= 1.0:
            inside += 1
    return 4.0 * inside / samples

samples = 1000000  # bench:param
pi = monte_carlo_pi(samples, 42)  # bench:work
print(pi)  # checks the result, not timed
