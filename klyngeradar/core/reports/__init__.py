"""Reports: the deck as plain data (`deck`) and its outline, built part by part.

The top of core: may import every other core package; nothing in core imports it.
"""
