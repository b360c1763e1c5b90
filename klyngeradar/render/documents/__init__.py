"""Documents (python-docx): the agreement document."""
