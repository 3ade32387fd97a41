"""Unit testing (Python's unittest): the test cases live in unittest.case, the suites, results,
runner, loader and main in unittest.runner; this package gathers their names."""
from unittest.case import (SkipTest, TestCase, FunctionTestCase, IsolatedAsyncioTestCase, skip,
                           skipIf, skipUnless, expectedFailure)
from unittest.runner import (TestSuite, TestResult, TextTestResult, TextTestRunner, TestLoader,
                             TestProgram, defaultTestLoader, main)

__all__ = ["TestCase", "TestSuite", "TestLoader", "TextTestRunner", "TestResult", "main",
           "skip", "skipIf", "skipUnless", "expectedFailure", "SkipTest", "defaultTestLoader",
           "TextTestResult", "FunctionTestCase", "IsolatedAsyncioTestCase", "TestProgram"]
