"""guide stage."""
