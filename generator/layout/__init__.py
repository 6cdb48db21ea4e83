"""Text layout with real font metrics: measuring, line wrapping and fitting text to boxes.

Only fontTools is used here; the writers (python-pptx, reportlab) draw the lines
computed by this package so that no text spills out of its box.
"""

from generator.layout.fonts import (
    FONT_FAMILY,
    FontMetrics,
    face_path,
    metrics,
    missing_characters,
)
from generator.layout.text import (
    DEFAULT_STYLE,
    WIDTH_SAFETY,
    FittedParagraph,
    FittedText,
    Line,
    Paragraph,
    TextStyle,
    candidate_sizes,
    fit_text,
    layout_text,
    paragraph_indent,
    paragraph_runs,
    single_line_fit,
    split_to_fit,
    text_height,
    wrap,
)

__all__ = [
    "DEFAULT_STYLE",
    "FONT_FAMILY",
    "WIDTH_SAFETY",
    "FittedParagraph",
    "FittedText",
    "FontMetrics",
    "Line",
    "Paragraph",
    "TextStyle",
    "candidate_sizes",
    "face_path",
    "fit_text",
    "layout_text",
    "metrics",
    "missing_characters",
    "paragraph_indent",
    "paragraph_runs",
    "single_line_fit",
    "split_to_fit",
    "text_height",
    "wrap",
]
