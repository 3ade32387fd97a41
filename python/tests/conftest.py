import os
import subprocess
import sys
from pathlib import Path

import pytest

import multilingualprogramming

GUIDE = Path(__file__).parent / "guide"
# the package under test, for the scripts' own interpreter
PACKAGE_ROOT = str(Path(multilingualprogramming.__file__).resolve().parent.parent)


@pytest.fixture
def run_guide(tmp_path):
    """Runs one of the guide's examples as a script, in a scratch folder; returns its stdout."""

    def run(name, files=None):
        for rel, text in (files or {}).items():
            (tmp_path / rel).write_text(text)
        env = dict(os.environ)
        env.pop("MULTILINGUAL_BACKEND", None)
        env["PYTHONPATH"] = os.pathsep.join([PACKAGE_ROOT] + [p for p in [env.get("PYTHONPATH")] if p])
        p = subprocess.run([sys.executable, str(GUIDE / name)], cwd=tmp_path, env=env, capture_output=True,
                           text=True, timeout=600)
        assert p.returncode == 0, f"{name} failed:\n{p.stdout}\n{p.stderr}"
        return p.stdout

    return run


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    """The working folder is a scratch one (no pyproject.toml unless the test writes one)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MULTILINGUAL_BACKEND", raising=False)
    return tmp_path
