"""The forms of the "Rapporter" page: the only parsers of its request data."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from klyngeradar.core.problems import InputError
from klyngeradar.core.surveys.names import NameLists, find_names
from klyngeradar.render.deck.template import load_template
from klyngeradar.web.dateinput import DanishDateInput
from klyngeradar.web.registry.models import Programme
from klyngeradar.web.reports.quotes import QuoteOption
from klyngeradar.web.surveys.models import Round

MAX_TEMPLATE_BYTES = 30 * 1024 * 1024
# A quote's text for the slide and its theme; the theme is a few words on a slide.
QUOTE_TEXT_MAX = 2000
THEME_MAX = 80


class DownloadForm(forms.Form):
    """Language and template of a download; a GET form, so viewers may use it too."""

    lang = forms.ChoiceField(
        label=_("Sprog"),
        choices=[("da", _("Dansk")), ("en", _("Engelsk"))],
        initial="da",
        widget=forms.RadioSelect,
    )
    template = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label=_("Skabelon"),
        empty_label=_("Standardskabelonen (16:9)"),
    )

    compare = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label=_("Sammenlign med"),
        empty_label=_("Ingen sammenligning"),
        help_text=_('En tidligere runde i regionen giver afsnittet "Udvikling siden …".'),
    )

    programme = forms.ModelChoiceField(
        queryset=Programme.objects.order_by("start", "slug"),
        to_field_name="slug",
        required=False,
        label=_("Programperiode"),
        help_text=_(
            "Den programperiode, hvis klynger præsentationens klyngelandskab og bilagets "
            "»Udpegede klynger« tæller."
        ),
    )

    def __init__(self, *args, templates, earlier=None, current=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = templates
        self.fields["compare"].queryset = earlier if earlier is not None else Round.objects.none()
        self.fields["compare"].label_from_instance = lambda r: str(r.round_year or r.title)
        # The default says which programme it is: the one current at the round's date.
        self.fields["programme"].empty_label = (
            _("Den gældende på rundens dato (%(name)s)") % {"name": current.name}
            if current is not None
            else _("Den gældende på rundens dato (ingen programperiode)")
        )

    def clean_programme(self) -> str | None:
        """The chosen programme's slug; None for the one current at the round's date."""
        programme = self.cleaned_data["programme"]
        return programme.slug if programme is not None else None

    @classmethod
    def from_query(cls, query, *, templates, earlier=None, default_compare=None, current=None):
        """The form on a query string, with the defaults for what it leaves out.

        Without a ``compare`` key the deck compares with `default_compare` (the latest
        earlier round); an empty ``compare`` means no comparison. Without a
        ``programme``, the programme current at the round's date (`current`) is used.
        """
        compare = query.get("compare", default_compare.pk if default_compare else "")
        data = {
            "lang": query.get("lang", "da"),
            "template": query.get("template", ""),
            "compare": compare,
            "programme": query.get("programme", ""),
        }
        return cls(data, templates=templates, earlier=earlier, current=current)


class TemplateUploadForm(forms.Form):
    """A new organisation template, accepted only when the deck can be written with it."""

    file = forms.FileField(
        label=_("Ny skabelon (.pptx)"),
        help_text=_(
            "Præsentationen finder skabelonens layouts efter indhold: en forside, titel og "
            "indhold, titel og to indholdsfelter side om side og evt. en sektionsoverskrift. "
            "Navngiv et layout nedenfor, hvis det ikke findes af sig selv."
        ),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".pptx,application/vnd.openxmlformats-officedocument"
                ".presentationml.presentation"
            }
        ),
    )

    layout_title = forms.CharField(label=_("Layout til forsiden"), required=False, max_length=200)
    layout_content = forms.CharField(
        label=_("Layout til titel og indhold"), required=False, max_length=200
    )
    layout_two = forms.CharField(
        label=_("Layout til to indholdsfelter"), required=False, max_length=200
    )
    layout_section = forms.CharField(
        label=_("Layout til sektioner"), required=False, max_length=200
    )

    def clean(self):
        cleaned = super().clean()
        layouts = {
            kind: cleaned[f"layout_{kind}"].strip()
            for kind in ("title", "content", "two", "section")
            if cleaned.get(f"layout_{kind}", "").strip()
        }
        cleaned["layouts"] = layouts
        upload = cleaned.get("file")
        if upload is None:
            return cleaned
        problems = _template_problems(upload, Path(upload.name).name, layouts)
        upload.seek(0)
        if problems:
            self.add_error(
                "file",
                [
                    _("Skabelonen kan ikke bruges: %(problem)s") % {"problem": problem}
                    for problem in problems
                ],
            )
        return cleaned

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = Path(upload.name).name
        if not name.lower().endswith(".pptx"):
            raise ValidationError(_("Skabelonen skal være en PowerPoint-fil (.pptx)."))
        if upload.size > MAX_TEMPLATE_BYTES:
            raise ValidationError(_("Skabelonen er større end 30 MB."))
        # Opened in `clean`, with the layouts named on the form.
        return upload


def _template_problems(upload, name: str, layouts: dict[str, str] | None = None) -> list[str]:
    """Open the upload exactly as the deck writer will; return what stops it."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        with path.open("wb") as copy:
            for chunk in upload.chunks():
                copy.write(chunk)
        try:
            load_template(path, layouts or None)
        except InputError as error:
            return [problem.text(get_language()) for problem in error.problems]
    return []


class QuoteForm(forms.Form):
    """The analyst's quotes: ticked answers, each with its deck text, theme and confirmation.

    Per answer (its `QuoteOption.key`) the form has ``text-KEY`` (the text for the
    slide; blank or unchanged is the answer as it is), ``theme-KEY`` and
    ``confirm-KEY`` (the names in the text may stand). A ticked quote whose text
    names someone is refused until the text is edited or the names confirmed.
    `cleaned_data["items"]` is the list `QuoteChoice.quotes` stores.
    """

    quotes = forms.MultipleChoiceField(
        label=_("Citater"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, options: tuple[QuoteOption, ...], lists: NameLists, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quotes"].choices = [(o.key, o.text) for o in options]
        self._options = {o.key: o for o in options}
        self._lists = lists
        for option in options:
            self.fields[f"text-{option.key}"] = forms.CharField(
                label=_("Tekst i præsentationen"),
                required=False,
                max_length=QUOTE_TEXT_MAX,
                strip=True,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
            self.fields[f"theme-{option.key}"] = forms.CharField(
                label=_("Tema"),
                required=False,
                max_length=THEME_MAX,
                strip=True,
                widget=forms.TextInput(attrs={"list": "quote-themes", "autocomplete": "off"}),
            )
            self.fields[f"confirm-{option.key}"] = forms.BooleanField(
                label=_("Navnene må stå i citatet"), required=False
            )

    def clean_quotes(self) -> list[tuple[str, str]]:
        return [
            (self._options[key].question, self._options[key].cluster)
            for key in self.cleaned_data["quotes"]
        ]

    def clean(self):
        cleaned = super().clean()
        items = []
        for question, cluster in cleaned.get("quotes") or ():
            key = f"{question}:{cluster}"
            option = self._options[key]
            text = cleaned.get(f"text-{key}") or ""
            edited = text if text and text != option.text else None
            flags = find_names(edited or option.text, self._lists)
            confirmed = bool(cleaned.get(f"confirm-{key}"))
            if flags and not confirmed:
                self.add_error(
                    f"text-{key}",
                    _(
                        "Citatet fra %(cluster)s nævner %(names)s. Ret teksten, eller bekræft, at "
                        "navnene må stå, før citatet kan komme med i præsentationen."
                    )
                    % {
                        "cluster": option.cluster_name,
                        "names": ", ".join(f"»{f.text}«" for f in flags),
                    },
                )
            items.append(
                {
                    "question": option.question,
                    "cluster": option.cluster,
                    "theme": cleaned.get(f"theme-{key}") or "",
                    "text": edited,
                    "answer": option.text if edited else None,
                    "confirmed": sorted({f.text for f in flags}) if confirmed else [],
                }
            )
        cleaned["items"] = items
        return cleaned


class BoardAsksForm(forms.Form):
    """The analyst's "Bestyrelsen bedes …" items, one a line; cleaned to a tuple of items."""

    text = forms.CharField(
        label=_("Bestyrelsen bedes …"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=4000,
        help_text=_("Ét punkt pr. linje, fx »godkende, at der indledes dialog med Klynge A«."),
    )

    def clean_text(self) -> str:
        text = self.cleaned_data["text"]
        if not any(line.strip(" -•\t") for line in text.splitlines()):
            raise ValidationError(_("Skriv mindst ét punkt."))
        return text.strip()


# The largest budget the database column holds (a positive 32-bit integer).
MAX_BUDGET = 2_147_483_647
_KRONER = re.compile(r"^\d{1,3}([. ]\d{3})+$|^\d+$")


class KronerField(forms.CharField):
    """A budget in whole kroner, typed the Danish way: "250.000", "250 000" or "250000 kr."."""

    default_error_messages = {
        "invalid": _("Skriv budgettet som et helt beløb i kroner, fx 250.000."),
    }

    def to_python(self, value):
        text = super().to_python(value).strip()
        if not text:
            return None
        text = re.sub(r"\s*(kr\.?|dkk)$", "", text, flags=re.IGNORECASE).strip()
        text = text.replace("\u00a0", " ")
        if not _KRONER.match(text):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        kroner = int(text.replace(".", "").replace(" ", ""))
        if kroner > MAX_BUDGET:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return kroner


class NextStepForm(forms.Form):
    """One next step: what (required), and owner, date and budget when they are decided."""

    text = forms.CharField(
        label=_("Skridt"),
        max_length=300,
        error_messages={"required": _("Skriv, hvad skridtet er, eller markér det til sletning.")},
    )
    owner = forms.CharField(label=_("Ansvarlig"), max_length=200, required=False)
    due = forms.DateField(
        label=_("Dato"),
        required=False,
        widget=DanishDateInput(),
        error_messages={"invalid": _("Skriv datoen som dd.mm.åååå, fx 15.03.2026.")},
    )
    budget = KronerField(
        label=_("Budget (kr.)"),
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 30}),
    )

    def clean_owner(self) -> str:
        return self.cleaned_data["owner"].strip()


NextStepFormSet = forms.formset_factory(
    NextStepForm, extra=2, can_delete=True, max_num=20, validate_max=True
)


# An own title longer than this would not fit a slide's title at its smallest size.
MAX_SLIDE_TITLE = 120


class SlideTitlesForm(forms.Form):
    """The analyst's own title per slide key; cleaned to ``{key: title}`` without the blanks.

    `slides` are the deck's (key, marker, generated title) in slide order; a field per key.
    """

    def __init__(self, *args, slides, **kwargs):
        super().__init__(*args, **kwargs)
        self.slides = tuple(slides)
        for key, marker, generated in self.slides:
            self.fields[key] = forms.CharField(
                label=marker or generated,
                required=False,
                max_length=MAX_SLIDE_TITLE,
                strip=True,
            )

    @property
    def rows(self):
        """(marker, generated title, bound field) per slide, for the page's table."""
        return [(marker, generated, self[key]) for key, marker, generated in self.slides]

    @property
    def titles(self) -> dict[str, str]:
        return {key: text for key, text in self.cleaned_data.items() if text}
