"""pptx stage."""
