"""``python -m generator``: the same as the ``make-deck`` command."""

from generator.cli import run

run()
