"""make-deck: one YAML outline in, a workshop deck, handout and facilitator guide out.

The pipeline runs outline (YAML) -> model -> plan -> layout -> writers. All lengths
inside the pipeline are in points (1/72 inch) as floats; writers convert at their
boundary (python-pptx EMU, reportlab points).
"""

__version__ = "0.1.0"
