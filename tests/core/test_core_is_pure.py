"""The core holds pure logic: importing all of it must not load Qt."""

import subprocess
import sys


def test_core_imports_without_pyside6() -> None:
    code = (
        "import pkgutil, importlib, sys, spasmguide.core as core\n"
        "for m in pkgutil.iter_modules(core.__path__):\n"
        "    importlib.import_module('spasmguide.core.' + m.name)\n"
        "import spasmguide.cli\n"
        "bad = sorted(n for n in sys.modules if n.startswith('PySide6') or n == 'shiboken6')\n"
        "print(bad)\n"
        "raise SystemExit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
