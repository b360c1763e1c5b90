"""By keyboard in a real browser: an answer that reveals follow-up questions keeps the focus.

The htmx swap replaces the questions of the section; the focused control must
be focused again afterwards (not the page's body), a polite live region says
that questions appeared, and the next Tab leads into the new questions.
"""

from __future__ import annotations

from datetime import date

import pytest
from waiting import wait_until

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def personal_link(organisation, cluster_a):
    from klyngeradar.core.registry.geography import municipalities_in
    from klyngeradar.web.registry.models import Municipality
    from klyngeradar.web.surveys.invitations import invite
    from klyngeradar.web.surveys.models import Round

    for m in municipalities_in("1081"):
        Municipality.objects.create(code=m.code, name=m.name, region=organisation.region)
    round = Round.objects.create(
        organisation=organisation,
        region=organisation.region,
        title="Klyngernes engagement i Nordjylland 2025",
        since=date(2024, 1, 1),
        deadline=date(2031, 3, 15),
        actors=[{"slug": "brn", "name": "BRN"}],
        efforts=[{"slug": "digitalisering", "name": "Digitalisering"}],
    )
    link = invite(round, cluster_a, ["kontakt@klynge-a.dk"]).link
    return "/" + link.split("/", 3)[3]


def focused(page) -> dict:
    return page.evaluate(
        """() => {
          const el = document.activeElement;
          return {tag: el.tagName.toLowerCase(), id: el.id, name: el.name || '',
                  value: el.value || '', checked: !!el.checked,
                  inQuestions: !!el.closest('#questions')};
        }"""
    )


def wait_for_swap(page, question_id: str) -> None:
    page.wait_for_selector(
        f'#questions input[name="shown"][value="{question_id}"]', state="attached"
    )


@pytest.mark.parametrize(
    ("section", "control", "keys", "revealed", "next_name"),
    [
        # Presence: choosing "another actor" by arrow keys reveals "which actor?".
        (
            "presence",
            "presence__type--own_office",
            ["Space", "ArrowDown", "ArrowDown"],
            "presence.colocated_with",
            "presence__municipalities",
        ),
        # Activities: "yes" reveals the kinds of activities.
        ("activities", "activities__in_region--yes", ["Space"], "activities.types", None),
    ],
)
def test_it_keeps_the_focus_and_says_that_questions_appeared(
    browser, live_server, personal_link, section, control, keys, revealed, next_name
):
    page = browser.new_page(locale="da-DK", viewport={"width": 1280, "height": 900})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{live_server.url}{personal_link}afsnit/{section}/")
    page.focus(f"#{control}")
    for key in keys:
        page.keyboard.press(key)
        wait_until(page, "!document.querySelector('.htmx-request')")
    wait_for_swap(page, revealed)

    now = focused(page)
    assert now["inQuestions"], now  # not the body: the focus survived the swap
    assert now["checked"] and now["name"] == control.split("--")[0]
    status = page.locator("#questions-status")
    assert "nyt spørgsmål" in status.inner_text() or "nye spørgsmål" in status.inner_text()

    page.keyboard.press("Tab")
    after = focused(page)
    assert after["inQuestions"], after  # the next Tab goes on into the questions
    if next_name:
        assert after["name"] == next_name
    assert not errors
    page.close()
