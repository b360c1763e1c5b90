"""The board deck as .pptx: the writer (python-pptx) and the organisation's template."""
