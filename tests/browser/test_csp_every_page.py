"""In a real browser: every page type under the strict Content-Security-Policy, no violation.

The demo is built into the test database, then each persona walks every page
it can reach by following links (one page per URL shape, so 25 cluster pages
count once), plus the pages no link leads to (login, a personal link's form, a
404). A `securitypolicyviolation` event or a console error fails the test.
"""

from __future__ import annotations

import re
from collections import deque
from urllib.parse import urljoin, urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Links a walk must not follow: they change state or leave the page type behind.
SKIP = re.compile(r"^/(konto/logout|sprog/|static/)|/logout/|/delete/|/slet")
LIMIT = 90

LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline") +
                           " at " + (e.sourceFile || "") + ":" + (e.lineNumber || ""));
});
"""


@pytest.fixture
def demo(tmp_path, settings):
    from klyngeradar.cli.demo import STEPS, Demo, load_steps

    settings.MEDIA_ROOT = tmp_path / "media"
    state = Demo(out=tmp_path)
    # Not the migration (the test database has it) nor the deck files (no page needs them).
    skipped = (":migrate_database", ":write_deliverables")
    for step in load_steps(tuple(s for s in STEPS if not s.endswith(skipped))):
        step(state)
    return state


def shape(path: str) -> str:
    """A URL's page type: numbers and slugs (anything with a digit or dash) become X."""
    parts = [re.sub(r"^.*[\d-].*$", "X", part) for part in path.split("/")]
    return "/".join(parts)


class Walk:
    def __init__(self, page, base: str):
        self.page, self.base = page, base
        self.problems: list[str] = []
        self.seen: set[str] = set()
        self.visited: list[str] = []
        page.on("console", self._console)
        page.add_init_script(LISTEN)

    def _console(self, message) -> None:
        # A 404 (the favicon, the 404 page itself) is logged as a failed load; not a violation.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.problems.append(f"{self.page.url}: console: {message.text}")

    def visit(self, path: str, *, expect_html: bool = True) -> None:
        self.page.goto(self.base + path)
        self.page.wait_for_load_state("load")
        self.visited.append(path)
        for violation in self.page.evaluate("window.__violations || []"):
            self.problems.append(f"{path}: {violation}")

    def crawl(self, start: str, *, within: str = "/") -> None:
        queue = deque([start])
        while queue and len(self.visited) < LIMIT:
            path = queue.popleft()
            if shape(path) in self.seen:
                continue
            self.seen.add(shape(path))
            head = self.page.request.get(self.base + path, max_redirects=0)
            if head.status != 200 or "text/html" not in head.headers.get("content-type", ""):
                continue
            self.visit(path)
            for href in self.page.eval_on_selector_all("a[href]", "as => as.map(a => a.href)"):
                url = urlsplit(urljoin(self.page.url, href))
                if url.netloc != urlsplit(self.base).netloc or not url.path.startswith(within):
                    continue
                target = url.path + (f"?{url.query}" if url.query else "")
                if not SKIP.search(url.path) and shape(target) not in self.seen:
                    queue.append(target)


def log_in(page, base: str, username: str, password: str) -> None:
    page.goto(f"{base}/konto/login/")
    page.get_by_label("Brugernavn eller e-mail").fill(username)
    page.get_by_label("Adgangskode").fill(password)
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url(re.compile(r"^(?!.*/konto/login/).*$"))


def walk_as(browser, base, username, password, *, start="/", within="/", extra=()) -> Walk:
    context = browser.new_context(locale="da-DK", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    walk = Walk(page, base)
    log_in(page, base, username, password)
    walk.crawl(start, within=within)
    for path in extra:  # pages no link leads to
        walk.visit(path)
    context.close()
    return walk


def test_it_shows_every_page_type_without_a_csp_violation(browser, live_server, demo):
    base = live_server.url
    # Pages without a login: the login page, a 404, a personal link's form.
    context = browser.new_context(locale="da-DK")
    page = context.new_page()
    anonymous = Walk(page, base)
    # First, the listener hears a violation: a style attribute set from script is refused.
    page.goto(f"{base}/konto/login/")
    page.evaluate("document.body.setAttribute('style', 'color: red')")
    page.wait_for_function("window.__violations.length > 0")
    assert "style-src" in page.evaluate("window.__violations[0]")
    anonymous.problems.clear()  # that violation was the check's own
    anonymous.visit("/konto/login/")
    anonymous.visit("/konto/password/reset/")
    link = next(line.rsplit(": ", 1)[1] for line in demo.made if "personligt link" in line)
    anonymous.crawl(urlsplit(link).path, within="/svar/")
    page.goto(f"{base}/findes-ikke/")
    context.close()

    walks = {
        "anonymous": anonymous,
        "analyst": walk_as(
            browser,
            base,
            "analyst",
            demo.logins["analyst"],
            extra=("/konto/2fa/", "/konto/reauthenticate/", "/konto/password/change/"),
        ),
        "respondent": walk_as(browser, base, "respondent-a", demo.logins["respondent-a"]),
        "admin": walk_as(
            browser, base, "admin", demo.logins["admin"], start="/admin/", within="/admin/"
        ),
    }

    problems = [p for walk in walks.values() for p in walk.problems]
    assert not problems, "\n".join(problems)
    # The walk really went through the app: the analyst's pages and the admin's.
    assert len(walks["analyst"].visited) >= 15, walks["analyst"].visited
    assert len(walks["admin"].visited) >= 10, walks["admin"].visited
    assert any(p.startswith("/svar/") for p in anonymous.visited)
    assert any(re.search(r"/fund/$", p) for p in walks["analyst"].visited)


def test_it_sends_the_policy_and_private_caching(client, analyst):
    client.force_login(analyst)
    response = client.get("/klynger/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["Cache-Control"] == "private, no-store"
