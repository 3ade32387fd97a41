import io
import sys
import unittest

log = []


class Basics(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append("setUpClass")

    @classmethod
    def tearDownClass(cls):
        log.append("tearDownClass")

    def setUp(self):
        self.items = [1, 2, 3]
        self.addCleanup(log.append, "cleanup " + self._testMethodName)

    def tearDown(self):
        log.append("tearDown " + self._testMethodName)

    def test_asserts(self):
        """All the assertions that pass."""
        self.assertEqual(self.items, [1, 2, 3])
        self.assertNotEqual(1, 2)
        self.assertTrue([0])
        self.assertFalse("")
        self.assertIs(None, None)
        self.assertIsNot([], [])
        self.assertIsNone(None)
        self.assertIsNotNone(0)
        self.assertIn(2, self.items)
        self.assertNotIn(5, self.items)
        self.assertIsInstance(1, int)
        self.assertNotIsInstance(1, str)
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertAlmostEqual(1.0, 1.05, delta=0.1)
        self.assertNotAlmostEqual(1.0, 1.1)
        self.assertGreater(2, 1)
        self.assertGreaterEqual(2, 2)
        self.assertLess(1, 2)
        self.assertLessEqual(2, 2)
        self.assertCountEqual([3, 1, 2, 1], [1, 1, 2, 3])
        self.assertRegex("hello world", r"w.r")
        self.assertNotRegex("hello", r"\d")
        self.assertListEqual([1], [1])
        self.assertDictEqual({"a": 1}, {"a": 1})
        with self.assertRaises(ZeroDivisionError) as cm:
            1 / 0
        self.assertIsInstance(cm.exception, ZeroDivisionError)
        self.assertRaises(KeyError, {}.__getitem__, "x")
        with self.assertRaisesRegex(ValueError, "invalid literal"):
            int("x")

    def test_failures_report(self):
        checks = [
            lambda: self.assertEqual(1, 2),
            lambda: self.assertEqual("a", "b", "custom"),
            lambda: self.assertTrue(0),
            lambda: self.assertIn(9, [1, 2]),
            lambda: self.assertIsNone(5),
            lambda: self.assertAlmostEqual(1.0, 1.1),
            lambda: self.assertGreater(1, 2),
            lambda: self.assertIsInstance("s", int),
            lambda: self.assertCountEqual([1, 2], [1, 3]),
            lambda: self.assertRaises(KeyError, lambda: None),
            lambda: self.assertNotEqual(3, 3),
        ]
        for check in checks:
            try:
                check()
            except AssertionError as e:
                print("AssertionError:", e)

    @unittest.skip("not today")
    def test_skipped(self):
        raise RuntimeError("never runs")

    @unittest.skipIf(True, "condition held")
    def test_skip_if(self):
        pass

    @unittest.skipUnless(sys.platform == "linux", "needs linux")
    def test_skip_unless(self):
        self.assertEqual(sys.platform, "linux")


class Outcomes(unittest.TestCase):
    def test_a_fails(self):
        self.assertEqual([1, 2], [1, 3])

    def test_b_errors(self):
        {}["missing"]

    @unittest.expectedFailure
    def test_c_expected(self):
        self.assertEqual(1, 0)

    @unittest.expectedFailure
    def test_d_unexpected_success(self):
        pass

    def test_e_subtests(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertEqual(i % 2, 0)

    def test_f_skiptest(self):
        self.skipTest("skipped from inside")


def report(result, stream):
    text = stream.getvalue()
    print(text.splitlines()[0])
    for line in text.splitlines():
        if line.startswith(("FAIL:", "ERROR:", "UNEXPECTED", "AssertionError", "KeyError", "OK", "FAILED")):
            print(line)
        elif line.startswith("Ran "):
            print(line.split(" in ")[0])
    print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped),
          len(result.expectedFailures), len(result.unexpectedSuccesses), result.wasSuccessful())


loader = unittest.TestLoader()
print(loader.getTestCaseNames(Outcomes))
suite = loader.loadTestsFromTestCase(Basics)
print(suite.countTestCases())
stream = io.StringIO()
result = unittest.TextTestRunner(stream=stream).run(suite)
report(result, stream)
print(log)
stream = io.StringIO()
result = unittest.TextTestRunner(stream=stream, verbosity=2).run(loader.loadTestsFromTestCase(Outcomes))
report(result, stream)
for line in stream.getvalue().splitlines():
    if " ... " in line:
        print(line)
t = Basics("test_asserts")
print(str(t), t.id(), t.shortDescription())
print(unittest.TestCase.failureException is AssertionError)
sys.stderr = io.StringIO()
try:
    unittest.main(argv=["prog", "Basics"])
except SystemExit as e:
    print("exit", e.code)
try:
    unittest.main(argv=["prog", "Outcomes.test_a_fails"])
except SystemExit as e:
    print("exit", e.code)
prog = unittest.main(argv=["prog"], exit=False)
print(prog.result.testsRun, prog.result.wasSuccessful())
sys.stderr = sys.__stderr__
