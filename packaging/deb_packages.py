"""Debian packages made with ``dpkg-deb``: the program, its kiosk, and content packs.

- ``spasmguide``: the self-contained program in ``/usr/lib/spasmguide``, ``spasmguide`` on
  PATH, the desktop file, the AppStream metainfo, the icon and a manual page.
- ``spasmguide-kiosk``: what turns a machine into a waiting-room kiosk: the
  ``/etc/spasmguide/kiosk.ini`` conffile (its presence alone makes every start a kiosk, which
  is why it is not in the program's package), the cage + systemd unit (installed, not
  enabled) and the ``spasmguide`` system user.
- ``spasmguide-content-<pack>``: one content pack. Its files land in
  ``/usr/share/spasmguide/packs/<id>``; the install step checks them with ``check-content``
  and only a pack without problems is copied to ``/var/lib/spasmguide/packs/<id>``, the
  folder ``kiosk.ini`` points at. A broken pack fails the install and the last good copy
  stays in use.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from spasmguide import APP_ID  # noqa: E402

LINUX = ROOT / "packaging" / "linux"
PREFIX = "/usr/lib/spasmguide"
PACKS_STAGED = "/usr/share/spasmguide/packs"
PACKS_LIVE = "/var/lib/spasmguide/packs"
MAINTAINER = "SpasmGuide maintainers <packages@spasmguide.org>"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def version_of_program() -> str:
    from spasmguide import __version__

    return __version__


def deb_architecture() -> str:
    """The machine's Debian architecture (amd64, arm64...)."""
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()


def _write(path: Path, text: str, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)


def _copy(source: Path, target: Path, mode: int = 0o644) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    target.chmod(mode)


def _gzip(text: str, target: Path) -> None:
    """Compressed as Debian wants it: best compression, no name or time stamp inside."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9,
                                                  filename="", mtime=0) as file:
        file.write(text.encode("utf-8"))
    target.chmod(0o644)


def _docs(root: Path, package: str, version: str, summary: str) -> None:
    """``copyright`` and ``changelog.gz`` (a native package: no Debian revision)."""
    doc = root / "usr/share/doc" / package
    _write(doc / "copyright", COPYRIGHT)
    _gzip(
        f"{package} ({version}) stable; urgency=medium\n\n  * {summary}\n\n"
        f" -- {MAINTAINER}  Wed, 02 Dec 2026 12:00:00 +0000\n",
        doc / "changelog.gz",
    )


COPYRIGHT = """\
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: SpasmGuide
Source: https://spasmguide.org/

Files: *
Copyright: 2026 The SpasmGuide authors
License: LicenseRef-SpasmGuide
 All rights reserved by the SpasmGuide authors until a licence is chosen.
 .
 The program bundles Python (PSF License), Qt and PySide6 (LGPL-3.0), rapidfuzz (MIT),
 markdown-it-py (MIT), PyStemmer (BSD-3-Clause, MIT), segno (BSD-3-Clause) and the SCOWL
 word list (see usr/lib/spasmguide/_internal/resources/words/SCOWL-COPYRIGHT.txt); their
 licence texts are in their own distributions.
"""


def _control(root: Path, fields: dict[str, str], description: str) -> None:
    lines = [f"{key}: {value}" for key, value in fields.items() if value]
    summary, *body = description.strip().splitlines()
    lines.append(f"Description: {summary}")
    lines.extend(f" {line}" if line.strip() else " ." for line in body)
    _write(root / "DEBIAN/control", "\n".join(lines) + "\n")


def _installed_size(root: Path) -> str:
    total = sum(p.lstat().st_size for p in root.rglob("*") if "DEBIAN" not in p.parts)
    return str(total // 1024 + 1)


def _build(root: Path, out_dir: Path, name: str) -> Path:
    """``dpkg-deb --build`` with files owned by root whoever builds it."""
    for path in root.rglob("*"):  # umask-independent modes for folders
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / name
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(target)],
                   check=True, stdout=subprocess.DEVNULL)
    return target


def build_program_deb(frozen: Path, icons: Path, work: Path, out_dir: Path, version: str) -> Path:
    """The ``spasmguide`` package from the frozen one-folder program in ``frozen``."""
    root = work / "spasmguide"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(frozen, root / PREFIX.lstrip("/"), symlinks=True)
    for path in (root / PREFIX.lstrip("/")).rglob("*"):
        if path.is_file() and not path.is_symlink():
            # Shared objects need no execute bit (Debian policy); the program does.
            path.chmod(0o644)
    (root / PREFIX.lstrip("/") / "spasmguide").chmod(0o755)
    (root / "usr/bin").mkdir(parents=True)
    (root / "usr/bin/spasmguide").symlink_to("../lib/spasmguide/spasmguide")
    share = root / "usr/share"
    _copy(LINUX / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop")
    _copy(LINUX / f"{APP_ID}.metainfo.xml", share / "metainfo" / f"{APP_ID}.metainfo.xml")
    _copy(ROOT / "packaging/icons" / f"{APP_ID}.svg",
          share / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg")
    for size in ICON_SIZES:
        _copy(icons / f"{size}.png", share / f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png")
    _gzip((LINUX / "spasmguide.1").read_text(encoding="utf-8"),
          share / "man/man1/spasmguide.1.gz")
    _docs(root, "spasmguide", version, "Self-contained build of SpasmGuide.")
    _write(share / "lintian/overrides/spasmguide", LINTIAN_OVERRIDES)
    _control(root, {
        "Package": "spasmguide", "Version": version, "Architecture": deb_architecture(),
        "Maintainer": MAINTAINER, "Installed-Size": _installed_size(root),
        # glibc 2.36: the newest symbol version the bundled libraries use (built on Debian 12).
        "Depends": "libc6 (>= 2.36), libstdc++6, libgcc-s1, libgl1, libegl1, libfontconfig1, "
                   "libxkbcommon0, libxcb1, libglib2.0-0, libdbus-1-3",
        "Recommends": "libpulse0", "Section": "science", "Priority": "optional",
        "Homepage": "https://spasmguide.org/",
    }, """Offline guide to leg muscle spasms and what helps
SpasmGuide explains leg cramps in plain words, with no network: the muscle
types, common causes, home treatments and when to get medical help. It has a
forgiving search, a stretch and compress timer and a cramp diary.
.
This package holds the whole program, with its own Python and Qt. The clinic
kiosk set-up is in the spasmguide-kiosk package.""")
    return _build(root, out_dir, f"spasmguide_{version}_{deb_architecture()}.deb")


LINTIAN_OVERRIDES = """\
# A self-contained build: the program carries its own Python, Qt (PySide6's build) and the
# libraries they were tested with, so it runs the same on every release it is installed on
# and needs no Python or Qt packages from the system. These copies are the point of it.
spasmguide: embedded-library * [usr/lib/spasmguide/_internal/*]
# Two of Python's own modules (_statistics, _uuid) that need no C library function.
spasmguide: library-not-linked-against-libc [usr/lib/spasmguide/_internal/python3.11/lib-dynload/*]
# The frozen program's modules are compiled bytecode only, for its own bundled Python: they
# are its code, not a cache of sources that the system's Python would compile again. (Kept as
# files rather than in PyInstaller's compressed archive, so it starts as fast as the source.)
spasmguide: package-installs-python-bytecode [usr/lib/spasmguide/_internal/*]
"""


def _kiosk_unit() -> str:
    """The unit from packaging/linux with the package's paths (checked, not guessed)."""
    text = (LINUX / "spasmguide-kiosk.service").read_text(encoding="utf-8")
    for old, new in (
        ("/usr/local/bin/spasmguide-kiosk", f"{PREFIX}/spasmguide-kiosk"),
        ("WorkingDirectory=/opt/spasmguide", f"WorkingDirectory={PREFIX}"),
        ("file:///opt/spasmguide/docs/kiosk.md", "file:///usr/share/doc/spasmguide-kiosk/kiosk.md"),
    ):
        if old not in text:
            raise RuntimeError(f"spasmguide-kiosk.service no longer has {old!r}")
        text = text.replace(old, new)
    # The header tells how to install by hand; the package does that.
    body = text[text.index("[Unit]"):]
    return ("# SpasmGuide clinic kiosk, from the spasmguide-kiosk package. Not enabled on\n"
            "# install; to run it:\n"
            "#   systemctl enable --now spasmguide-kiosk.service\n"
            "# See /usr/share/doc/spasmguide-kiosk/kiosk.md.\n\n" + body)


def _kiosk_script() -> str:
    text = (LINUX / "spasmguide-kiosk.sh").read_text(encoding="utf-8")
    old = 'SPASMGUIDE_HOME="${SPASMGUIDE_HOME:-/opt/spasmguide}"'
    if old not in text:
        raise RuntimeError(f"spasmguide-kiosk.sh no longer has {old!r}")
    return text.replace(old, f'SPASMGUIDE_HOME="${{SPASMGUIDE_HOME:-{PREFIX}}}"')


KIOSK_POSTINST = """\
#!/bin/sh
# The kiosk's own system user, and kiosk.ini readable by it but not writable. The service is
# installed but not enabled: "systemctl enable --now spasmguide-kiosk.service" does that.
set -e
if [ "$1" = configure ]; then
    if ! getent passwd spasmguide >/dev/null; then
        adduser --system --quiet --group --home /nonexistent --no-create-home \\
            --shell /usr/sbin/nologin --gecos "SpasmGuide kiosk" spasmguide >/dev/null 2>&1
    fi
    for group in video input render; do
        if getent group "$group" >/dev/null; then
            adduser spasmguide "$group" >/dev/null 2>&1 || true
        fi
    done
    if ! dpkg-statoverride --list /etc/spasmguide/kiosk.ini >/dev/null 2>&1; then
        chown root:spasmguide /etc/spasmguide/kiosk.ini
        chmod 0640 /etc/spasmguide/kiosk.ini
    fi
    if [ -d /run/systemd/system ]; then
        systemctl --system daemon-reload >/dev/null 2>&1 || true
    fi
fi
exit 0
"""

KIOSK_POSTRM = """\
#!/bin/sh
# The user is kept on purge too (files it owned may remain, as Debian advises); the unit's
# state folder goes with a purge.
set -e
if [ -d /run/systemd/system ]; then
    systemctl --system daemon-reload >/dev/null 2>&1 || true
fi
if [ "$1" = purge ]; then
    rm -rf /var/lib/spasmguide-kiosk
fi
exit 0
"""


def build_kiosk_deb(work: Path, out_dir: Path, version: str) -> Path:
    """The ``spasmguide-kiosk`` package (architecture-independent)."""
    root = work / "spasmguide-kiosk"
    shutil.rmtree(root, ignore_errors=True)
    _copy(LINUX / "kiosk.ini.example", root / "etc/spasmguide/kiosk.ini")
    _write(root / PREFIX.lstrip("/") / "spasmguide-kiosk", _kiosk_script(), 0o755)
    _write(root / "lib/systemd/system/spasmguide-kiosk.service", _kiosk_unit())
    _docs(root, "spasmguide-kiosk", version, "Clinic kiosk set-up for SpasmGuide.")
    _copy(ROOT / "docs/kiosk.md", root / "usr/share/doc/spasmguide-kiosk/kiosk.md")
    _write(root / "DEBIAN/conffiles", "/etc/spasmguide/kiosk.ini\n")
    _write(root / "DEBIAN/postinst", KIOSK_POSTINST, 0o755)
    _write(root / "DEBIAN/postrm", KIOSK_POSTRM, 0o755)
    _control(root, {
        "Package": "spasmguide-kiosk", "Version": version, "Architecture": "all",
        "Maintainer": MAINTAINER, "Installed-Size": _installed_size(root),
        "Depends": f"spasmguide (= {version}), adduser", "Recommends": "cage",
        "Section": "science", "Priority": "optional", "Homepage": "https://spasmguide.org/",
    }, """SpasmGuide as a clinic waiting-room kiosk
Turns this machine into a SpasmGuide kiosk: with /etc/spasmguide/kiosk.ini in
place every start of SpasmGuide is a locked-down kiosk that resets between
visitors. The package adds the spasmguide system user and a systemd unit that
runs the guide full screen under the cage compositor. The unit is installed
but not enabled; see /usr/share/doc/spasmguide-kiosk/kiosk.md.""")
    return _build(root, out_dir, f"spasmguide-kiosk_{version}_all.deb")


def pack_package_name(pack_id: str) -> str:
    """``spasmguide-content-<id>``, the pack id made into a valid Debian package name."""
    slug = re.sub(r"[^a-z0-9.+-]+", "-", pack_id.lower()).strip("-.+")
    slug = slug.removeprefix("spasmguide-") or "pack"
    return f"spasmguide-content-{slug}"


PACK_POSTINST = """\
#!/bin/sh
# Put the content pack in use only if check-content finds no problem in it. A broken pack
# fails this step and the copy in use stays as it was.
set -e
PACK_ID='@ID@'
STAGED="${DPKG_ROOT:-}@STAGED@/$PACK_ID"
LIVE="${DPKG_ROOT:-}@LIVE@"
if [ "$1" = configure ]; then
    if ! spasmguide check-content "$STAGED"; then
        echo "@PACKAGE@: the content pack has the problems listed above, so it was not put" >&2
        echo "in use; $LIVE/$PACK_ID is unchanged. Fix the pack and build its package again." >&2
        exit 1
    fi
    mkdir -p "$LIVE"
    rm -rf "$LIVE/.$PACK_ID.new" "$LIVE/.$PACK_ID.old"
    cp -R "$STAGED" "$LIVE/.$PACK_ID.new"
    if [ -e "$LIVE/$PACK_ID" ]; then
        mv "$LIVE/$PACK_ID" "$LIVE/.$PACK_ID.old"
    fi
    mv "$LIVE/.$PACK_ID.new" "$LIVE/$PACK_ID"
    rm -rf "$LIVE/.$PACK_ID.old"
fi
exit 0
"""

PACK_POSTRM = """\
#!/bin/sh
set -e
PACK_ID='@ID@'
LIVE="${DPKG_ROOT:-}@LIVE@"
case "$1" in
    remove|purge)
        rm -rf "$LIVE/$PACK_ID" "$LIVE/.$PACK_ID.new" "$LIVE/.$PACK_ID.old"
        rmdir "$LIVE" 2>/dev/null || true
        rmdir "$(dirname "$LIVE")" 2>/dev/null || true
        ;;
esac
exit 0
"""


def build_pack_deb(pack: Path, work: Path, out_dir: Path, program_version: str) -> Path:
    """A package installing the content pack in ``pack`` (checked when it is installed)."""
    with open(pack / "pack.toml", "rb") as file:
        meta = tomllib.load(file)
    pack_id = str(meta.get("id") or pack.name)
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", pack_id):
        raise ValueError(f"{pack}: pack id {pack_id!r} cannot be a folder name")
    version = str(meta.get("version") or "0")
    if not re.fullmatch(r"[0-9][A-Za-z0-9.+~-]*", version):
        raise ValueError(f"{pack}: pack version {version!r} is not a package version")
    package = pack_package_name(pack_id)
    root = work / package
    shutil.rmtree(root, ignore_errors=True)
    target = root / PACKS_STAGED.lstrip("/") / pack_id
    shutil.copytree(pack, target, ignore=shutil.ignore_patterns("__pycache__", ".*"))
    for path in target.rglob("*"):
        if path.is_file():
            path.chmod(0o644)
    _docs(root, package, version, f"Content pack {pack_id}.")
    for name, template in (("postinst", PACK_POSTINST), ("postrm", PACK_POSTRM)):
        script = (template.replace("@ID@", pack_id).replace("@STAGED@", PACKS_STAGED)
                  .replace("@LIVE@", PACKS_LIVE).replace("@PACKAGE@", package))
        _write(root / "DEBIAN" / name, script, 0o755)
    title = str(meta.get("title") or pack_id)
    language = str(meta.get("language") or "")
    _control(root, {
        "Package": package, "Version": version, "Architecture": "all",
        "Maintainer": MAINTAINER, "Installed-Size": _installed_size(root),
        "Depends": f"spasmguide (>= {program_version})", "Section": "science",
        "Priority": "optional",
    }, f"""SpasmGuide content pack {pack_id} ({language or 'text'})
The text of the guide "{title}" as a content pack, checked with
"spasmguide check-content" when it is installed: a pack with problems is not
put in use. Point kiosk.ini at it with:
content = {PACKS_LIVE}/{pack_id}""")
    return _build(root, out_dir, f"{package}_{version}_all.deb")


def lintian(debs: list[Path]) -> tuple[int, str]:
    """Run lintian on ``debs``; (exit code, its report). Exit 2 when lintian is missing."""
    tool = shutil.which("lintian")
    if tool is None:
        return 2, "lintian is not installed"
    env = {**os.environ, "LC_ALL": "C.UTF-8"}
    result = subprocess.run([tool, "--tag-display-limit", "0", "--fail-on", "error",
                             *map(str, debs)], capture_output=True, text=True, env=env,
                            check=False)
    return result.returncode, result.stdout + result.stderr
