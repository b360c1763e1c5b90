"""Personal data: retention after a round closes, finding and deleting a person, the download log.

What the product holds, why and for how long is described in docs/privacy.md.
"""
