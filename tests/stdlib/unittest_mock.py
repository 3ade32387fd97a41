# unittest.mock: Mock/MagicMock calls and assertions, side_effect, return_value, spec, magic
# methods, patch in its forms, call objects, sentinel, ANY, mock_open, PropertyMock, seal.
import os
import re
import unittest
from unittest import mock
from unittest.mock import Mock, MagicMock, patch, call, sentinel, ANY, DEFAULT


def show(label, thunk):
    try:
        print(label, "->", thunk())
    except Exception as e:
        msg = re.sub(r"id='\d+'", "id=?", str(e))
        print(label, "raised", type(e).__name__ + ":", msg)


def clean(r):
    return re.sub(r"id='\d+'", "id=?", repr(r))


# calls and their records
m = Mock()
print(m.called, m.call_count, m.call_args, m.call_args_list)
r = m(1, 2, key="v")
print(clean(r), r is m.return_value, clean(m.return_value))
m("second")
print(m.called, m.call_count, m.call_args, m.call_args_list)
print(m.call_args.args, m.call_args.kwargs, m.call_args == call("second"))
print(m.call_args_list == [call(1, 2, key="v"), call("second")])
m.assert_called_with("second")
m.assert_any_call(1, 2, key="v")
m.assert_called()
show("assert_called_with", lambda: m.assert_called_with(1))
show("assert_called_once_with", lambda: m.assert_called_once_with("second"))
show("assert_not_called", lambda: m.assert_not_called())
show("assert_called_once", lambda: m.assert_called_once())
show("assert_any_call", lambda: m.assert_any_call(3))
fresh = Mock(name="fresh")
show("assert_called_with on fresh", lambda: fresh.assert_called_with(1))
show("assert_called on fresh", lambda: fresh.assert_called())
fresh.assert_not_called()
show("assert typo", lambda: fresh.assret_called())
print(clean(fresh), clean(fresh.child), clean(fresh.child()), clean(Mock()))

# children, method_calls and mock_calls
p = Mock()
p.a.b(1)
p.c(2, x=3)
p(4)
p.a().z()
print(p.method_calls)
print(p.mock_calls)
print(p.mock_calls == [call.a.b(1), call.c(2, x=3), call(4), call.a(), call.a().z()])
p.assert_has_calls([call.c(2, x=3), call(4)])
show("assert_has_calls", lambda: p.assert_has_calls([call(4), call.c(2, x=3)]))
p.assert_has_calls([call(4), call.c(2, x=3)], any_order=True)
print(call.a(1).b(2).call_list())
p.reset_mock()
print(p.call_count, p.mock_calls, p.a.b.called)

# return_value and side_effect
print(Mock(return_value=42)(), Mock(return_value=None)())
se = Mock(side_effect=[1, 2, ValueError("third")])
print(se(), se())
show("iterable side_effect", se)
show("exhausted side_effect", se)
show("exception class", Mock(side_effect=KeyError))
show("exception instance", Mock(side_effect=KeyError("k")))
f = Mock(side_effect=lambda x: x * 10)
print(f(4), f.call_args)
d = Mock(side_effect=lambda: DEFAULT, return_value="default used")
print(d())
m = Mock()
m.side_effect = iter("ab")
print(m(), m())
m.side_effect = None
m.return_value = "back"
print(m())
w = Mock(wraps=lambda a, b: a + b)
print(w(2, 3), w.call_args)

# configure_mock, keyword configuration, attributes
c = Mock(**{"method.return_value": 3, "other.side_effect": KeyError, "attr": "x"})
print(c.method(), c.attr)
show("configured side_effect", c.other)
c.configure_mock(name_attr="n")
print(c.name_attr)
c.existing = 5
print(c.existing)
del c.existing
show("deleted attribute", lambda: c.existing)
del c.gone
show("deleted child", lambda: c.gone)

# spec and spec_set


class Thing:
    size = 3

    def run(self, n):
        return n


t = Mock(spec=Thing)
print(isinstance(t, Thing), clean(t.run), t.size is not None)
show("spec missing attribute", lambda: t.missing)
t.extra = 1
print(t.extra)
ts = Mock(spec_set=Thing)
show("spec_set setting", lambda: setattr(ts, "extra", 1))
ls = Mock(spec=["alpha", "beta"])
print(clean(ls.alpha))
show("spec list", lambda: ls.gamma)
print(clean(Mock(spec=Thing)), clean(Mock(spec_set=Thing)))

# MagicMock: magic methods with defaults and configured ones
mm = MagicMock()
print(len(mm), list(mm), 3 in mm, bool(mm), int(mm), float(mm), mm == mm, mm != mm, mm == 3)
mm.__len__.return_value = 7
mm.__iter__.return_value = [1, 2]
mm.__contains__.return_value = True
mm.__getitem__.side_effect = lambda k: k * 2
print(len(mm), list(mm), list(mm), 9 in mm, mm[21], mm["ab"])
mm[1] = "one"
print(mm.__setitem__.call_args, mm.__getitem__.call_count)
with mm as entered:
    print(entered is mm.__enter__.return_value)
print(mm.__exit__.call_args == call(None, None, None))
print(mm.mock_calls[:2])
mm.__str__.return_value = "custom str"
print(str(mm))
mm.__eq__.return_value = True
print(mm == 1)
plain = Mock()
plain.__len__ = Mock(return_value=2)
print(len(plain))
show("plain Mock has no len", lambda: len(Mock()))
show("unsupported magic", lambda: setattr(Mock(), "__getattr__", None))
nm = mock.NonCallableMagicMock()
show("non-callable", lambda: nm())
print(len(nm))

# call objects, sentinel, ANY
print(call(1, a=2), call.method(3), call.x.y(), call(1) == call(1), call(1) == call(2))
print(call(1, 2).args, call(a=1).kwargs, repr(call))
print(sentinel.token, sentinel.token is sentinel.token, sentinel.token is sentinel.other)
m = Mock()
m(1, {"k": "v"}, object())
m.assert_called_with(1, ANY, ANY)
print(ANY == 5, [call(1, ANY)] == [call(1, 2)], repr(ANY))

# patch as decorator, context manager, patch.object, patch.dict, start/stop


def current_dir():
    return os.getcwd()


with patch("os.getcwd") as fake:
    fake.return_value = "/fake"
    print(current_dir(), fake.call_count, clean(fake))
print(current_dir() == os.getcwd(), isinstance(os.getcwd(), str))


@patch("os.getcwd", return_value="/decorated")
@patch("os.listdir")
def decorated(arg, fake_listdir, fake_getcwd):
    fake_listdir.return_value = ["a", "b"]
    return arg, os.getcwd(), os.listdir("."), fake_getcwd.called


print(decorated("first"))
print(os.getcwd() != "/decorated")


class Service:
    def fetch(self):
        return "real"


with patch.object(Service, "fetch", return_value="mocked") as fetch:
    print(Service().fetch(), fetch.call_count)
print(Service().fetch())
with patch.object(Service, "fetch", new=lambda self: "replaced") as replaced:
    print(Service().fetch(), callable(replaced))


@patch.object(Service, "fetch", new="plain value")
def no_extra_arg():
    return Service.fetch


print(no_extra_arg())
config = {"a": 1, "b": 2}
with patch.dict(config, {"b": 20, "c": 30}):
    print(sorted(config.items()))
print(sorted(config.items()))
with patch.dict(config, {"only": 1}, clear=True):
    print(config)
print(config)


@patch.dict(config, z=26)
def with_dict():
    return dict(config)


print(with_dict(), config)
with patch.dict("os.environ", {"MOCK_TEST_VAR": "set"}):
    print(os.environ["MOCK_TEST_VAR"])
print("MOCK_TEST_VAR" in os.environ)
patcher = patch("os.getpid", return_value=-5)
started = patcher.start()
print(os.getpid(), started is os.getpid)
patcher.stop()
print(os.getpid() > 0)
patch("os.getuid", return_value=-1).start()
patch.object(Service, "fetch", return_value="all").start()
print(os.getuid(), Service().fetch())
patch.stopall()
print(os.getuid() >= 0, Service().fetch())
show("patch missing attribute", lambda: patch.object(Service, "nope").start())
show("patch bad target", lambda: patch("nodots"))
try:
    patch("no_such_module_x.attr").start()
except ModuleNotFoundError as e:
    print("patch missing module:", type(e).__name__, e.name)
with patch("os.no_such_thing", create=True, new="made"):
    print(os.no_such_thing)
print(hasattr(os, "no_such_thing"))
with patch("os.getcwd", spec=True) as spec_fake:
    spec_fake.return_value = "/s"
    print(os.getcwd())
with patch.multiple("os", getcwd=DEFAULT, getpid=DEFAULT) as values:
    print(sorted(values), isinstance(values["getcwd"], MagicMock))
with patch("os.getcwd", new_callable=lambda: Mock(return_value="/nc")):
    print(os.getcwd())
show("new and new_callable", lambda: patch("os.getcwd", new=1, new_callable=Mock))


# patch on a TestCase class decorates its test methods
@patch("os.getcwd", return_value="/in-test")
class PatchedTests(unittest.TestCase):
    def test_one(self, fake):
        self.assertEqual(os.getcwd(), "/in-test")
        fake.assert_called_once_with()

    def helper(self):
        return "untouched"


suite = unittest.defaultTestLoader.loadTestsFromTestCase(PatchedTests)
result = unittest.TestResult()
suite.run(result)
print(result.testsRun, result.wasSuccessful(), PatchedTests("test_one").helper())

# mock_open, PropertyMock, seal
opener = mock.mock_open(read_data="line1\nline2\n")
with patch("builtins.open", opener):
    with open("anything.txt") as fh:
        print(repr(fh.read()))
    with open("again.txt") as fh:
        print([line for line in fh])
    with open("out.txt", "w") as fh:
        fh.write("text")
print(opener.call_args_list)
opener().write.assert_called_once_with("text")


class Holder:
    pass


prop = mock.PropertyMock(return_value="got")
type_holder = type("H", (Holder,), {"value": prop})
h = type_holder()
print(h.value)
h.value = "set"
print(prop.mock_calls)
s = Mock()
s.known.return_value = 1
mock.seal(s)
print(s.known())
show("sealed", lambda: s.unknown)
show("sealed child", lambda: s.known.unknown)
