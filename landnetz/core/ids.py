"""Row ids from URLs, query strings and forms, checked against the database's range.

An id beyond 64 bits ("/people/99999999999999999999999/", "topics=9223372036854775808")
made SQLite raise OverflowError and PostgreSQL a DataError: HTTP 500 instead of 404 or a
form error. Every id that comes from outside passes through here first:

- URLs use the ``id`` path converter instead of ``int``;
- forms use ``ModelChoiceField`` / ``ModelMultipleChoiceField`` from this module (a test
  fails when a project form uses Django's own).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404

MAX_ID = 2**63 - 1  # BigAutoField on SQLite and PostgreSQL


def is_valid_id(value) -> bool:
    text = str(value)
    return text.isascii() and text.isdigit() and 0 < int(text) <= MAX_ID


class IdConverter:
    """Like Django's ``int`` converter, but only ids that a row can have (1 … 2**63-1)."""

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        if not is_valid_id(value):
            raise ValueError(value)  # the URL does not match: 404
        return int(value)

    def to_url(self, value) -> str:
        return str(int(value))


class _CheckedIds:
    def _key_is_integer(self) -> bool:
        meta = self.queryset.model._meta
        field = meta.get_field(self.to_field_name) if self.to_field_name else meta.pk
        return field.get_internal_type() in {"AutoField", "BigAutoField", "IntegerField", "BigIntegerField"}

    def _reject_out_of_range(self, values) -> None:
        if not self._key_is_integer():
            return
        for value in values:
            if value in self.empty_values:
                continue
            if not is_valid_id(value):
                raise ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": str(value)[:30]}
                )


class ModelChoiceField(_CheckedIds, forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values and not isinstance(value, self.queryset.model):
            self._reject_out_of_range([value])
        return super().to_python(value)


class ModelMultipleChoiceField(_CheckedIds, forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        try:
            values = list(value)
        except TypeError:
            values = []
        self._reject_out_of_range([v for v in values if not isinstance(v, self.queryset.model)])
        return super()._check_values(value)


class OutOfRangeIdMiddleware:
    """404 for any path segment that is a number no row can have.

    Our URLs use the ``id`` converter; this also covers the URLs of django-allauth and
    the admin area, which use ``int`` or ``path`` and would ask the database.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for segment in request.path_info.split("/"):
            if segment.isascii() and segment.isdigit() and (len(segment) > 19 or int(segment) > MAX_ID):
                raise Http404
        return self.get_response(request)
