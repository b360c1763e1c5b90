"""Danish CVR numbers (company numbers) and P-numbers (production-unit numbers).

A CVR number has 8 digits, never starts with 0, and ends in a modulus-11 check
digit: the digits weighted 2, 7, 6, 5, 4, 3, 2, 1 sum to a multiple of 11
(Erhvervsstyrelsen's rule; 13748136 is valid). A P-number has 10 digits and is
only checked for its format: a bug in the number generator once issued a series
of P-numbers that fail the usual check, so they must never be rejected on it.
"""

from __future__ import annotations

_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)


def normalise_cvr(text: object) -> str:
    """Strip spaces, dashes, dots and a ``DK`` prefix: ``"DK 1374 8136"`` → ``"13748136"``.

    The result is not checked; use `check_cvr` for that.
    """
    value = str(text).strip().upper()
    if value.startswith("DK"):
        value = value[2:]
    for separator in (" ", "\u00a0", "-", "."):
        value = value.replace(separator, "")
    return value


def check_cvr(text: object, lang: str = "en") -> str | None:
    """Return why ``text`` is not a valid CVR number (in Danish when ``lang`` is "da"), or None."""
    value = normalise_cvr(text)
    if not value:
        en, da = "is empty; a CVR number is expected", "er tom; et CVR-nummer forventes"
    elif not value.isascii() or not value.isdigit():
        en = "is not a CVR number: only digits are allowed"
        da = "er ikke et CVR-nummer: kun cifre er tilladt"
    elif len(value) != 8:
        en = f"is not a CVR number: it has {len(value)} digits, 8 are expected"
        da = f"er ikke et CVR-nummer: det har {len(value)} cifre, 8 forventes"
    elif value[0] == "0":
        en = "is not a CVR number: it cannot start with 0"
        da = "er ikke et CVR-nummer: det kan ikke begynde med 0"
    elif sum(w * int(d) for w, d in zip(_WEIGHTS, value, strict=True)) % 11:
        en = "is not a valid CVR number: the check digit is wrong (modulus 11)"
        da = "er ikke et gyldigt CVR-nummer: kontrolcifferet er forkert (modulus 11)"
    else:
        return None
    return da if lang == "da" else en


def is_valid_cvr(text: object) -> bool:
    """True when ``text`` (after `normalise_cvr`) is a valid CVR number."""
    return check_cvr(text) is None


def normalise_pnr(text: object) -> str:
    """Strip spaces, dashes and dots from a P-number."""
    value = str(text).strip()
    for separator in (" ", "\u00a0", "-", "."):
        value = value.replace(separator, "")
    return value


def check_pnr(text: object, lang: str = "en") -> str | None:
    """Return why ``text`` is not a well-formed P-number (in Danish when ``lang`` is "da"), or None.

    Only the format is checked (10 digits): some issued P-numbers fail modulus 11.
    """
    value = normalise_pnr(text)
    if not value:
        en, da = "is empty; a P-number is expected", "er tom; et P-nummer forventes"
    elif not value.isascii() or not value.isdigit() or len(value) != 10:
        en, da = (
            "is not a P-number: 10 digits are expected",
            "er ikke et P-nummer: 10 cifre forventes",
        )
    else:
        return None
    return da if lang == "da" else en
