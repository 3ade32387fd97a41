// A kernels module whose exports all trap (built as kernels/test_trapping/kernels_simd.wasm by
// cmake/kernels.cmake): it loads and instantiates, so auto-detection picks WebAssembly, and
// then every call traps, which must fall back to native for that call.
#include <stdint.h>
#define TRAP(name) __attribute__((export_name(#name))) void name(void) { __builtin_trap(); }
__attribute__((export_name("mlk_fibonacci"))) int64_t mlk_fibonacci(int32_t n) {
  if (n >= 0) __builtin_trap();
  return 0;
}
TRAP(mlk_fibonacci_recursive) TRAP(mlk_prime_factors) TRAP(mlk_gcd) TRAP(mlk_lcm)
TRAP(mlk_factorial_limbs_needed) TRAP(mlk_factorial) TRAP(mlk_matrix_multiply) TRAP(mlk_matrix_transpose)
TRAP(mlk_matrix_multiply_panel_width) TRAP(mlk_matrix_multiply_scratch_doubles) TRAP(mlk_image_box_blur_scratch_bytes)
TRAP(mlk_matrix_determinant) TRAP(mlk_string_reverse) TRAP(mlk_string_is_palindrome) TRAP(mlk_string_table_size)
TRAP(mlk_string_char_frequency) TRAP(mlk_string_longest_unique) TRAP(mlk_fnv1a64) TRAP(mlk_sha256)
TRAP(mlk_xor_cipher) TRAP(mlk_data_sort) TRAP(mlk_data_sum) TRAP(mlk_binary_search) TRAP(mlk_linear_search)
TRAP(mlk_json_parse) TRAP(mlk_json_tape_stats) TRAP(mlk_json_stringify) TRAP(mlk_image_box_blur)
TRAP(mlk_image_gaussian_blur) TRAP(mlk_monte_carlo_pi)
