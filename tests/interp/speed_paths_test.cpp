// Semantics the interpreter's speed-ups must keep: small dicts without an index, generator
// expressions consumed in place, slices taken without slice objects... Each expected output is
// CPython's.
#include <gtest/gtest.h>

#include "interp_helpers.h"

using ml::interp::testing::run;

namespace {

// Dicts below the size that gets an index are scanned: order, deletion, re-insertion, keys
// that are equal but not identical, and growing past the threshold and shrinking back.
TEST(SpeedPaths, SmallDictsKeepPythonSemantics) {
  EXPECT_EQ(run("d = {}\n"
                "for i in range(20):\n"
                "    d[i] = i * i\n"
                "    if i % 3 == 0: del d[i // 2]\n"
                "print(d)\n"
                "for k in list(d):\n"
                "    if k != 19: del d[k]\n"
                "d[1.0] = 'f'; d[True] = 't'; d['a'] = 1; d[(1, 2)] = 2\n"
                "print(d, len(d), d[1], (1, 2) in d, 2 in d)\n"
                "e = {'x': 1, 'y': 2}\n"
                "del e['x']; e['x'] = 3\n"
                "print(e, list(e.items()))\n"),
            "{2: 4, 5: 25, 8: 64, 10: 100, 11: 121, 12: 144, 13: 169, 14: 196, "
            "15: 225, 16: 256, 17: 289, 18: 324, 19: 361}\n"
            "{19: 361, 1.0: 't', 'a': 1, (1, 2): 2} 4 t True False\n"
            "{'y': 2, 'x': 3} [('y', 2), ('x', 3)]\n");
}

TEST(SpeedPaths, InstanceAttributesAcrossTheSmallDictThreshold) {
  EXPECT_EQ(run("class C:\n    def m(self): return 'method'\n"
                "c = C()\n"
                "for i in range(12): setattr(c, 'a%d' % i, i)\n"
                "for i in range(0, 12, 2): delattr(c, 'a%d' % i)\n"
                "c.m = lambda: 'shadow'\n"
                "print(sorted(vars(c)), c.m())\n"
                "del c.m\n"
                "print(c.m(), c.a11, hasattr(c, 'a10'))\n"),
            "['a1', 'a11', 'a3', 'a5', 'a7', 'a9', 'm'] shadow\n"
            "method 11 False\n");
}

}  // namespace
