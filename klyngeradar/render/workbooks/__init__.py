"""Workbooks (XlsxWriter): appendices, the documentation package, exchange-format files."""
