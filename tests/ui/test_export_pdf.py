"""The printable summary: real text, headings, the date, the disclaimer on every page."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QLocale

from spasmguide.cli import export_pdf
from spasmguide.core.content import Pack
from spasmguide.core.takehome import build_summary, choose
from spasmguide.ui.export_pdf import page_size_for, save_summary_pdf

UK = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
US = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
POINTS_PER_MM = 72 / 25.4


def page_texts(path: Path) -> list[str]:
    """Each page's text with runs of white space made single spaces."""
    return [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(path).pages]


def test_paper_follows_the_locale() -> None:
    from PySide6.QtGui import QPageSize

    a4, letter = QPageSize.PageSizeId.A4, QPageSize.PageSizeId.Letter
    assert page_size_for(UK).id() == page_size_for(QLocale("de_DE")).id() == a4
    assert page_size_for(US).id() == page_size_for(QLocale("en_CA")).id() == letter


@pytest.mark.parametrize(("locale", "size_mm"), [(UK, (210, 297)), (US, (215.9, 279.4))])
def test_safety_summary_reads_well_on_every_page(
    qapp, pack: Pack, tmp_path: Path, locale: QLocale, size_mm: tuple[float, float]
) -> None:
    summary = build_summary(
        pack, choose(pack, personal=["painkillers"]), datetime.date(2027, 3, 4)
    )
    path = tmp_path / "summary.pdf"
    pages = save_summary_pdf(summary, path, locale)
    texts = page_texts(path)
    assert pages == len(texts) >= 2
    box = pypdf.PdfReader(path).pages[0].mediabox
    assert float(box.width) == pytest.approx(size_mm[0] * POINTS_PER_MM, abs=1)
    assert float(box.height) == pytest.approx(size_mm[1] * POINTS_PER_MM, abs=1)
    whole = " ".join(texts)
    for heading in ("What to do right now", "When to get help", "Painkillers for soreness"):
        assert heading in whole
    assert "Call your local emergency number now if:" in whole
    assert "Evidence: Recommended by health services" in whole
    assert "Sources" in whole and "Mayo Clinic" in whole
    made = "4 March 2027" if locale is UK else "March 4, 2027"
    reviewed = "1 December 2026" if locale is UK else "December 1, 2026"
    assert f"Made on Thursday, {made}" in whole
    assert f"Last reviewed: Tuesday, {reviewed}" in whole
    for number, text in enumerate(texts, start=1):
        assert pack.disclaimer in text, f"page {number} has no disclaimer"
        assert f"Page {number} of {pages}" in text
    # Section order: the safety sections first, as in the guide.
    assert whole.index("What to do right now") < whole.index("Painkillers for soreness")


def test_internal_links_become_plain_words(qapp, pack: Pack, tmp_path: Path) -> None:
    summary = build_summary(pack, choose(pack, section="night-cramps"), datetime.date(2027, 1, 2))
    save_summary_pdf(summary, tmp_path / "s.pdf", UK)
    reader = pypdf.PdfReader(tmp_path / "s.pdf")
    assert "If night cramps keep waking you, see a doctor. See When to get help." in " ".join(
        reader.pages[0].extract_text().split()
    )
    annotations = [a for page in reader.pages for a in (page.get("/Annots") or [])]
    assert annotations == []  # no link points anywhere from paper


def test_command_line_writes_chosen_sections(qapp, tmp_path: Path, capsys) -> None:
    import io

    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / "handout.pdf"
    code = export_pdf(target, ["overview/pregnancy", "causes/medicines"], "en", None, out, err,
                      today=datetime.date(2027, 5, 6))
    assert code == 0, err.getvalue()
    assert "Saved" in out.getvalue() and "Cramps in pregnancy" in out.getvalue()
    whole = " ".join(page_texts(target))
    assert "Cramps in pregnancy" in whole and "Medicines that can cause cramps" in whole
    assert "Muscle injury" not in whole


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--lang", "fr"], "there is no guide in language 'fr' yet; available: en"),
        (["--section", "overview/nosuch"], "tab 'overview' has no section 'nosuch'"),
    ],
)
def test_command_line_refuses_bad_input_clearly(
    tmp_path: Path, args: list[str], message: str
) -> None:
    target = tmp_path / "x.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "spasmguide", "export-pdf", str(target), *args],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not target.exists()


def test_command_line_needs_no_display(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    target = tmp_path / "out.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "spasmguide", "export-pdf", str(target)],
        capture_output=True, text=True, timeout=120, check=False, env=env,
    )
    assert result.returncode == 0, result.stderr
    whole = " ".join(page_texts(target))
    assert "What to do right now" in whole and "When to get help" in whole
    assert f"Made on {datetime.date.today():%A}" in whole


def test_unwritable_target_is_a_clear_message(qapp, tmp_path: Path) -> None:
    import io

    err = io.StringIO()
    code = export_pdf(tmp_path / "no" / "such" / "x.pdf", [], "en", None, io.StringIO(), err)
    assert code == 1
    assert "could not write" in err.getvalue()
