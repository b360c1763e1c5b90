"""The shipped slide template (default.pptx); see docs/deck.md for how it was made."""
