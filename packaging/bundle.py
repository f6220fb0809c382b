"""What the self-contained program carries, and what it leaves out.

Read by ``pyinstaller/spasmguide.spec`` at build time and by the tests, so the lists can be
checked without building.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

HIDDEN_IMPORTS = [
    # Read aloud loads Qt's speech module only when it is there (importlib), which an import
    # scan cannot see.
    "PySide6.QtTextToSpeech",
]

EXCLUDED_MODULES = [
    # Qt modules SpasmGuide never imports (it uses QtCore, QtGui, QtWidgets, QtMultimedia,
    # QtPrintSupport and QtTextToSpeech). None would be found by the import scan; naming them
    # keeps a stray import in a dependency from pulling them in.
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtQuick3D",
    "PySide6.QtQuickControls2", "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick", "PySide6.QtWebChannel", "PySide6.QtWebSockets",
    "PySide6.QtWebView", "PySide6.Qt3DCore", "PySide6.Qt3DRender", "PySide6.Qt3DExtras",
    "PySide6.Qt3DInput", "PySide6.Qt3DLogic", "PySide6.Qt3DAnimation", "PySide6.QtCharts",
    "PySide6.QtDataVisualization", "PySide6.QtGraphs", "PySide6.QtDesigner", "PySide6.QtHelp",
    "PySide6.QtLocation", "PySide6.QtPositioning", "PySide6.QtBluetooth", "PySide6.QtNfc",
    "PySide6.QtSensors", "PySide6.QtSerialPort", "PySide6.QtSql", "PySide6.QtTest",
    "PySide6.QtPdf", "PySide6.QtPdfWidgets", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets",
    "PySide6.QtSvgWidgets", "PySide6.QtUiTools", "PySide6.QtScxml", "PySide6.QtRemoteObjects",
    "PySide6.QtMultimediaWidgets", "PySide6.QtSpatialAudio", "PySide6.QtHttpServer",
    "PySide6.QtNetworkAuth", "PySide6.QtStateMachine", "PySide6.QtConcurrent",
    # Python's own modules that only development tools use, and multiprocessing, which the
    # program never uses: bundled, it would bring a start-up hook that imports it every start.
    "multiprocessing", "tkinter", "pydoc", "doctest", "unittest", "lib2to3", "idlelib",
    "pytest", "ruff",
]

UNWANTED_BINARIES = [
    # Platform plug-ins for framebuffers, VNC and EGL without a window system: a desktop runs
    # on xcb or wayland, the kiosk on wayland (cage), tests and clinics' scripts on offscreen.
    r"plugins/platforms/lib(qeglfs|qlinuxfb|qminimal|qminimalegl|qvnc|qvkkhrdisplay)\.",
    r"plugins/egldeviceintegrations/",
    r"libQt6EglFs",
    # Qt's virtual keyboard needs Qt Quick and QML; the kiosk has its own keypad.
    r"plugins/platforminputcontexts/libqtvirtualkeyboard",
    r"libQt6VirtualKeyboard",
    r"libQt6(Quick|Qml|LabsQml|QmlModels|QmlMeta|QmlWorkerScript|QmlCore|QmlNetwork)",
    # Network status and TLS back ends: SpasmGuide never goes on the network.
    r"plugins/(networkinformation|tls)/",
    # The PDF image-format plug-in (reads PDFs as pictures) needs Qt's whole PDF engine.
    r"plugins/imageformats/libqpdf\.", r"libQt6Pdf",
    r"qml/",
    # The GTK 3 theme plug-in would load the build machine's copies of Pango, Cairo and ATK
    # next to the target's own GTK (a version mix that can crash); SpasmGuide draws its own
    # look, and file dialogs still come from the desktop through the XDG portal plug-in.
    r"plugins/platformthemes/libqgtk3\.",
    # The C++ run-time is the system's: a graphics driver loaded from the system (Mesa) may
    # need a newer one than the build machine's, and every desktop Linux has it.
    r"(^|/)libstdc\+\+\.so", r"(^|/)libgcc_s\.so",
]
_UNWANTED = re.compile("|".join(f"(?:{pattern})" for pattern in UNWANTED_BINARIES))

DATA_SKIPPED_SUFFIXES = {".py", ".pyc"}
"""Files under resources/ that are tools for making the data, not data (make_chime.py)."""


def is_unwanted_binary(destination: str) -> bool:
    """Whether a collected file (its place in the bundle) is one the program never loads."""
    return bool(_UNWANTED.search(destination.replace("\\", "/")))


def data_files(root: Path) -> list[tuple[str, str]]:
    """Every data file under ``resources/`` and inside the package, as (source, bundle folder).

    Folders are found, not listed, so a content pack, a picture folder or translations added
    later are carried without a change here.
    """
    found: list[tuple[str, str]] = []
    for base in (root / "resources", root / "spasmguide"):
        for path in sorted(base.rglob("*")):
            if (
                path.is_file()
                and path.suffix not in DATA_SKIPPED_SUFFIXES
                and "__pycache__" not in path.parts
            ):
                found.append((str(path), str(path.parent.relative_to(root))))
    return found


def is_plain_library(destination: str) -> bool:
    """A shared library loaded only because another binary needs it (not a plug-in or module)."""
    folder, _, name = destination.replace("\\", "/").rpartition("/")
    return (
        name.startswith("lib")
        and ".so" in name
        and not name.startswith("libpython")
        and folder in ("", "PySide6/Qt/lib", "PySide6", "shiboken6")
    )


def reachable_binaries(
    binaries: list[tuple[str, str, str]], needs: Callable[[str], set[str]]
) -> list[tuple[str, str, str]]:
    """Drop plain libraries that no kept module, plug-in or other library needs (Linux).

    Dropping a plug-in above leaves the libraries that only it needed; this walks what each
    kept binary needs (its ELF ``NEEDED`` entries) from the Python modules, the plug-ins and
    libpython, and keeps what it reaches.
    """
    by_name: dict[str, list[tuple[str, str, str]]] = {}
    for entry in binaries:
        by_name.setdefault(entry[0].replace("\\", "/").rpartition("/")[2], []).append(entry)
    todo = [entry for entry in binaries if not is_plain_library(entry[0])]
    kept = {id(entry) for entry in todo}
    while todo:
        entry = todo.pop()
        for name in needs(entry[1]):
            for library in by_name.get(name, ()):
                if id(library) not in kept:
                    kept.add(id(library))
                    todo.append(library)
    return [entry for entry in binaries if id(entry) in kept]
