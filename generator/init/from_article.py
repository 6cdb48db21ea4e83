"""`make-deck init --from ARTICLE`: draft an outline from an article.

The article is plain text or Markdown. Its sections become the outline's
sections; each paragraph's lead sentence, shortened, becomes a bullet, and the
paragraphs themselves become the speaker notes; quoted phrases with a speaker,
and Markdown block quotes, become quote slides; each section ends with a
discussion activity whose prompts are drafted from the section. The draft is
written as YAML by hand, so that `# REVIEW:` comments can mark what a person must
check; it validates and builds as it is.

Reading the article:

* Markdown (``.md`` files, or text with ``#`` headings): a lone first ``#``
  heading (or a front-matter ``title:``) is the article's title; the top level of
  the remaining headings makes sections, and deeper headings make slides within
  them. Lists become bullets, block quotes (``> text`` with ``> — Name``) quote
  slides, and pipe tables table slides.
* Plain text: paragraphs are separated by blank lines; a short line without a
  full stop standing alone between paragraphs is a heading, and one at the very
  start is the title. Lines starting with ``#`` are notes to the reader and are
  skipped, as is web-page clutter ("Published on ...", "Leave a Reply", ...).
"""

from __future__ import annotations

from pathlib import Path

from generator.init import InitError, InitResult, claim, write_new
from generator.init.article import MAX_ARTICLE_BYTES, _clean, read_article
from generator.init.draft import Draft, draft
from generator.init.draft_yaml import to_yaml

# ------------------------------------------------------------------ the command


def read_article_file(path: Path) -> str:
    """Return an article file's text; raise `InitError` when it cannot be read as text."""
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise InitError(f"{path} is {size:,} bytes; an article over "
                            f"{MAX_ARTICLE_BYTES:,} bytes is too long to draft from")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InitError(f"no article at {path}", exit_code=2) from None
    except IsADirectoryError:
        raise InitError(f"{path} is a folder; pass an article's text or Markdown file",
                        exit_code=2) from None
    except OSError as exc:
        raise InitError(f"cannot read {path}: {exc.strerror}", exit_code=2) from None
    if b"\x00" in data[:8192]:
        raise InitError(f"{path} is not a text file; save the article as plain text or "
                        "Markdown first")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def draft_outline(text: str, article_name: str, suffix: str = ".txt") -> tuple[str, Draft]:
    """Return the outline text drafted from an article's ``text``, and the draft."""
    article = read_article(text, suffix)
    result = draft(article, article_name, _clean(text))
    return to_yaml(result), result


def write_from_article(article: Path, outline: Path) -> InitResult:
    """Write the outline drafted from ``article`` to ``outline`` (never over a file)."""
    from generator.options import BuildOptions
    from generator.outline.reader import read_outline
    from generator.schema import SCHEMA_FILE, schema_text

    text = read_article_file(article)
    claim(outline)
    yaml_text, result = draft_outline(text, article.name, article.suffix)
    checked = read_outline(yaml_text, str(outline), outline.parent, BuildOptions())
    if checked.workshop is None:  # a bug here, not a problem with the article
        problems = "; ".join(d.message for d in checked.diagnostics[:3])
        raise InitError(f"internal error: the draft outline is not valid ({problems})",
                        exit_code=4)
    write_new(outline, yaml_text)
    written = [outline]
    schema = outline.parent / SCHEMA_FILE
    if not schema.exists():
        write_new(schema, schema_text())
        written.append(schema)
    notes = [*result.notes, f"this is a draft: read each `# REVIEW:` comment in {outline}"]
    return InitResult(outline, tuple(written), tuple(notes))
