"""`check-template` says per font how its text is measured and what the PDFs embed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.layout import fontconfig, measure
from generator.template_report import template_facts, template_report
from tests.cli_runner import run
from tests.templates.make_templates import in_font

pytestmark = pytest.mark.skipif(shutil.which("fc-match") is None, reason="needs fontconfig")


def test_an_installed_metric_twin_is_reported_as_exact(tmp_path: Path) -> None:
    found = fontconfig.match("Calibri", False, False)
    if found is None or "Carlito" not in found.families:
        pytest.skip("Carlito is not installed")
    path = in_font(tmp_path, "Calibri")
    (calibri,) = template_facts(path)["fonts"]["families"]
    assert calibri["how"] == "metric" and calibri["measured_with"] == "Carlito"
    assert calibri["file"] == str(found.file) and calibri["margin_percent"] == 0
    assert calibri["used_for"] == ["text", "headings"]
    assert "embedded as Carlito" in calibri["pdf"]
    report, _ = template_report(path)
    assert "  Calibri: measured exactly, with Carlito, which has the same character widths" \
        in report


def test_an_unknown_font_is_reported_with_its_margin_and_fallback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    measure.resolve.cache_clear()
    fallback = fontconfig.match("Fancy Display Zz", False, False)
    path = in_font(tmp_path, "Fancy Display Zz")
    code, out, _ = run(["check-template", str(path), "--format", "json"], capsys)
    assert code == 0
    (family,) = json.loads(out)["fonts"]["families"]
    assert family["how"] == "margin" and family["margin_percent"] == 20
    assert family["fallback"] == (fallback.family if fallback else None)
    assert "not available here" in family["pdf"]
    code, out, _ = run(["check-template", str(path)], capsys)
    assert "Fancy Display Zz: not available here; measured with a margin of 20 %" in out
    if fallback:
        assert f"or, where wider, {fallback.family}, which this machine draws it in" in out


def test_an_embedded_font_is_reported_as_measured_exactly_from_the_template(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.templates.font_templates import FAMILY, embedding_template, have_font

    if not have_font():
        pytest.skip("Carlito is not installed")
    measure.resolve.cache_clear()
    path = embedding_template(tmp_path, "eot", bold=True)
    code, out, _ = run(["check-template", str(path), "--format", "json"], capsys)
    assert code == 0
    (family,) = json.loads(out)["fonts"]["families"]
    assert family["family"] == FAMILY and family["how"] == "exact"
    assert family["embedded_in_template"] is True
    assert family["embedded_faces_read"] == ["regular", "bold"]
    assert family["embedded_problems"] == [] and family["fallback"] is None
    assert Path(family["file"]).is_file()
    report, usable = template_report(path)
    assert usable
    assert (f"  {FAMILY}: measured exactly, embedded in the template ({family['file']}); "
            "italic, bold italic with a margin of 20 % (not embedded)") in report


def test_an_embedded_font_that_cannot_be_read_is_reported_with_its_margin(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.templates.font_templates import FAMILY, embedding_template, have_font

    if not have_font():
        pytest.skip("Carlito is not installed")
    measure.resolve.cache_clear()
    path = embedding_template(tmp_path, "eot-mtx", bold=True)
    code, out, _ = run(["check-template", str(path), "--format", "json"], capsys)
    assert code == 0
    fonts = json.loads(out)["fonts"]
    assert fonts["in_template"] == [{"family": FAMILY, "read": [], "problems": [
        f"{style}: compressed with MicroType Express, which make-deck does not read"
        for style in ("regular", "bold")]}]
    report, _ = template_report(path)
    assert (f"The template embeds:\n  {FAMILY}: faces read none; not read: regular, bold: "
            "compressed with MicroType Express, which make-deck does not read\n") in report
    (family,) = fonts["families"]
    assert family["family"] == FAMILY and family["how"] == "margin"
    assert family["embedded_in_template"] is False and family["margin_percent"] == 20
    assert family["embedded_problems"] == fonts["in_template"][0]["problems"]
    assert family["measured"].endswith(
        "; the template embeds it, unread here (regular, bold: compressed with MicroType "
        "Express, which make-deck does not read)")


def test_a_font_the_layouts_set_titles_in_is_reported_and_measured(
        tmp_path: Path) -> None:
    from tests.templates.font_templates import FAMILY, have_font, layouts_embedding_template

    if not have_font():
        pytest.skip("Carlito is not installed")
    measure.resolve.cache_clear()
    path = layouts_embedding_template(tmp_path)
    fonts = template_facts(path)["fonts"]
    assert fonts["text"] == "Arial" and fonts["layouts_also"] == [FAMILY]
    arial, embedded = fonts["families"]
    assert arial["family"] == "Arial" and arial["used_for"] == ["text", "headings"]
    assert embedded["family"] == FAMILY and embedded["used_for"] == ["headings"]
    assert embedded["how"] == "exact" and embedded["embedded_in_template"] is True
    report, _ = template_report(path)
    assert (f"Fonts: Arial for text, Arial for headings (the layouts also set text in "
            f"{FAMILY}); measured:") in report
