import pytest

from klyngeradar.core.registry.cvr import (
    check_cvr,
    check_pnr,
    is_valid_cvr,
    normalise_cvr,
    normalise_pnr,
)


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("13748136", "13748136"),
        (" 13 74 81 36 ", "13748136"),
        ("DK13748136", "13748136"),
        ("dk 1374-8136", "13748136"),
        ("1374.8136", "13748136"),
        (13748136, "13748136"),
    ],
)
def test_it_normalises_spaces_separators_and_the_dk_prefix(text, normalised):
    assert normalise_cvr(text) == normalised


@pytest.mark.parametrize(
    "text",
    [
        "13748136",  # Erhvervsstyrelsen's worked example: sum 126, r = 5, check digit 6
        "DK 13748136",
        "10150817",
        "25313763",
    ],
)
def test_it_accepts_valid_cvr_numbers(text):
    assert is_valid_cvr(text)
    assert check_cvr(text) is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "is empty"),
        ("   ", "is empty"),
        ("13748137", "check digit"),
        ("13748135", "check digit"),
        ("1374813", "7 digits"),
        ("137481360", "9 digits"),
        ("03748136", "cannot start with 0"),
        ("1374813A", "only digits"),
        ("１３７４８１３６", "only digits"),
    ],
)
def test_it_names_why_a_cvr_number_is_refused(text, reason):
    assert not is_valid_cvr(text)
    assert reason in check_cvr(text)


def test_it_refuses_a_number_whose_check_digit_would_be_ten():
    # 1000005 weighted 2,7,6,5,4,3,2 sums to 2 + 10 = 12, so r = 1 and the check digit would be 10.
    assert all(not is_valid_cvr(f"1000005{d}") for d in range(10))


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("1003388394", None),
        ("1000000000", None),  # fails modulus 11 but P-numbers are never rejected on it
        ("10 0338 8394", None),
        ("100338839", "10 digits"),
        ("10033883941", "10 digits"),
        ("100338839X", "10 digits"),
        ("", "is empty"),
    ],
)
def test_it_checks_only_the_format_of_p_numbers(text, reason):
    result = check_pnr(text)
    if reason is None:
        assert result is None
    else:
        assert reason in result


def test_it_normalises_p_numbers():
    assert normalise_pnr(" 10 0338-8394 ") == "1003388394"
