"""In a real browser: every page type as every persona, at laptop (1366 px) and phone (390 px).

One seeded database (the demo: reference data, the demo round with personal
links, the strategy, three agreements and the deliverables) and one browser.
Each persona logs in and the walk follows the links it is shown, one page per
route (a "page type"); the respondents' personal links are walked without a
login. Every page is then opened at both widths and must have

- no status of 400 or more (a link the persona is shown must open),
- no console error and no uncaught script error,
- no horizontal overflow: neither the document nor any box on it may be wider
  than its content area unless it scrolls visibly (``overflow-x: auto``), and
  at laptop width no table needs to scroll at all,
- no htmx form or link whose target is missing from the page (it would do nothing),
- no English on a Danish page (words that are English and never Danish),
- nothing a strict Content-Security-Policy blocks: no inline script, no style
  attribute, no inline event handler in the HTML as served.

Every problem of the whole walk is collected and reported at once.
Set KLYNGERADAR_SCREENSHOTS=DIR to keep a screenshot of every page.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = os.environ.get("KLYNGERADAR_SCREENSHOTS")
WIDTHS = {"1366": {"width": 1366, "height": 900}, "390": {"width": 390, "height": 844}}
PERSONAS = ("analyst", "viewer", "kommune-aalborg", "respondent-a", "respondent-b", "admin")
# How many pages one persona may visit when looking for page types (bounds the walk).
MAX_PAGES = 80
# Routes never followed: they change state on GET or leave the app.
SKIP_ROUTES = {"account_logout", "set_language"}
# Words that are English and not Danish. A Danish page showing one of them shows English.
ENGLISH = {
    "the",
    "and",
    "with",
    "which",
    "this",
    "that",
    "not",
    "has",
    "been",
    "are",
    "was",
    "were",
    "error",
    "server",
    "django",  # a library's name, never shown to a user
    "please",
    "your",
    "yes",
    "delete",
    "search",
    "page",
    "found",
    "checked",
    "against",
    "unknown",
    "source",
    "bankrupt",
}
# Names that are spelt in English in Danish too (proper names of clusters and places).
PROPER_NAMES = re.compile(
    r"(Copenhagen FinTech|Green Hub Denmark|Digital Lead|Danish Life Science Cluster|"
    r"Energy Cluster Denmark|Food & Bio Cluster Denmark|Lifestyle & Design Cluster|"
    r"Danish Offshore Technology|Danish Sound Cluster|Business Region North Denmark|"
    r"Innovation Fund Denmark|MARLOG|[\w.+-]+@[\w.-]+|https?://\S+|www\.\S+)"
)

OVERFLOW = """
(laptop) => {
  const problems = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth + 1) {
    problems.push(`the page is ${doc.scrollWidth} px wide in a ${doc.clientWidth} px window`);
  }
  const describe = (el) => {
    let text = el.tagName.toLowerCase();
    if (el.id) text += '#' + el.id;
    if (el.classList.length) text += '.' + [...el.classList].join('.');
    const words = (el.innerText || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
    return words ? `${text} ("${words}")` : text;
  };
  for (const el of document.querySelectorAll('body *')) {
    if (['INPUT', 'SELECT', 'TEXTAREA', 'OPTION', 'svg', 'CANVAS'].includes(el.tagName)) continue;
    const style = getComputedStyle(el);
    if (style.display === 'inline' || style.display === 'none' || el.clientWidth <= 2) continue;
    if (style.overflowX === 'auto' || style.overflowX === 'scroll') {
      // A scroll container: fine on a phone; at laptop width its table must fit.
      if (laptop && el.querySelector('table') && el.scrollWidth > el.clientWidth + 1) {
        const size = `${el.scrollWidth} px in ${el.clientWidth} px`;
        problems.push(`a table needs sideways scrolling in ${describe(el)}: ${size}`);
      }
      continue;
    }
    if (style.textOverflow === 'ellipsis') continue;
    if (el.closest('[data-echarts], .chart')) continue;
    if (el.scrollWidth > el.clientWidth + 1) {
      const how = style.overflowX === 'visible' ? 'sticks out of' : 'is clipped in';
      problems.push(`content ${how} ${describe(el)}: ${el.scrollWidth} px in ${el.clientWidth} px`);
    }
  }
  // An htmx form or link must find its target on the page it is on (else it does nothing).
  for (const el of document.querySelectorAll('[hx-target^="#"], [hx-select^="#"]')) {
    for (const attr of ['hx-target', 'hx-select']) {
      const id = el.getAttribute(attr);
      if (id && id.startsWith('#') && !document.querySelector(id)) {
        problems.push(`${describe(el)} has ${attr}="${id}", which is not on the page`);
      }
    }
  }
  return problems;
}
"""


@pytest.fixture
def demo(tmp_path, settings, live_server):
    """The demo's database (every step but the migration) and the logins; returns the Demo."""
    from klyngeradar.cli.demo import STEPS, Demo, load_steps

    settings.DATA_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SITE_URL = live_server.url
    state = Demo(out=tmp_path)
    for step in load_steps([s for s in STEPS if not s.endswith(":migrate_database")]):
        step(state)
    return state


def personal_links(demo) -> list[str]:
    links = []
    for line in demo.made:
        if line.startswith("personligt link til "):
            links.append(urlsplit(line.rsplit(": ", 1)[1]).path)
    return links


def log_in(context, base: str, username: str, password: str) -> None:
    page = context.new_page()
    page.goto(f"{base}/konto/login/")
    page.get_by_label("Brugernavn eller e-mail").fill(username)
    page.get_by_label("Adgangskode").fill(password)
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_load_state()
    assert "/konto/login/" not in page.url, f"{username} could not log in"
    page.close()


def route_of(path: str) -> str | None:
    from django.urls import Resolver404, resolve

    try:
        match = resolve(path)
    except Resolver404:
        return None
    if match.namespace == "admin":
        # Django's admin: one page of each kind (index, app, list, add, change, ...).
        return "admin:" + match.url_name.rsplit("_", 1)[-1]
    return match.view_name


def reference_notes() -> list[str]:
    """The national clusters' free-text notes, as loaded from the shipped reference data.

    The reference data's own tests check their language; here their exact text
    is taken out of a page before looking for English, so that this walk
    checks the interface around them.
    """
    from klyngeradar.web.registry.models import Cluster

    notes = Cluster.objects.filter(fictitious=False).values_list("maturity_note", "note")
    return [text for pair in notes for text in pair if text]


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle=", re.I)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+=", re.I)


def strict_csp_problems(html: str) -> list[str]:
    """What a strict Content-Security-Policy would block in the page as served."""
    problems = []
    for pattern, what in (
        (INLINE_SCRIPT, "an inline <script>"),
        (STYLE_ATTRIBUTE, "a style attribute"),
        (EVENT_HANDLER, "an inline event handler"),
    ):
        match = pattern.search(html)
        if match:
            problems.append(f"{what} in the HTML: {match.group(0)[:80]}")
    return problems


def english_words(text: str, notes: list[str] = ()) -> list[str]:
    for note in notes:
        text = text.replace(note, " ")
    text = PROPER_NAMES.sub(" ", text)
    words = re.findall(r"[A-Za-zÆØÅæøå]+", text)
    return sorted({w for w in words if w.lower() in ENGLISH})


class Walk:
    """Visits pages in one browser context and collects every problem."""

    def __init__(self, context, base: str, persona: str):
        self.context = context
        self.base = base
        self.persona = persona
        self.problems: list[str] = []
        self.notes = reference_notes()

    def open(self, page, path: str, width: str) -> list[str] | None:
        """Open `path`; check it; return the same-site links on it (None if not a page)."""
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        where = f"{self.persona} at {width} px on {path}"
        try:
            response = page.goto(self.base + path)
        except Exception as exc:  # a download is not a page
            if "Download is starting" in str(exc):
                return None
            self.problems.append(f"{where}: {exc}")
            return None
        if response is None:
            return None
        if not response.headers.get("content-type", "").startswith("text/html"):
            return None
        if response.status >= 400:
            self.problems.append(f"{where}: status {response.status}")
        # The admin keeps Django's and django-simple-history's own templates (a blocked
        # style attribute there only loses a border); every page of the app is checked.
        if not path.startswith("/admin/"):
            for csp in strict_csp_problems(response.text()):
                self.problems.append(f"{where}: {csp}")
        for error in errors:
            self.problems.append(f"{where}: console error {error}")
        if not path.startswith("/admin/"):  # the admin keeps Django's own layout
            for overflow in page.evaluate(OVERFLOW, width == "1366"):
                self.problems.append(f"{where}: {overflow}")
        if page.locator("html").get_attribute("lang") == "da":
            words = english_words(page.locator("body").inner_text(), self.notes)
            if words:
                self.problems.append(f"{where}: English on a Danish page: {', '.join(words)}")
        if SCREENSHOTS:
            name = re.sub(r"[^\w-]+", "_", f"{self.persona}-{width}-{path}").strip("_")
            Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}.png"), full_page=True)
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(a => a.href)")
        links = []
        for href in hrefs:
            parts = urlsplit(href)
            if f"{parts.scheme}://{parts.netloc}" != self.base:
                continue
            links.append(parts.path + (f"?{parts.query}" if parts.query else ""))
        return links

    def discover(self, starts: list[str]) -> list[str]:
        """Follow links from `starts`; return one path per route, in the order found."""
        seen_routes: set[str] = set()
        found: list[str] = []
        queue = list(starts)
        page = self.context.new_page()
        page.set_viewport_size(WIDTHS["1366"])
        visits = 0
        while queue and visits < MAX_PAGES:
            path = queue.pop(0)
            route = route_of(urlsplit(path).path)
            if route is None or route in SKIP_ROUTES:
                continue
            key = route + ("?" if "?" in path else "")
            if key in seen_routes:
                continue
            seen_routes.add(key)
            visits += 1
            links = self.open(page, path, "1366")
            if links is None:
                continue
            found.append(path)
            queue.extend(link for link in links if link not in queue)
        page.close()
        return found

    def revisit(self, paths: list[str], width: str) -> None:
        page = self.context.new_page()
        page.set_viewport_size(WIDTHS[width])
        for path in paths:
            self.open(page, path, width)
        page.close()


def test_it_walks_every_page_type_as_every_persona_without_overflow_errors_or_english(
    browser, live_server, demo
):
    problems: list[str] = []
    walked: dict[str, int] = {}
    for persona in PERSONAS:
        context = browser.new_context(locale="da-DK")
        log_in(context, live_server.url, persona, demo.logins[persona])
        walk = Walk(context, live_server.url, persona)
        paths = walk.discover(["/", "/admin/"] if persona == "admin" else ["/"])
        walk.revisit(paths, "390")
        walked[persona] = len(paths)
        problems += walk.problems
        context.close()

    context = browser.new_context(locale="da-DK")
    walk = Walk(context, live_server.url, "respondent by link")
    links = personal_links(demo)
    assert links, "the demo printed no personal link"
    paths = walk.discover(links[:1])
    walk.revisit(paths, "390")
    walked["respondent by link"] = len(paths)
    problems += walk.problems
    context.close()

    assert walked["analyst"] >= 20, walked  # the walk really went through the app
    report = f"{len(problems)} problems:\n" + "\n".join(problems)
    if SCREENSHOTS:
        (Path(SCREENSHOTS) / "problems.txt").write_text(report + "\n")
    assert not problems, report
