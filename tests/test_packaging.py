"""Packaging: what the build carries, the Linux desktop files, and the Debian packages.

None of these needs a build: the lists are checked as the build reads them, and the content
pack package is made and its install step run against a private root folder.
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from spasmguide import APP_ID

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"
sys.path.insert(0, str(ROOT / "packaging"))

import bundle  # noqa: E402
import deb_packages  # noqa: E402

needs_dpkg = pytest.mark.skipif(shutil.which("dpkg-deb") is None,
                                reason="dpkg-deb is not installed (Debian's dpkg)")


def test_every_resource_folder_is_carried_found_not_listed(tmp_path: Path) -> None:
    for name in ("resources/content/en/pack.toml", "resources/content/es/pack.toml",
                 "resources/pictures/calf.svg", "resources/sounds/make_chime.py",
                 "spasmguide/i18n/spasmguide_es.qm", "spasmguide/core/x.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    carried = {(Path(src).relative_to(tmp_path).as_posix(), dest)
               for src, dest in bundle.data_files(tmp_path)}
    assert carried == {
        ("resources/content/en/pack.toml", "resources/content/en"),
        ("resources/content/es/pack.toml", "resources/content/es"),
        ("resources/pictures/calf.svg", "resources/pictures"),
        ("spasmguide/i18n/spasmguide_es.qm", "spasmguide/i18n"),
    }


def test_plugins_that_pull_in_unused_qt_are_dropped_and_the_rest_kept() -> None:
    dropped = ["PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
               "PySide6/Qt/plugins/platforms/libqeglfs.so", "PySide6/Qt/lib/libQt6Quick.so.6",
               "PySide6/Qt/plugins/platformthemes/libqgtk3.so", "libQt6Qml.so.6",
               "libstdc++.so.6", "libgcc_s.so.1"]
    kept = ["PySide6/Qt/plugins/platforms/libqxcb.so",
            "PySide6/Qt/plugins/platforms/libqwayland.so",
            "PySide6/Qt/plugins/platforms/libqoffscreen.so", "PySide6/Qt/lib/libQt6Widgets.so.6",
            "PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so",
            "PySide6/Qt/plugins/texttospeech/libqtexttospeech_speechd.so",
            "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
            "libstdc++compat.so", "libpython3.11.so.1.0"]
    assert [p for p in dropped if not bundle.is_unwanted_binary(p)] == []
    assert [p for p in kept if bundle.is_unwanted_binary(p)] == []


def test_libraries_only_a_dropped_plugin_needed_go_too() -> None:
    entries = [("PySide6/QtWidgets.abi3.so", "w", "BINARY"), ("libQt6Widgets.so.6", "qw", "BINARY"),
               ("libQt6Core.so.6", "qc", "BINARY"), ("libpango-1.0.so.0", "pango", "BINARY"),
               ("libpython3.11.so.1.0", "py", "BINARY"), ("libz.so.1", "z", "BINARY")]
    needs = {"w": {"libQt6Widgets.so.6"}, "qw": {"libQt6Core.so.6", "libc.so.6"},
             "py": {"libz.so.1"}}
    kept = bundle.reachable_binaries(entries, lambda src: needs.get(src, set()))
    assert [e[0] for e in kept] == ["PySide6/QtWidgets.abi3.so", "libQt6Widgets.so.6",
                                    "libQt6Core.so.6", "libpython3.11.so.1.0", "libz.so.1"]


def test_one_application_id_everywhere() -> None:
    desktop = configparser.ConfigParser(interpolation=None)
    desktop.optionxform = str  # type: ignore[assignment,method-assign]
    desktop.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    entry = desktop["Desktop Entry"]
    assert entry["Icon"] == APP_ID and entry["Exec"].split()[0] == "spasmguide"
    meta = ElementTree.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    assert meta.findtext("id") == APP_ID
    assert meta.findtext("launchable") == f"{APP_ID}.desktop"
    assert (ROOT / "packaging" / "icons" / f"{APP_ID}.svg").is_file()
    assert deb_packages.APP_ID == APP_ID
    assert "spasmguide" in [b.text for b in meta.iter("binary")]
    release = meta.find("releases/release")
    assert release is not None and release.get("version") == deb_packages.version_of_program()


@pytest.mark.parametrize(("tool", "args", "name"), [
    ("desktop-file-validate", [], f"{APP_ID}.desktop"),
    ("appstreamcli", ["validate", "--no-net"], f"{APP_ID}.metainfo.xml"),
])
def test_the_desktop_files_pass_their_validators(tool: str, args: list[str], name: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed (.ci/run installs it when it can)")
    result = subprocess.run([tool, *args, str(LINUX / name)], capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in (result.stdout + result.stderr).lower()


def test_pack_package_names_are_valid_debian_names() -> None:
    assert deb_packages.pack_package_name("spasmguide-en") == "spasmguide-content-en"
    assert deb_packages.pack_package_name("Clinic_North ES") == "spasmguide-content-clinic-north-es"


def _install_step(deb: Path, root: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    """Unpack ``deb`` into ``root`` and run its postinst there, as dpkg would."""
    shutil.rmtree(root / "usr", ignore_errors=True)  # dpkg replaces the old version's files
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    control = tmp_path / f"control-{deb.stem}"
    subprocess.run(["dpkg-deb", "-e", str(deb), str(control)], check=True)
    # `spasmguide` on PATH is this source tree's program, as the installed one would be.
    stub = tmp_path / "bin" / "spasmguide"
    stub.parent.mkdir(exist_ok=True)
    stub.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m spasmguide "$@"\n', encoding="utf-8")
    stub.chmod(0o755)
    env = {**os.environ, "DPKG_ROOT": str(root), "PYTHONPATH": str(ROOT),
           "PATH": f"{stub.parent}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run([str(control / "postinst"), "configure"], capture_output=True,
                          text=True, env=env, timeout=300, check=False)


@needs_dpkg
def test_a_content_pack_package_puts_a_good_pack_in_use_and_refuses_a_broken_one(
    tmp_path: Path,
) -> None:
    good = shutil.copytree(ROOT / "resources/content/en", tmp_path / "src" / "en")
    out = tmp_path / "out"
    deb = deb_packages.build_pack_deb(good, tmp_path / "work", out, "1.0.0")
    assert deb.name == "spasmguide-content-en_1.1.0_all.deb"
    root = tmp_path / "root"
    result = _install_step(deb, root, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    live = root / "var/lib/spasmguide/packs/spasmguide-en"
    assert (live / "pack.toml").read_bytes() == (good / "pack.toml").read_bytes()

    # The same pack, version 1.2.0, with a tab whose file is gone.
    toml = (good / "pack.toml").read_text(encoding="utf-8")
    (good / "pack.toml").write_text(toml.replace('version = "1.1.0"', 'version = "1.2.0"'),
                                    encoding="utf-8")
    (good / "causes.md").unlink()
    broken = deb_packages.build_pack_deb(good, tmp_path / "work", out, "1.0.0")
    result = _install_step(broken, root, tmp_path)
    assert result.returncode != 0
    assert "causes.md" in result.stdout + result.stderr
    assert "not put" in result.stderr and "in use" in result.stderr
    assert 'version = "1.1.0"' in (live / "pack.toml").read_text(encoding="utf-8")
    assert (live / "causes.md").is_file()


@needs_dpkg
def test_the_kiosk_package_carries_its_conffile_and_a_unit_that_is_not_enabled(
    tmp_path: Path,
) -> None:
    deb = deb_packages.build_kiosk_deb(tmp_path / "work", tmp_path / "out", "1.0.0")
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True,
                             check=True).stdout
    assert "./etc/spasmguide/kiosk.ini" in listing
    assert "./lib/systemd/system/spasmguide-kiosk.service" in listing
    assert ".wants/" not in listing  # nothing enables it at install
    control = tmp_path / "control"
    subprocess.run(["dpkg-deb", "-e", str(deb), str(control)], check=True)
    assert (control / "conffiles").read_text().split() == ["/etc/spasmguide/kiosk.ini"]
    postinst = (control / "postinst").read_text()
    commands = [line for line in postinst.splitlines() if not line.lstrip().startswith("#")]
    assert any("adduser --system" in line for line in commands)
    assert not any("enable" in line for line in commands)
    files = tmp_path / "files"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(files)], check=True)
    unit = configparser.ConfigParser(interpolation=None, strict=False)
    unit.optionxform = str  # type: ignore[assignment,method-assign]
    unit.read(files / "lib/systemd/system/spasmguide-kiosk.service", encoding="utf-8")
    assert unit["Service"]["ExecStart"].endswith("/usr/lib/spasmguide/spasmguide-kiosk")
    assert unit["Service"]["User"] == "spasmguide"
    script = (files / "usr/lib/spasmguide/spasmguide-kiosk").read_text()
    assert 'SPASMGUIDE_HOME:-/usr/lib/spasmguide}' in script


def test_the_fleet_playbook_is_valid(tmp_path: Path) -> None:
    playbook = ROOT / "packaging" / "ansible" / "spasmguide-kiosk.yml"
    tool = shutil.which("ansible-playbook") or os.environ.get("SPASMGUIDE_ANSIBLE_PLAYBOOK")
    if tool:
        result = subprocess.run([tool, "--syntax-check", "-i", "localhost,", str(playbook)],
                                capture_output=True, text=True, timeout=300, check=False,
                                env={**os.environ, "ANSIBLE_LOCAL_TEMP": str(tmp_path),
                                     "ANSIBLE_HOME": str(tmp_path)})
        assert result.returncode == 0, result.stdout + result.stderr
        return
    yaml = pytest.importorskip("yaml", reason="neither ansible-playbook nor PyYAML is here "
                               "(.ci/run installs Ansible in a throw-away environment)")
    plays = yaml.safe_load(playbook.read_text(encoding="utf-8"))
    assert isinstance(plays, list) and all("hosts" in play and "tasks" in play for play in plays)
