"""What the "Rapporter" page keeps: an organisation's own deck templates and a round's quotes.

- `ReportTemplate`: a .pptx uploaded by an analyst; it was opened with
  `klyngeradar.render.deck.template.load_template` before it was stored, so every
  stored template has the layouts the deck needs. The file lives in the data
  directory's media folder (never served as a static URL: it is the
  organisation's).
- `BoardAsks`: the analyst's text for the deck's "Bestyrelsen bedes …" slide, one
  item a line (without it the deck drafts the items from the recommendations).
- `NextStep`: the analyst's next steps for a round (owner, date, budget in DKK),
  shown as a table in the deck; without any the deck drafts them.
- `QuoteChoice`: the free-text answers the analyst chose as quotes for a round,
  by question and cluster, each with the analyst's theme and, when the analyst
  shortened or edited it for the deck, its text. An unedited quote is read from
  the answer when the deck is made, so a corrected answer is quoted as corrected;
  the answer itself is never changed. Names in a quote (clusters, municipalities,
  persons, e-mail addresses) keep it out of the deck until the analyst edits them
  away or confirms them; the confirmed names are stored with the quote.
- `SlideTitles`: the analyst's own titles for a round's slides, by the slides'
  stable keys (blank: the title generated from the data).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from klyngeradar.web.accounts.models import Organisation


def template_upload_to(instance: ReportTemplate, filename: str) -> str:
    return f"skabeloner/{instance.organisation.slug}/{filename}"


class ReportTemplate(models.Model):
    """An organisation's own PowerPoint template for the board deck."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="report_templates",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("navn"), max_length=200)
    file = models.FileField(_("fil"), upload_to=template_upload_to, max_length=300)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploadet af"),
    )
    uploaded_at = models.DateTimeField(_("uploadet"), default=timezone.now)
    # The analyst's layout per slide kind ({"title": "Forside BRN"}) for layouts the
    # deck writer does not find by their arrangement; checked on upload.
    layouts = models.JSONField(_("layouts"), default=dict, blank=True)

    class Meta:
        ordering = ["name", "-uploaded_at"]
        verbose_name = _("skabelon")
        verbose_name_plural = _("skabeloner")

    def __str__(self) -> str:
        return self.name


class QuoteChoice(models.Model):
    """The analyst's quotes for a round, one item per chosen answer.

    ``{"question": id, "cluster": slug, "theme": "Faste møder", "text": str | None,
    "answer": str | None, "confirmed": ["Aalborg", ...]}``: `text` is the deck's text
    when edited (None: the answer as it is), `answer` the answer it was edited from,
    `confirmed` the names the analyst let stand. Items stored before themes and edits
    have only question and cluster, and read as unedited, unthemed and unconfirmed.
    """

    round = models.OneToOneField(
        "surveys.Round",
        on_delete=models.CASCADE,
        related_name="quote_choice",
        verbose_name=_("runde"),
    )
    quotes = models.JSONField(
        _("citater"),
        default=list,
        blank=True,
        help_text=_(
            "Pr. citat: spørgsmål, klynge, tema, evt. redigeret tekst og bekræftede navne."
        ),
    )
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("valgt af"),
    )
    chosen_at = models.DateTimeField(_("valgt"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("valg af citater")
        verbose_name_plural = _("valg af citater")

    def __str__(self) -> str:
        return f"{self.round}: {len(self.quotes)}"

    @property
    def keys(self) -> set[tuple[str, str]]:
        return {(item["question"], item["cluster"]) for item in self.quotes}

    @property
    def items(self) -> dict[tuple[str, str], dict]:
        """Each chosen quote by (question, cluster), with every key present."""
        return {(item["question"], item["cluster"]): quote_item(item) for item in self.quotes}


def quote_item(item: dict) -> dict:
    """A stored quote item with the keys of today's shape (older items have only two)."""
    return {
        "question": item["question"],
        "cluster": item["cluster"],
        "theme": item.get("theme") or "",
        "text": item.get("text") or None,
        "answer": item.get("answer") or None,
        "confirmed": list(item.get("confirmed") or ()),
    }


class Written(models.Model):
    """Who last wrote an analyst's text for a round, and when (its history keeps the rest)."""

    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("skrevet af"),
    )
    written_at = models.DateTimeField(_("skrevet"), auto_now=True)

    class Meta:
        abstract = True


class BoardAsks(Written):
    """What the board is asked to decide on a round, as the analyst wrote it, one item a line."""

    round = models.OneToOneField(
        "surveys.Round",
        on_delete=models.CASCADE,
        related_name="board_asks",
        verbose_name=_("runde"),
    )
    text = models.TextField(_("bestyrelsen bedes"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("bestyrelsen bedes")
        verbose_name_plural = _("bestyrelsen bedes")

    def __str__(self) -> str:
        return f"{self.round}"

    @property
    def items(self) -> tuple[str, ...]:
        return tuple(line.strip(" -•\t") for line in self.text.splitlines() if line.strip(" -•\t"))


class NextStep(Written):
    """One of the analyst's next steps for a round: what, who, by when and the budget in DKK.

    Owner, date and budget may be left empty while they are not decided; the deck
    then says what is missing. Without any row the deck drafts the steps from the
    recommendations.
    """

    round = models.ForeignKey(
        "surveys.Round",
        on_delete=models.CASCADE,
        related_name="next_steps",
        verbose_name=_("runde"),
    )
    position = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    text = models.CharField(_("skridt"), max_length=300)
    owner = models.CharField(_("ansvarlig"), max_length=200, blank=True)
    due = models.DateField(_("dato"), null=True, blank=True)
    budget = models.PositiveIntegerField(_("budget (kr.)"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["round", "position", "pk"]
        verbose_name = _("næste skridt")
        verbose_name_plural = _("næste skridt")

    def __str__(self) -> str:
        return self.text


class SlideTitles(Written):
    """The analyst's own slide titles for a round's deck, by slide key: ``{"survey.presence": …}``.

    A slide without an entry keeps the title the deck generates from the data.
    """

    round = models.OneToOneField(
        "surveys.Round",
        on_delete=models.CASCADE,
        related_name="slide_titles",
        verbose_name=_("runde"),
    )
    titles = models.JSONField(_("titler"), default=dict, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("egne slidetitler")
        verbose_name_plural = _("egne slidetitler")

    def __str__(self) -> str:
        return f"{self.round}: {len(self.titles)}"
