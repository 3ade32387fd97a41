"""ProgramExecutor: programs in any language, output on sys.stdout, errors as exceptions."""
import io
import sys

import pytest

from multilingualprogramming import ProgramError, ProgramExecutor, detect_language, languages


def test_output_goes_to_sys_stdout(in_tmp, capsys):
    ProgramExecutor().execute("for i in range(3):\n    print('line', i)\n", language="en")
    assert capsys.readouterr().out == "line 0\nline 1\nline 2\n"


def test_output_follows_a_replaced_sys_stdout(in_tmp, monkeypatch):
    buf = io.StringIO()
    monkeypatch.setattr(sys, "stdout", buf)
    ProgramExecutor().execute('print("é", 2 ** 100)\n')
    assert buf.getvalue() == "é 1267650600228229401496703205376\n"


def test_french_and_detected_language(in_tmp, capsys):
    code = "déf carre(x):\n    retour x * x\nafficher(carre(9))\n"
    ProgramExecutor().execute(code, language="fr")
    assert detect_language(code) == "fr"
    ProgramExecutor().execute(code, language="")  # detected
    assert capsys.readouterr().out == "81\n81\n"
    assert len(languages()) == 17 and "fr" in languages()


def test_runtime_error_is_the_builtin_exception_localized_and_located(in_tmp, capsys):
    with pytest.raises(ZeroDivisionError) as info:
        ProgramExecutor().execute("x = 1\nafficher('avant')\nafficher(x / 0)\n", language="fr")
    e = info.value
    assert isinstance(e, ProgramError)
    assert (e.kind, e.line, e.file, e.language) == ("ZeroDivisionError", 3, "<string>", "fr")
    assert e.column > 0 and e.message and e.exit_status == 1
    assert "afficher(x / 0)" in e.report
    assert capsys.readouterr().out == "avant\n"  # what ran before the error was printed


def test_syntax_error_in_the_programs_language(in_tmp):
    with pytest.raises(SyntaxError) as info:
        ProgramExecutor().execute("si x\n    afficher(1)\n", language="fr")
    e = info.value
    assert e.kind == "SyntaxError" and e.line == 1
    english = pytest.raises(SyntaxError, ProgramExecutor().execute, "if x\n    print(1)\n", language="en").value
    assert e.message != english.message  # said in French


def test_exception_raised_by_the_program_and_sys_exit(in_tmp):
    with pytest.raises(KeyError) as info:
        ProgramExecutor().execute("d = {}\nd['missing']\n")
    assert info.value.line == 2
    with pytest.raises(ProgramError) as ex:
        ProgramExecutor().execute("import sys\nsys.exit(3)\n")
    assert ex.value.kind == "SystemExit" and ex.value.exit_status == 3
    ProgramExecutor().execute("import sys\nsys.exit(0)\n")  # success: nothing raised


def test_unknown_language(in_tmp):
    with pytest.raises(ValueError, match="unknown language 'xx'"):
        ProgramExecutor().execute("print(1)\n", language="xx")


def test_program_calls_library_operations_and_wasm_tier(in_tmp, capsys):
    code = "def f(n):\n    t = 0\n    for i in range(n):\n        t += i * i\n    return t\nprint(f(1000), fibonacci(20))\n"
    ProgramExecutor().execute(code)
    assert capsys.readouterr().out == f"{sum(i * i for i in range(1000))} 6765\n"
