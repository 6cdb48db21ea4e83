"""The accessibility, contrast and density checks, and the decks they guard."""
