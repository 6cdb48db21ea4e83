"""Every problem code make-deck reports, declared once (docs/checks.md lists them all).

A code is what a `Diagnostic` carries and what users and scripts match on (the JSON
report's ``code``), so it never changes once published. The naming scheme:

- ``E-...`` and ``W-...`` (``E-YAML-SYNTAX``, ``W-FIT-SMALL``): problems found while
  reading the outline, its theme and pictures, planning and laying out, and writing;
  the prefix is the severity (error or warning) before ``--strict``.
- ``A11Y-WHAT``, ``DENSITY-WHAT``, ``FIT-WHAT``: the checks run on the laid-out deck
  (`generator.checks`); their severity is in the table of checks, since a check's
  code names its rule rather than how bad breaking it is.

Each member's Python name is its code with ``-`` written ``_`` (``E_YAML_SYNTAX`` is
``"E-YAML-SYNTAX"``), so a misspelt code is an ``AttributeError``, never a new code.
A member is a ``str``: ``Diagnostic(Problem.E_FIT, ...)`` stores the plain code.
"""

from __future__ import annotations

import enum

from generator.diagnostics import Severity

E, W = Severity.ERROR, Severity.WARNING

DOCS = "docs/checks.md"
"""The file that documents every code."""

TABLE_ANCHOR = "problem-codes"
"""The section of `DOCS` that lists every code."""


class Problem(enum.StrEnum):
    """A problem code with its default severity, its rule in a line and its docs anchor."""

    severity: Severity
    summary: str
    check: bool

    def __new__(cls, code: str, severity: Severity, summary: str,
                check: bool = False) -> Problem:
        member = str.__new__(cls, code)
        member._value_ = code
        member.severity = severity
        member.summary = summary
        member.check = check
        return member

    @property
    def anchor(self) -> str:
        """Return the anchor in `DOCS` that explains this code: a check's own section,
        otherwise the table of every code."""
        return self.value.lower() if self.check else TABLE_ANCHOR

    @property
    def docs(self) -> str:
        """Return where this code is documented, e.g. ``docs/checks.md#a11y-contrast``."""
        return f"{DOCS}#{self.anchor}"

    # Reading the outline file
    E_FILE_MISSING = "E-FILE-MISSING", E, "the outline cannot be found"
    E_FILE_READ = "E-FILE-READ", E, "the outline cannot be read (not a file, no permission)"
    E_FILE_SIZE = "E-FILE-SIZE", E, "the outline is over the size limit"
    E_FILE_BINARY = "E-FILE-BINARY", E, "the file is not text"
    E_FILE_ENCODING = "E-FILE-ENCODING", E, "the file is not UTF-8 text"
    E_YAML_SYNTAX = "E-YAML-SYNTAX", E, "the file is not valid YAML (quoting, indentation, a tab)"
    E_YAML_DUPLICATE = "E-YAML-DUPLICATE", E, "a key appears twice in the same mapping"
    E_YAML_TAG = "E-YAML-TAG", E, "a YAML tag such as `!!python/object` was used"
    E_YAML_KEY = "E-YAML-KEY", E, "a key that is not plain text"
    E_YAML_SIZE = "E-YAML-SIZE", E, "anchors and aliases expand past 200,000 values"
    E_YAML_DEPTH = "E-YAML-DEPTH", E, "nesting deeper than 40 levels"
    E_EMPTY = "E-EMPTY", E, "the file is empty"
    E_TYPE = "E-TYPE", E, "the file, or a part of it, is not a mapping of keys"
    W_YAML_COMMENT = ("W-YAML-COMMENT", W, "text after a plain value is read as a comment "
        "(` #1 priority`)")
    # The outline's structure and values
    E_KEY_UNKNOWN = "E-KEY-UNKNOWN", E, "an unknown or misspelt key"
    E_SLIDE_KIND = "E-SLIDE-KIND", E, "a slide whose kind cannot be told"
    E_SLIDE_KINDS = "E-SLIDE-KINDS", E, "a slide with keys of two kinds"
    E_VALUE = "E-VALUE", E, "a missing required key, or a value of the wrong type or out of range"
    E_TABLE_ROW = "E-TABLE-ROW", E, "a table row with a different number of cells from the others"
    E_PROMPT_SPACES = "E-PROMPT-SPACES", E, "a worksheet prompt that asks for two spaces"
    E_PROMPT_KEY = "E-PROMPT-KEY", E, "`points` without `scale`, or `rows` without `table`"
    E_PROMPT_LABELS = "E-PROMPT-LABELS", E, "a prompt's scale, grid or timeline without two labels"
    W_LIST_TEXT = ("W-LIST-TEXT", W, "a list (`materials`, `facilitators`) given one text with "
        "commas, so one item")
    W_SECTION_EMPTY = ("W-SECTION-EMPTY", W, "a section without slides (`slides:` missing, "
        "empty or `[]`)")
    # Languages (`language:`, `languages:` and translation mappings)
    E_LANG_BOTH = "E-LANG-BOTH", E, "an outline with both `language` and `languages`"
    E_LANG_LIST = "E-LANG-LIST", E, "`languages` is not two different language tags"
    E_LANG_NONE = "E-LANG-NONE", E, "a translation mapping in an outline without `languages`"
    E_LANG_MISSING = "E-LANG-MISSING", E, "a translation mapping lacks one of the languages"
    E_LANG_UNKNOWN = ("E-LANG-UNKNOWN", E, "a translation mapping names a language not in "
        "`languages`")
    E_LANG_TWICE = "E-LANG-TWICE", E, "a translation mapping gives one language twice"
    W_LANG_PLAIN = ("W-LANG-PLAIN", W, "a plain value, the same in both languages, where text "
        "is usually translated")
    W_LANG_WORDS = ("W-LANG-WORDS", W, "make-deck has no words in the outline's language; its "
        "own are English")
    # Pictures, themes and templates
    E_IMAGE_MISSING = "E-IMAGE-MISSING", E, "a picture is not found"
    E_IMAGE_OUTSIDE = "E-IMAGE-OUTSIDE", E, "a picture is outside the outline's folder"
    E_IMAGE_TYPE = "E-IMAGE-TYPE", E, "a picture is not a PNG, JPEG or GIF by its content"
    E_IMAGE_SIZE = "E-IMAGE-SIZE", E, "a picture is over 40 million pixels, or unreadable"
    E_THEME_UNKNOWN = "E-THEME-UNKNOWN", E, "`theme` names no built-in theme"
    E_THEME_MISSING = "E-THEME-MISSING", E, "the theme file is not found"
    E_THEME_READ = "E-THEME-READ", E, "the theme file cannot be read"
    E_THEME_SIZE = "E-THEME-SIZE", E, "the theme file is over the size limit"
    W_THEME_FOOTER = ("W-THEME-FOOTER", W, "the theme's footer is too long for one line and "
        "was shortened")
    E_TEMPLATE_LAYOUT = "E-TEMPLATE-LAYOUT", E, "`layouts` names a layout the template lacks"
    E_TEMPLATE_SLIDE = ("E-TEMPLATE-SLIDE", E, "`template_slides` names an example slide the "
        "template lacks")
    W_TEMPLATE_BRANDING = ("W-TEMPLATE-BRANDING", W, "the template's logos or bands are on its "
        "example slides, not on the layouts used")
    W_TEMPLATE_ROLE = ("W-TEMPLATE-ROLE", W, "a template layout lacks a box a kind of slide "
        "needs; one is added")
    W_TEMPLATE_PICTURE = ("W-TEMPLATE-PICTURE", W, "a template layout leaves a picture too "
        "little room; its slide moves to a layout with more")
    W_TEMPLATE_PERSONAL = ("W-TEMPLATE-PERSONAL", W, "a template layout shows someone's email "
        "address or telephone number in text of its own, on every slide made on it")
    E_FONT_COVERAGE = "E-FONT-COVERAGE", E, "a character the theme's fonts cannot show"
    # Planning and layout
    W_TIME_OVER = ("W-TIME-OVER", W, "a section's slides and activities take longer than its "
        "`minutes`")
    E_FIT = "E-FIT", E, "text that does not fit on a slide even at the smallest size"
    W_FIT_SMALL = "W-FIT-SMALL", W, "text set below the theme's minimum size to fit"
    # Writing the outputs
    E_OUTPUT_EDITED = ("E-OUTPUT-EDITED", E, "an output was edited by hand since make-deck "
        "wrote it (exit code 3)")
    E_OUTPUT_WRITE = "E-OUTPUT-WRITE", E, "the output folder cannot be written"
    # The checks on the laid-out deck (each has its own section in the docs)
    A11Y_TITLE_MISSING = "A11Y-TITLE-MISSING", E, "every slide has a title", True
    A11Y_TITLE_DUPLICATE = "A11Y-TITLE-DUPLICATE", W, "no two slides have the same title", True
    A11Y_ALT_MISSING = ("A11Y-ALT-MISSING", E, "every picture that is not decorative has alt "
        "text that says something", True)
    A11Y_ALT_FILENAME = "A11Y-ALT-FILENAME", E, "alt text is not a file name", True
    A11Y_ALT_LONG = "A11Y-ALT-LONG", W, "alt text is at most 250 characters", True
    A11Y_TABLE_HEADER = "A11Y-TABLE-HEADER", W, "every table has a header row", True
    A11Y_TABLE_HEADER_EMPTY = "A11Y-TABLE-HEADER-EMPTY", E, "no header cell is empty", True
    A11Y_LINK_TEXT = "A11Y-LINK-TEXT", W, "the words beside a link say where it goes", True
    A11Y_LINK_LONG = ("A11Y-LINK-LONG", W, "a link address on a slide is at most 60 "
        "characters", True)
    A11Y_CONTRAST = ("A11Y-CONTRAST", E, "text contrast is at least 4.5:1 (3:1 for large "
        "text)", True)
    A11Y_TEXT_SMALL = ("A11Y-TEXT-SMALL", W, "no text is smaller than 18 pt (or the theme's "
        "floor)", True)
    A11Y_LANGUAGE = "A11Y-LANGUAGE", W, "the outline's language is a known BCP 47 tag", True
    A11Y_LANGUAGE_EQUAL = ("A11Y-LANGUAGE-EQUAL", E, "on a bilingual slide both languages "
        "are the same size and weight", True)
    DENSITY_BULLETS = "DENSITY-BULLETS", W, "at most `max_bullets` bullets on one slide", True
    DENSITY_WORDS = "DENSITY-WORDS", W, "at most `max_words` words on one slide", True
    FIT_CONTINUED = "FIT-CONTINUED", W, "a list continues over at most two slides", True
    FIT_FURNITURE = ("FIT-FURNITURE", W, "the slide number, footer and logo overlap nothing "
        "else on the slide", True)


__all__ = ["DOCS", "TABLE_ANCHOR", "Problem"]
