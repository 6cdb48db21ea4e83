"""The outline reader: YAML text in, a validated `Workshop` model and diagnostics out."""
