"""The bilingual check: both languages of a slide's text at one size and weight; plain
values where text is usually translated are warnings, errors with --strict."""

from __future__ import annotations

from pathlib import Path

from tests.cli_runner import run

OUTLINE = """\
languages: [cy-GB, en-GB]
title: {cy: Newid, en: Change}
sections:
  - title: {cy: Adran, en: Section}
    slides:
      - title: {cy: Sleid, en: Slide}
        bullets:
          - {cy: "**Pwysig** iawn", en: Very important}
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "outline.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_language_in_bold_where_the_other_is_not_fails_check(tmp_path, capsys):
    code, _out, err = run(["check", str(_write(tmp_path, OUTLINE))], capsys)
    assert code == 1
    assert "error[A11Y-LANGUAGE-EQUAL]" in err and "cy-GB and en-GB" in err
    assert ":8:" in err or ":7:" in err  # at the slide's text


def test_the_same_weight_in_both_passes(tmp_path, capsys):
    fixed = OUTLINE.replace("en: Very important", 'en: "**Very** important"')
    code, out, err = run(["check", str(_write(tmp_path, fixed))], capsys)
    assert (code, err) == (0, "")
    assert "OK" in out


def test_an_untranslated_value_is_a_warning_where_it_is_and_an_error_with_strict(
        tmp_path, capsys):
    plain = OUTLINE.replace('{cy: "**Pwysig** iawn", en: Very important}', "Untranslated")
    path = _write(tmp_path, plain)
    code, _out, err = run(["check", str(path)], capsys)
    assert code == 0
    assert f"{path}:8:13: warning[W-LANG-PLAIN]" in err
    code, _out, err = run(["check", "--strict", str(path)], capsys)
    assert code == 1
    assert f"{path}:8:13: error[W-LANG-PLAIN]" in err
