"""Maps: municipality geometry and the figures drawn on it, as plain results.

Imports registry, surveys, findings and agreements; reports imports maps. No drawing
here: the web page and the deck slide draw what this package returns.
"""
