"""Concurrent edits: a version per edited object, checked when a change is saved.

Every save of a `Versioned` model counts its version up. A form shows the
version it was filled from; when the stored version has moved on by the time
the form is saved, and a field the form edits was changed in between, the save
is refused and the person is told what changed, by whom and when, with what
they typed still in the form. The state they saw is found in the object's
history (django-simple-history copies the version into every record), so a
change to a field the form does not show never stands in the way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django import forms
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class Versioned(models.Model):
    """A model whose every save counts `version` up by one."""

    version = models.PositiveIntegerField(gettext_lazy("version"), default=0, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "version" in update_fields:
            self.version = (self.version or 0) + 1
        super().save(*args, **kwargs)


@dataclass(frozen=True)
class Change:
    """One field changed by someone else: its label and its value now."""

    label: str
    value: str


@dataclass(frozen=True)
class Conflict:
    """Someone else saved the object after the form was filled from `seen` version."""

    version: int
    who: str
    when: datetime | None
    changes: tuple[Change, ...]

    def message(self, what: str) -> str:
        """A Danish (translatable) sentence for the person whose save was refused."""
        changed = "; ".join(f"{c.label}: »{c.value}«" for c in self.changes)
        when = (
            formats.date_format(timezone.localtime(self.when), "SHORT_DATETIME_FORMAT")
            if self.when
            else _("for nylig")
        )
        return _(
            "%(what)s er blevet ændret af %(who)s (%(when)s), efter at du åbnede siden. "
            "Ændret: %(changed)s. Det, du har skrevet, står stadig her; "
            "gem igen for at bruge dine værdier."
        ) % {"what": what, "who": self.who, "when": when, "changed": changed}


def author(record) -> str:
    """Who made a history record: the user's name, or the reason (e.g. via a personal link)."""
    user = getattr(record, "history_user", None)
    if user is not None:
        return user.get_full_name() or user.get_username()
    return record.history_change_reason or _("en anden")


def conflict(
    instance: Versioned, seen: int | None, compare: dict[str, str], posted: dict, shown
) -> Conflict | None:
    """The conflict between the stored object and a form filled from version `seen`, if any.

    `compare` maps the attribute names the form edits to their labels, `posted`
    holds the values the form would save (a field someone else changed to the
    very value posted is no conflict); `shown` turns a value into display text.
    Call it in a transaction: it locks the row so that nobody saves between the
    check and the save.
    """
    if seen is None or instance.pk is None:
        return None
    current = type(instance)._default_manager.select_for_update().get(pk=instance.pk)
    # The save that follows counts up from the stored version, not the one loaded earlier.
    instance.version = current.version
    if current.version == seen:
        return None
    then = current.history.filter(version=seen).order_by("-history_date", "-history_id").first()
    changes = tuple(
        Change(label, shown(name, getattr(current, name)))
        for name, label in compare.items()
        if (then is None or getattr(then, name) != getattr(current, name))
        and posted.get(name) != getattr(current, name)
    )
    if not changes:
        return None
    latest = (
        current.history.select_related("history_user")
        .order_by("-history_date", "-history_id")
        .first()
    )
    return Conflict(
        version=current.version,
        who=author(latest) if latest else _("en anden"),
        when=latest.history_date if latest else None,
        changes=changes,
    )


def shown_value(value) -> str:
    if value is None or value == "":
        return _("tom")
    if isinstance(value, models.Model):
        return str(value)
    return formats.localize(value)


class VersionedModelForm(forms.ModelForm):
    """A model form that refuses to overwrite changes saved since it was filled in.

    The view must call `is_valid()` and `save()` in one transaction.
    """

    conflict_subject = gettext_lazy("Objektet")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"] = forms.IntegerField(
            widget=forms.HiddenInput, required=False, initial=self.instance.version
        )
        self.conflict: Conflict | None = None

    def clean(self):
        data = super().clean()
        compare = {
            name: str(field.label)
            for name, field in self.fields.items()
            if name != "version" and name in {f.name for f in self.instance._meta.concrete_fields}
        }
        found = conflict(self.instance, data.get("version"), compare, data, self._shown)
        if found is not None:
            self.conflict = found
            # The next save from this page overwrites knowingly.
            self.data = self.data.copy()
            self.data[self.add_prefix("version")] = str(found.version)
            raise forms.ValidationError(found.message(str(self.conflict_subject)))
        return data

    def _shown(self, name: str, value) -> str:
        field = self.instance._meta.get_field(name)
        if field.choices:
            return str(dict(field.flatchoices).get(value, value))
        return shown_value(value)
