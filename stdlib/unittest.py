"""Unit testing (Python's unittest): TestCase with the assert* methods, setUp/tearDown and their
class forms, addCleanup, subTest, the skip decorators and expectedFailure; TestSuite,
TestLoader, TestResult, TextTestRunner and main, printing the report CPython prints (dots and
letters, the failures with their tracebacks, "Ran N tests in Xs", OK or FAILED (...)) on stderr
and exiting with status 0 or 1."""
import sys
import time
import traceback
import contextlib

__all__ = ["TestCase", "TestSuite", "TestLoader", "TextTestRunner", "TestResult", "main",
           "skip", "skipIf", "skipUnless", "expectedFailure", "SkipTest", "defaultTestLoader",
           "TextTestResult", "FunctionTestCase", "IsolatedAsyncioTestCase"]


class SkipTest(Exception):
    pass


class _ShouldStop(Exception):
    pass


def _id(obj):
    return obj


def skip(reason):
    def decorator(test_item):
        if not isinstance(test_item, type):
            def skip_wrapper(*args, **kwargs):
                raise SkipTest(reason)
            skip_wrapper.__name__ = getattr(test_item, "__name__", "skip_wrapper")
            skip_wrapper.__doc__ = getattr(test_item, "__doc__", None)
            test_item = skip_wrapper
        test_item.__unittest_skip__ = True
        test_item.__unittest_skip_why__ = reason
        return test_item
    if isinstance(reason, type(_id)):
        test_item = reason
        reason = ""
        return decorator(test_item)
    return decorator


def skipIf(condition, reason):
    if condition:
        return skip(reason)
    return _id


def skipUnless(condition, reason):
    if not condition:
        return skip(reason)
    return _id


def expectedFailure(test_item):
    test_item.__unittest_expecting_failure__ = True
    return test_item


def safe_repr(obj, short=False):
    try:
        result = repr(obj)
    except Exception:
        result = object.__repr__(obj)
    if not short or len(result) < 80:
        return result
    return result[:80] + " [truncated]..."


class _AssertRaisesContext:
    def __init__(self, expected, test_case, expected_regex=None, msg=None):
        self.expected = expected
        self.test_case = test_case
        self.expected_regex = expected_regex
        self.msg = msg
        self.exception = None
        self.obj_name = None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, tb):
        try:
            exc_name = self.expected.__name__
        except AttributeError:
            exc_name = str(self.expected)
        if exc_type is None:
            if self.obj_name:
                self.test_case.fail(self.test_case._formatMessage(
                    self.msg, "%s not raised by %s" % (exc_name, self.obj_name)))
            self.test_case.fail(self.test_case._formatMessage(self.msg, "%s not raised" % exc_name))
        if not issubclass(exc_type, self.expected):
            return False
        self.exception = exc_value
        if self.expected_regex is not None:
            import re
            regex = self.expected_regex
            if isinstance(regex, str):
                regex = re.compile(regex)
            if not regex.search(str(exc_value)):
                self.test_case.fail(self.test_case._formatMessage(
                    self.msg, '"%s" does not match "%s"' % (regex.pattern, str(exc_value))))
        return True


class _Outcome:
    def __init__(self, result):
        self.result = result
        self.success = True
        self.expecting_failure = False
        self.expectedFailure = None


class TestCase:
    failureException = AssertionError
    longMessage = True
    maxDiff = 80 * 8
    _classSetupFailed = False

    def __init__(self, methodName="runTest"):
        self._testMethodName = methodName
        self._outcome = None
        self._cleanups = []
        self._subtest = None
        try:
            testMethod = getattr(self, methodName)
        except AttributeError:
            if methodName != "runTest":
                raise ValueError("no such test method in %s: %s" % (self.__class__, methodName))
            self._testMethodDoc = None
        else:
            self._testMethodDoc = testMethod.__doc__

    def setUp(self):
        pass

    def tearDown(self):
        pass

    @classmethod
    def setUpClass(cls):
        pass

    @classmethod
    def tearDownClass(cls):
        pass

    def addCleanup(self, function, *args, **kwargs):
        self._cleanups.append((function, args, kwargs))

    def doCleanups(self):
        while self._cleanups:
            function, args, kwargs = self._cleanups.pop()
            function(*args, **kwargs)

    def countTestCases(self):
        return 1

    def defaultTestResult(self):
        return TestResult()

    def id(self):
        return "%s.%s.%s" % (self.__class__.__module__, self.__class__.__qualname__,
                             self._testMethodName)

    def shortDescription(self):
        doc = self._testMethodDoc
        return doc.strip().split("\n")[0].strip() if doc else None

    def __str__(self):
        return "%s (%s.%s.%s)" % (self._testMethodName, self.__class__.__module__,
                                  self.__class__.__qualname__, self._testMethodName)

    def __repr__(self):
        return "<%s.%s testMethod=%s>" % (self.__class__.__module__, self.__class__.__qualname__,
                                          self._testMethodName)

    def __eq__(self, other):
        if type(self) is not type(other):
            return NotImplemented
        return self._testMethodName == other._testMethodName

    def __hash__(self):
        return hash((type(self), self._testMethodName))

    def __call__(self, *args, **kwds):
        return self.run(*args, **kwds)

    @contextlib.contextmanager
    def subTest(self, msg=None, **params):
        parent = self._subtest
        self._subtest = _SubTest(self, msg, params)
        try:
            try:
                yield
            except KeyboardInterrupt:
                raise
            except SkipTest as e:
                self._outcome.result.addSkip(self._subtest, str(e))
            except self.failureException:
                self._outcome.success = False
                self._outcome.result.addSubTest(self, self._subtest, sys.exc_info())
            except BaseException:
                self._outcome.success = False
                self._outcome.result.addSubTest(self, self._subtest, sys.exc_info())
            else:
                self._outcome.result.addSubTest(self, self._subtest, None)
        finally:
            self._subtest = parent

    def _call_part(self, outcome, result, fn, is_test=False):
        try:
            fn()
        except KeyboardInterrupt:
            raise
        except SkipTest as e:
            outcome.success = False
            result.addSkip(self, str(e))
        except BaseException:
            exc_info = sys.exc_info()
            outcome.success = False
            if is_test and outcome.expecting_failure:
                outcome.expectedFailure = exc_info
            elif issubclass(exc_info[0], self.failureException):
                result.addFailure(self, exc_info)
            else:
                result.addError(self, exc_info)

    def run(self, result=None):
        if result is None:
            result = self.defaultTestResult()
        result.startTest(self)
        try:
            testMethod = getattr(self, self._testMethodName)
            if (getattr(self.__class__, "__unittest_skip__", False) or
                    getattr(testMethod, "__unittest_skip__", False)):
                why = (getattr(self.__class__, "__unittest_skip_why__", "")
                       or getattr(testMethod, "__unittest_skip_why__", ""))
                result.addSkip(self, why)
                return result
            outcome = _Outcome(result)
            outcome.expecting_failure = (getattr(self, "__unittest_expecting_failure__", False) or
                                         getattr(testMethod, "__unittest_expecting_failure__", False))
            self._outcome = outcome
            self._call_part(outcome, result, self.setUp)
            if outcome.success:
                self._call_part(outcome, result, testMethod, is_test=True)
                self._call_part(outcome, result, self.tearDown)
            self._call_part(outcome, result, self.doCleanups)
            if outcome.success:
                if outcome.expecting_failure:
                    result.addUnexpectedSuccess(self)
                else:
                    result.addSuccess(self)
            elif outcome.expectedFailure is not None:
                result.addExpectedFailure(self, outcome.expectedFailure)
            return result
        finally:
            result.stopTest(self)
            self._outcome = None

    def debug(self):
        self.setUp()
        getattr(self, self._testMethodName)()
        self.tearDown()
        self.doCleanups()

    def skipTest(self, reason):
        raise SkipTest(reason)

    def fail(self, msg=None):
        raise self.failureException(msg)

    def _formatMessage(self, msg, standardMsg):
        if not self.longMessage:
            return msg or standardMsg
        if msg is None:
            return standardMsg
        return "%s : %s" % (standardMsg, msg)

    def assertTrue(self, expr, msg=None):
        if not expr:
            self.fail(self._formatMessage(msg, "%s is not true" % safe_repr(expr)))

    def assertFalse(self, expr, msg=None):
        if expr:
            self.fail(self._formatMessage(msg, "%s is not false" % safe_repr(expr)))

    def assertEqual(self, first, second, msg=None):
        if type(first) is type(second):
            special = {list: self.assertListEqual, tuple: self.assertTupleEqual,
                       dict: self.assertDictEqual, set: self.assertSetEqual,
                       frozenset: self.assertSetEqual, str: self.assertMultiLineEqual}
            method = special.get(type(first))
            if method is not None:
                return method(first, second, msg)
        if not first == second:
            standardMsg = "%s != %s" % (safe_repr(first), safe_repr(second))
            self.fail(self._formatMessage(msg, standardMsg))

    def _truncateMessage(self, message, diff):
        if self.maxDiff is None or len(diff) <= self.maxDiff:
            return message + diff
        return message + "\nDiff is %s characters long. Set self.maxDiff to None to see it." % len(diff)

    assertEquals = assertEqual

    def assertNotEqual(self, first, second, msg=None):
        if not first != second:
            self.fail(self._formatMessage(msg, "%s == %s" % (safe_repr(first), safe_repr(second))))

    def assertAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        if first == second:
            return
        if delta is not None and places is not None:
            raise TypeError("specify delta or places not both")
        diff = abs(first - second)
        if delta is not None:
            if diff <= delta:
                return
            standardMsg = "%s != %s within %s delta (%s difference)" % (
                safe_repr(first), safe_repr(second), safe_repr(delta), safe_repr(diff))
        else:
            if places is None:
                places = 7
            if round(diff, places) == 0:
                return
            standardMsg = "%s != %s within %r places (%s difference)" % (
                safe_repr(first), safe_repr(second), places, safe_repr(diff))
        self.fail(self._formatMessage(msg, standardMsg))

    def assertNotAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        diff = abs(first - second)
        if delta is not None:
            if not (first == second) and diff > delta:
                return
            standardMsg = "%s == %s within %s delta (%s difference)" % (
                safe_repr(first), safe_repr(second), safe_repr(delta), safe_repr(diff))
        else:
            if places is None:
                places = 7
            if not (first == second) and round(diff, places) != 0:
                return
            standardMsg = "%s == %s within %r places" % (safe_repr(first), safe_repr(second), places)
        self.fail(self._formatMessage(msg, standardMsg))

    def assertIs(self, expr1, expr2, msg=None):
        if expr1 is not expr2:
            self.fail(self._formatMessage(msg, "%s is not %s" % (safe_repr(expr1), safe_repr(expr2))))

    def assertIsNot(self, expr1, expr2, msg=None):
        if expr1 is expr2:
            self.fail(self._formatMessage(msg, "unexpectedly identical: %s" % safe_repr(expr1)))

    def assertIsNone(self, obj, msg=None):
        if obj is not None:
            self.fail(self._formatMessage(msg, "%s is not None" % safe_repr(obj)))

    def assertIsNotNone(self, obj, msg=None):
        if obj is None:
            self.fail(self._formatMessage(msg, "unexpectedly None"))

    def assertIn(self, member, container, msg=None):
        if member not in container:
            self.fail(self._formatMessage(msg, "%s not found in %s" % (safe_repr(member),
                                                                        safe_repr(container))))

    def assertNotIn(self, member, container, msg=None):
        if member in container:
            self.fail(self._formatMessage(msg, "%s unexpectedly found in %s" % (
                safe_repr(member), safe_repr(container))))

    def assertIsInstance(self, obj, cls, msg=None):
        if not isinstance(obj, cls):
            self.fail(self._formatMessage(msg, "%s is not an instance of %r" % (safe_repr(obj), cls)))

    def assertNotIsInstance(self, obj, cls, msg=None):
        if isinstance(obj, cls):
            self.fail(self._formatMessage(msg, "%s is an instance of %r" % (safe_repr(obj), cls)))

    def _compare(self, a, b, op, word, msg):
        if not op(a, b):
            self.fail(self._formatMessage(msg, "%s not %s %s" % (safe_repr(a), word, safe_repr(b))))

    def assertGreater(self, a, b, msg=None):
        self._compare(a, b, lambda x, y: x > y, "greater than", msg)

    def assertGreaterEqual(self, a, b, msg=None):
        self._compare(a, b, lambda x, y: x >= y, "greater than or equal to", msg)

    def assertLess(self, a, b, msg=None):
        self._compare(a, b, lambda x, y: x < y, "less than", msg)

    def assertLessEqual(self, a, b, msg=None):
        self._compare(a, b, lambda x, y: x <= y, "less than or equal to", msg)

    def assertCountEqual(self, first, second, msg=None):
        first_seq, second_seq = list(first), list(second)
        missing = list(second_seq)
        unexpected = []
        for elem in first_seq:
            if elem in missing:
                missing.remove(elem)
            else:
                unexpected.append(elem)
        if missing or unexpected:
            lines = ["Element counts were not equal:"]
            for elem in unexpected + missing:
                lines.append("First has %d, Second has %d:  %s" % (
                    first_seq.count(elem), second_seq.count(elem), safe_repr(elem)))
            seen = []
            out = []
            for line in lines:
                if line not in seen:
                    seen.append(line)
                    out.append(line)
            self.fail(self._formatMessage(msg, "\n".join(out)))

    def assertSequenceEqual(self, seq1, seq2, msg=None, seq_type=None):
        import difflib
        import pprint
        if seq1 == seq2:
            return
        name = (seq_type or type(seq1)).__name__ if seq_type or type(seq1) is type(seq2) else "sequence"
        len1, len2 = len(seq1), len(seq2)
        differing = "%ss differ: %s != %s\n" % (name.capitalize(), safe_repr(seq1), safe_repr(seq2))
        for i in range(min(len1, len2)):
            if seq1[i] != seq2[i]:
                differing += "\nFirst differing element %d:\n%s\n%s\n" % (
                    i, safe_repr(seq1[i]), safe_repr(seq2[i]))
                break
        if len1 > len2:
            differing += "\nFirst sequence contains %d additional elements.\n" % (len1 - len2)
            differing += "First extra element %d:\n%s\n" % (len2, safe_repr(seq1[len2]))
        elif len1 < len2:
            differing += "\nSecond sequence contains %d additional elements.\n" % (len2 - len1)
            differing += "First extra element %d:\n%s\n" % (len1, safe_repr(seq2[len1]))
        diff = "\n" + "\n".join(difflib.ndiff(pprint.pformat(seq1).splitlines(),
                                               pprint.pformat(seq2).splitlines()))
        self.fail(self._formatMessage(msg, self._truncateMessage(differing, diff)))

    def assertListEqual(self, list1, list2, msg=None):
        self.assertSequenceEqual(list1, list2, msg, seq_type=list)

    def assertTupleEqual(self, tuple1, tuple2, msg=None):
        self.assertSequenceEqual(tuple1, tuple2, msg, seq_type=tuple)

    def assertSetEqual(self, set1, set2, msg=None):
        difference1 = set1.difference(set2)
        difference2 = set2.difference(set1)
        if not (difference1 or difference2):
            return
        lines = []
        if difference1:
            lines.append("Items in the first set but not the second:")
            lines.extend(repr(item) for item in difference1)
        if difference2:
            lines.append("Items in the second set but not the first:")
            lines.extend(repr(item) for item in difference2)
        self.fail(self._formatMessage(msg, "\n".join(lines)))

    def assertDictEqual(self, d1, d2, msg=None):
        import difflib
        import pprint
        if d1 != d2:
            standardMsg = "%s != %s" % (safe_repr(d1, True), safe_repr(d2, True))
            diff = "\n" + "\n".join(difflib.ndiff(pprint.pformat(d1).splitlines(),
                                                   pprint.pformat(d2).splitlines()))
            self.fail(self._formatMessage(msg, self._truncateMessage(standardMsg, diff)))

    def assertMultiLineEqual(self, first, second, msg=None):
        import difflib
        if first == second:
            return
        standardMsg = "%s != %s" % (safe_repr(first, True), safe_repr(second, True))
        if len(first) > 2 ** 16 or len(second) > 2 ** 16:
            self.fail(self._formatMessage(msg, standardMsg))
        first_presplit, second_presplit = first, second
        if first and second:
            if first[-1] != "\n" or second[-1] != "\n":
                first_presplit += "\n"
                second_presplit += "\n"
        elif second and second[-1] != "\n":
            second_presplit += "\n"
        elif first and first[-1] != "\n":
            first_presplit += "\n"
        diff = "\n" + "".join(difflib.ndiff(first_presplit.splitlines(True),
                                            second_presplit.splitlines(True)))
        self.fail(self._formatMessage(msg, self._truncateMessage(standardMsg, diff)))

    def assertRegex(self, text, expected_regex, msg=None):
        import re
        if isinstance(expected_regex, str):
            expected_regex = re.compile(expected_regex)
        if not expected_regex.search(text):
            self.fail(self._formatMessage(msg, "Regex didn't match: %r not found in %r" % (
                expected_regex.pattern, text)))

    def assertNotRegex(self, text, unexpected_regex, msg=None):
        import re
        if isinstance(unexpected_regex, str):
            unexpected_regex = re.compile(unexpected_regex)
        match = unexpected_regex.search(text)
        if match:
            self.fail(self._formatMessage(msg, "Regex matched: %r matches %r in %r" % (
                text[match.start():match.end()], unexpected_regex.pattern, text)))

    def assertRaises(self, expected_exception, *args, **kwargs):
        context = _AssertRaisesContext(expected_exception, self, msg=kwargs.pop("msg", None))
        if not args:
            return context
        callable_obj, args = args[0], args[1:]
        context.obj_name = getattr(callable_obj, "__name__", None) or str(callable_obj)
        with context:
            callable_obj(*args, **kwargs)

    def assertRaisesRegex(self, expected_exception, expected_regex, *args, **kwargs):
        context = _AssertRaisesContext(expected_exception, self, expected_regex,
                                       msg=kwargs.pop("msg", None))
        if not args:
            return context
        callable_obj, args = args[0], args[1:]
        with context:
            callable_obj(*args, **kwargs)

    def assertWarns(self, expected_warning, *args, **kwargs):
        import warnings
        context = contextlib.nullcontext() if not args else None
        if context is not None:
            return context
        callable_obj, args = args[0], args[1:]
        callable_obj(*args, **kwargs)


class _SubTest(TestCase):
    def __init__(self, test_case, message, params):
        self._testMethodName = "runTest"
        self._message = message
        self.test_case = test_case
        self.params = params
        self.failureException = test_case.failureException

    def _subDescription(self):
        parts = []
        if self._message is not None:
            parts.append("[{}]".format(self._message))
        if self.params:
            params_desc = ", ".join("{}={!r}".format(k, v) for (k, v) in self.params.items())
            parts.append("({})".format(params_desc))
        return " ".join(parts) or "(<subtest>)"

    def id(self):
        return "{} {}".format(self.test_case.id(), self._subDescription())

    def shortDescription(self):
        return self.test_case.shortDescription()

    def __str__(self):
        return "{} {}".format(self.test_case, self._subDescription())


class FunctionTestCase(TestCase):
    def __init__(self, testFunc, setUp=None, tearDown=None, description=None):
        super().__init__()
        self._setUpFunc = setUp
        self._tearDownFunc = tearDown
        self._testFunc = testFunc
        self._description = description

    def setUp(self):
        if self._setUpFunc is not None:
            self._setUpFunc()

    def tearDown(self):
        if self._tearDownFunc is not None:
            self._tearDownFunc()

    def runTest(self):
        self._testFunc()

    def id(self):
        return self._testFunc.__name__

    def __str__(self):
        return "%s (%s)" % (self.__class__.__name__, self._testFunc.__name__)


IsolatedAsyncioTestCase = TestCase


class TestSuite:
    def __init__(self, tests=()):
        self._tests = []
        self.addTests(tests)

    def __iter__(self):
        return iter(self._tests)

    def countTestCases(self):
        return sum(test.countTestCases() for test in self)

    def addTest(self, test):
        self._tests.append(test)

    def addTests(self, tests):
        for test in tests:
            self.addTest(test)

    def __call__(self, *args, **kwds):
        return self.run(*args, **kwds)

    def run(self, result):
        for test in self:
            if result.shouldStop:
                break
            if isinstance(test, TestCase):
                cls = test.__class__
                if not self._setup_class(cls, result):
                    continue
                test(result)
            else:
                test(result)
        self._teardown_classes(result)
        return result

    def _setup_class(self, cls, result):
        done = getattr(result, "_classes_set_up", None)
        if done is None:
            done = result._classes_set_up = {}
        if cls in done:
            return done[cls]
        self._teardown_classes(result)
        ok = True
        if not getattr(cls, "__unittest_skip__", False):
            try:
                cls.setUpClass()
            except BaseException:
                ok = False
                result.addError(_ErrorHolder("setUpClass (%s.%s)" % (cls.__module__, cls.__qualname__)),
                                sys.exc_info())
        done[cls] = ok
        result._class_to_tear_down = cls if ok else None
        return ok

    def _teardown_classes(self, result):
        cls = getattr(result, "_class_to_tear_down", None)
        if cls is None:
            return
        result._class_to_tear_down = None
        if getattr(cls, "__unittest_skip__", False):
            return
        try:
            cls.tearDownClass()
        except BaseException:
            result.addError(_ErrorHolder("tearDownClass (%s.%s)" % (cls.__module__, cls.__qualname__)),
                            sys.exc_info())


class _ErrorHolder:
    def __init__(self, description):
        self.description = description

    def id(self):
        return self.description

    def shortDescription(self):
        return None

    def __str__(self):
        return self.description

    def countTestCases(self):
        return 0


class TestResult:
    def __init__(self, stream=None, descriptions=None, verbosity=None):
        self.failures = []
        self.errors = []
        self.testsRun = 0
        self.skipped = []
        self.expectedFailures = []
        self.unexpectedSuccesses = []
        self.shouldStop = False
        self.buffer = False
        self.failfast = False

    def startTest(self, test):
        self.testsRun += 1

    def stopTest(self, test):
        pass

    def startTestRun(self):
        pass

    def stopTestRun(self):
        pass

    def _exc_info_to_string(self, err, test):
        exctype, value, tb = err
        lines = traceback.format_exception(exctype, value, tb)
        # The frames of this module (the runner, the assert methods) are left out, as CPython does.
        own = '  File "%s"' % __file__
        return "".join(line for line in lines if not line.startswith(own))

    def addError(self, test, err):
        self.errors.append((test, self._exc_info_to_string(err, test)))
        if self.failfast:
            self.stop()

    def addFailure(self, test, err):
        self.failures.append((test, self._exc_info_to_string(err, test)))
        if self.failfast:
            self.stop()

    def addSubTest(self, test, subtest, err):
        if err is not None:
            if issubclass(err[0], test.failureException):
                errors = self.failures
            else:
                errors = self.errors
            errors.append((subtest, self._exc_info_to_string(err, test)))
            if self.failfast:
                self.stop()

    def addSuccess(self, test):
        pass

    def addSkip(self, test, reason):
        self.skipped.append((test, reason))

    def addExpectedFailure(self, test, err):
        self.expectedFailures.append((test, self._exc_info_to_string(err, test)))

    def addUnexpectedSuccess(self, test):
        self.unexpectedSuccesses.append(test)

    def wasSuccessful(self):
        return ((len(self.failures) == len(self.errors) == 0) and
                (not hasattr(self, "unexpectedSuccesses") or len(self.unexpectedSuccesses) == 0))

    def stop(self):
        self.shouldStop = True

    def __repr__(self):
        return "<%s.%s run=%i errors=%i failures=%i>" % (
            self.__class__.__module__, self.__class__.__qualname__, self.testsRun,
            len(self.errors), len(self.failures))


class TextTestResult(TestResult):
    separator1 = "=" * 70
    separator2 = "-" * 70

    def __init__(self, stream, descriptions, verbosity):
        super().__init__(stream, descriptions, verbosity)
        self.stream = stream
        self.showAll = verbosity > 1
        self.dots = verbosity == 1
        self.descriptions = descriptions

    def getDescription(self, test):
        doc_first_line = test.shortDescription()
        if self.descriptions and doc_first_line:
            return "\n".join((str(test), doc_first_line))
        return str(test)

    def startTest(self, test):
        super().startTest(test)
        if self.showAll:
            self.stream.write(self.getDescription(test))
            self.stream.write(" ... ")
            self.stream.flush()
            self._newline = False

    def _report(self, long, short, test=None):
        if self.showAll:
            is_subtest = isinstance(test, _SubTest)
            if is_subtest or self._newline:
                if not self._newline:
                    self.stream.write("\n")
                if is_subtest:
                    self.stream.write("  ")
                self.stream.write(self.getDescription(test) + " ... ")
            self.stream.write(long + "\n")
            self._newline = True
        elif self.dots:
            self.stream.write(short)
        self.stream.flush()

    def addSuccess(self, test):
        super().addSuccess(test)
        self._report("ok", ".", test)

    def addError(self, test, err):
        super().addError(test, err)
        self._report("ERROR", "E", test)

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._report("FAIL", "F", test)

    def addSubTest(self, test, subtest, err):
        if err is not None:
            if issubclass(err[0], test.failureException):
                self._report("FAIL", "F", subtest)
            else:
                self._report("ERROR", "E", subtest)
        super().addSubTest(test, subtest, err)

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._report("skipped {0!r}".format(reason), "s", test)

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._report("expected failure", "x", test)

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._report("unexpected success", "u", test)

    def printErrors(self):
        if self.dots or self.showAll:
            self.stream.write("\n")
            self.stream.flush()
        self.printErrorList("ERROR", self.errors)
        self.printErrorList("FAIL", self.failures)
        unexpected = getattr(self, "unexpectedSuccesses", ())
        if unexpected:
            self.stream.write(self.separator1 + "\n")
            for test in unexpected:
                self.stream.write(f"UNEXPECTED SUCCESS: {self.getDescription(test)}\n")
            self.stream.flush()

    def printErrorList(self, flavour, errors):
        for test, err in errors:
            self.stream.write(self.separator1 + "\n")
            self.stream.write("%s: %s\n" % (flavour, self.getDescription(test)))
            self.stream.write(self.separator2 + "\n")
            self.stream.write("%s\n" % err)
            self.stream.flush()


class TextTestRunner:
    resultclass = TextTestResult

    def __init__(self, stream=None, descriptions=True, verbosity=1, failfast=False,
                 buffer=False, resultclass=None, warnings=None, *, tb_locals=False):
        if stream is None:
            stream = sys.stderr
        self.stream = stream
        self.descriptions = descriptions
        self.verbosity = verbosity
        self.failfast = failfast
        self.buffer = buffer
        if resultclass is not None:
            self.resultclass = resultclass

    def _makeResult(self):
        return self.resultclass(self.stream, self.descriptions, self.verbosity)

    def run(self, test):
        result = self._makeResult()
        result.failfast = self.failfast
        startTime = time.perf_counter()
        result.startTestRun()
        try:
            test(result)
        finally:
            result.stopTestRun()
        timeTaken = time.perf_counter() - startTime
        result.printErrors()
        if hasattr(result, "separator2"):
            self.stream.write(result.separator2 + "\n")
        run = result.testsRun
        self.stream.write("Ran %d test%s in %.3fs\n" % (run, run != 1 and "s" or "", timeTaken))
        self.stream.write("\n")
        expectedFails = len(result.expectedFailures)
        unexpectedSuccesses = len(result.unexpectedSuccesses)
        skipped = len(result.skipped)
        infos = []
        if not result.wasSuccessful():
            self.stream.write("FAILED")
            failed, errored = len(result.failures), len(result.errors)
            if failed:
                infos.append("failures=%d" % failed)
            if errored:
                infos.append("errors=%d" % errored)
        elif run == 0 and not skipped:
            self.stream.write("NO TESTS RAN")
        else:
            self.stream.write("OK")
        if skipped:
            infos.append("skipped=%d" % skipped)
        if expectedFails:
            infos.append("expected failures=%d" % expectedFails)
        if unexpectedSuccesses:
            infos.append("unexpected successes=%d" % unexpectedSuccesses)
        if infos:
            self.stream.write(" (%s)\n" % (", ".join(infos),))
        else:
            self.stream.write("\n")
        self.stream.flush()
        return result


class TestLoader:
    testMethodPrefix = "test"
    suiteClass = TestSuite
    sortTestMethodsUsing = staticmethod(lambda a, b: (a > b) - (a < b))

    def getTestCaseNames(self, testCaseClass):
        names = []
        for klass in testCaseClass.__mro__:
            for name in vars(klass):
                if name.startswith(self.testMethodPrefix) and name not in names and \
                        callable(getattr(testCaseClass, name)):
                    names.append(name)
        return sorted(names)

    def loadTestsFromTestCase(self, testCaseClass):
        if issubclass(testCaseClass, TestSuite):
            raise TypeError("Test cases should not be derived from TestSuite.")
        names = self.getTestCaseNames(testCaseClass)
        if not names and hasattr(testCaseClass, "runTest"):
            names = ["runTest"]
        return self.suiteClass([testCaseClass(n) for n in names])

    def loadTestsFromModule(self, module, *args, pattern=None, **kws):
        tests = []
        for name in dir(module):
            obj = getattr(module, name)
            if isinstance(obj, type) and issubclass(obj, TestCase) and obj is not TestCase \
                    and obj is not FunctionTestCase and obj is not _SubTest:
                tests.append(self.loadTestsFromTestCase(obj))
        return self.suiteClass(tests)

    def loadTestsFromName(self, name, module=None):
        parts = name.split(".")
        obj = module
        for part in parts:
            obj = getattr(obj, part)
        if isinstance(obj, type) and issubclass(obj, TestCase):
            return self.loadTestsFromTestCase(obj)
        if isinstance(obj, TestSuite):
            return obj
        if callable(obj) and module is not None and len(parts) == 2:
            return self.suiteClass([getattr(module, parts[0])(parts[1])])
        raise TypeError("don't know how to make test from: %s" % obj)

    def loadTestsFromNames(self, names, module=None):
        return self.suiteClass([self.loadTestsFromName(name, module) for name in names])


defaultTestLoader = TestLoader()


class TestProgram:
    def __init__(self, module="__main__", defaultTest=None, argv=None, testRunner=None,
                 testLoader=defaultTestLoader, exit=True, verbosity=1, failfast=None,
                 catchbreak=None, buffer=None, warnings=None, *, tb_locals=False):
        if isinstance(module, str):
            self.module = sys.modules[module]
        else:
            self.module = module
        if argv is None:
            argv = sys.argv
        self.exit = exit
        self.verbosity = verbosity
        self.failfast = failfast or False
        self.testRunner = testRunner
        self.testLoader = testLoader
        names = []
        for arg in argv[1:]:
            if arg in ("-v", "--verbose"):
                self.verbosity = 2
            elif arg in ("-q", "--quiet"):
                self.verbosity = 0
            elif arg in ("-f", "--failfast"):
                self.failfast = True
            elif not arg.startswith("-"):
                names.append(arg)
        if defaultTest is not None and not names:
            names = [defaultTest] if isinstance(defaultTest, str) else list(defaultTest)
        if names:
            self.test = testLoader.loadTestsFromNames(names, self.module)
        else:
            self.test = testLoader.loadTestsFromModule(self.module)
        self.runTests()

    def runTests(self):
        runner = self.testRunner
        if runner is None:
            runner = TextTestRunner
        if isinstance(runner, type):
            runner = runner(verbosity=self.verbosity, failfast=self.failfast)
        self.result = runner.run(self.test)
        if self.exit:
            sys.exit(not self.result.wasSuccessful())


main = TestProgram
