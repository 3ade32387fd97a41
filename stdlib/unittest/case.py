"""Test cases (Python's unittest.case): TestCase with the assert* methods and their messages,
setUp/tearDown and their class forms, addCleanup, subTest, the skip decorators and
expectedFailure."""
import sys
import contextlib

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
