"""Entry point of the self-contained program (what PyInstaller freezes): ``spasmguide``.

It starts exactly what ``python -m spasmguide`` starts. The one addition is the start-up
measurement hook of ``benchmarks/startup.py``: a frozen program reads no ``sitecustomize``
from ``PYTHONPATH``, so the hook that the benchmark puts there for the source run is
repeated here. It does nothing unless both ``SPASMGUIDE_BENCH`` and ``SPASMGUIDE_BENCH_DIR``
are set, and then only wraps ``spasmguide.app.build`` so that the program reports its first
painted frame and exits (the smoke test of the built program uses it too).
"""

from __future__ import annotations

import os
import sys


def _watch_build(mode: str, folder: str) -> None:
    """Once ``spasmguide.app`` is imported, let the benchmark's ``watch`` wrap its build."""

    class WatchBuild:
        def find_spec(self, name: str, path: object = None, target: object = None) -> object:
            if name != "spasmguide.app":
                return None
            sys.meta_path.remove(self)
            import importlib.util

            spec = importlib.util.find_spec(name)
            run = spec.loader.exec_module

            def exec_module(module: object) -> None:
                run(module)
                sys.path.append(folder)
                import startup

                startup.watch(module, mode)

            spec.loader.exec_module = exec_module
            return spec

    sys.meta_path.insert(0, WatchBuild())


if __name__ == "__main__":
    if os.environ.get("SPASMGUIDE_BENCH") and os.environ.get("SPASMGUIDE_BENCH_DIR"):
        _watch_build(os.environ["SPASMGUIDE_BENCH"], os.environ["SPASMGUIDE_BENCH_DIR"])
    from spasmguide.__main__ import main

    raise SystemExit(main())
