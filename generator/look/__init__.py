"""look stage."""
