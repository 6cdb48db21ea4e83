"""How problems are shown: `file:line:col: error[CODE]: message`, the source line, a
caret under the column and a hint."""

from __future__ import annotations

import pytest

from generator.diagnostics import (
    Diagnostic,
    MakeDeckError,
    Position,
    Severity,
    format_diagnostic,
    has_errors,
    source_line,
)
from generator.options import BuildOptions
from generator.outline.reader import load_outline

SOURCE = "title: T\ntitel: X\nsections:\n  - title: S\n    minutes: forty\n"


def test_full_report_has_location_source_line_caret_and_hint():
    d = Diagnostic("E-KEY-UNKNOWN", "unknown key `titel` in the workshop",
                   position=Position("outline.yaml", 2, 1), hint="did you mean `title`?")
    assert format_diagnostic(d, SOURCE).splitlines() == [
        "outline.yaml:2:1: error[E-KEY-UNKNOWN]: unknown key `titel` in the workshop",
        "    titel: X",
        "    ^",
        "  hint: did you mean `title`?",
    ]


@pytest.mark.parametrize("line, column, expected", [
    (5, 14, "f"),   # the value `forty`
    (4, 5, "t"),    # the key `title` after "  - "
    (4, 3, "-"),
    (1, 1, "t"),
])
def test_caret_sits_under_the_column(line, column, expected):
    d = Diagnostic("E-VALUE", "m", position=Position("o.yaml", line, column))
    _, shown, caret = format_diagnostic(d, SOURCE).splitlines()
    assert caret.strip() == "^"
    assert caret.index("^") == len("    ") + column - 1
    assert shown[caret.index("^")] == expected
    assert shown[4:] == SOURCE.splitlines()[line - 1]


def test_caret_stays_aligned_on_a_line_with_a_tab():
    source = "title: T\n\t- title: S\n"
    d = Diagnostic("E-YAML-SYNTAX", "tab", position=Position("o.yaml", 2, 2))
    _, shown, caret = format_diagnostic(d, source).splitlines()
    assert "\t" not in shown
    assert shown[caret.index("^")] == "-"


def test_without_source_only_the_message_and_hint():
    d = Diagnostic("E-VALUE", "bad", position=Position("o.yaml", 3, 4), hint="fix it")
    assert format_diagnostic(d).splitlines() == ["o.yaml:3:4: error[E-VALUE]: bad",
                                                 "  hint: fix it"]


def test_line_past_the_end_of_the_source_shows_no_source_line():
    d = Diagnostic("E-VALUE", "bad", position=Position("o.yaml", 99, 1))
    assert format_diagnostic(d, SOURCE) == "o.yaml:99:1: error[E-VALUE]: bad"


def test_no_position_no_location():
    d = Diagnostic("E-FILE-MISSING", "no outline at x.yaml", hint="check the path")
    assert format_diagnostic(d, SOURCE).splitlines() == [
        "error[E-FILE-MISSING]: no outline at x.yaml", "  hint: check the path"]


def test_warning_slide_number_and_related_positions():
    d = Diagnostic("W-FIT-SMALL", "small", Severity.WARNING, Position("o.yaml", 4, 5),
                   slide=7, related=(Position("o.yaml", 1, 1),))
    lines = format_diagnostic(d, SOURCE).splitlines()
    assert lines[0] == "o.yaml:4:5: warning[W-FIT-SMALL] (slide 7): small"
    assert "  see also o.yaml:1:1" in lines
    assert not any(line.lstrip().startswith("hint:") for line in lines)


def test_as_error_raises_a_warning_and_keeps_the_rest():
    warning = Diagnostic("W-TIME-OVER", "over", Severity.WARNING, Position("o.yaml", 5, 14),
                         hint="trim", slide=2, related=(Position("o.yaml", 1, 1),))
    error = warning.as_error()
    assert error.severity is Severity.ERROR
    assert (error.code, error.message, error.position, error.hint, error.slide,
            error.related) == (warning.code, warning.message, warning.position, warning.hint,
                               warning.slide, warning.related)
    assert not has_errors([warning])
    assert has_errors([warning, error])


def test_sort_key_orders_by_file_line_column_then_code():
    found = [
        Diagnostic("E-B", "m", position=Position("a.yaml", 3, 1)),
        Diagnostic("E-A", "m", position=Position("a.yaml", 3, 1)),
        Diagnostic("E-C", "m", position=Position("a.yaml", 2, 9)),
        Diagnostic("E-D", "m", position=Position("a.yaml", 10, 1)),
        Diagnostic("E-E", "m"),
    ]
    assert [d.code for d in sorted(found, key=Diagnostic.sort_key)] == [
        "E-E", "E-C", "E-A", "E-B", "E-D"]


def test_source_line():
    assert source_line(SOURCE, 2) == "titel: X"
    assert source_line(SOURCE, 0) is None
    assert source_line(SOURCE, 6) is None
    assert source_line(None, 1) is None


def test_make_deck_error_keeps_every_diagnostic():
    found = [Diagnostic("E-A", "first"), Diagnostic("E-B", "second")]
    error = MakeDeckError(found)
    assert error.diagnostics == tuple(found)
    assert "first" in str(error) and "second" in str(error)


def test_a_real_outline_problem_formats_end_to_end(tmp_outline):
    path = tmp_outline(SOURCE)
    source = load_outline(path, BuildOptions())
    first, second = source.diagnostics
    assert format_diagnostic(first, source.text).splitlines() == [
        f"{path}:2:1: error[E-KEY-UNKNOWN]: unknown key `titel` in the workshop",
        "    titel: X",
        "    ^",
        "  hint: did you mean `title`?",
    ]
    lines = format_diagnostic(second, source.text).splitlines()
    assert lines[0].startswith(f"{path}:5:14: error[E-VALUE]: ")
    assert lines[1:3] == ["        minutes: forty", "    " + " " * 13 + "^"]
    assert lines[3].startswith("  hint: ")
