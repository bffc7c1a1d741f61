"""The search index of the directory: one row per visible profile or organisation.

Rows are derived data, rebuilt by ``directory.indexing`` whenever a profile or an
organisation changes (and completely by ``manage.py rebuild_directory``). Only what the
owner made visible is indexed, so a hidden field can never be found.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from landnetz.core.models import Municipality, Region, Topic


class SearchEntry(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", _("Person")
        ORGANISATION = "organisation", _("Organisation")

    class Audience(models.TextChoices):
        PUBLIC = "public", _("public")
        MEMBERS = "members", _("members")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    profile = models.OneToOneField(
        "accounts.Profile", on_delete=models.CASCADE, null=True, blank=True, related_name="search_entry"
    )
    organisation = models.OneToOneField(
        "organisations.Organisation", on_delete=models.CASCADE, null=True, blank=True, related_name="search_entry"
    )
    audience = models.CharField(max_length=10, choices=Audience.choices)
    title = models.CharField(max_length=200)
    summary = models.CharField(max_length=300, blank=True)
    # What the detail URL needs: the user id of a person, the slug of an organisation.
    key = models.CharField(max_length=170)
    sort_title = models.CharField(max_length=200, db_index=True)
    # Visible text, folded (lower case, ä → ae, ß → ss) so that "Aerztin" finds "Ärztin".
    document = models.TextField()
    # Same text, stemmed for SQLite's FTS5; PostgreSQL stems with its German configuration.
    stemmed = models.TextField()
    # Filter words ("zzaudpublic zzregion13 …") built only from ids and choice keys, never
    # from user text. They live in a column (and an FTS5 column / tsvector weight) of their
    # own, so that a name or a topic containing "zzaudpublic" cannot act as a filter.
    filters = models.TextField(default="")
    search_vector = SearchVectorField(null=True)
    sector = models.CharField(max_length=30, blank=True)
    region = models.ForeignKey(Region, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    municipality = models.ForeignKey(Municipality, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    latitude = models.FloatField(null=True)
    longitude = models.FloatField(null=True)
    is_interpreter = models.BooleanField(default=False)
    topics = models.ManyToManyField(Topic, blank=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            models.Index(fields=["audience", "kind", "sort_title"]),
            models.Index(fields=["region", "sector"]),
            models.Index(fields=["municipality"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(profile__isnull=False) & models.Q(organisation__isnull=True))
                | (models.Q(profile__isnull=True) & models.Q(organisation__isnull=False)),
                name="search_entry_one_owner",
            )
        ]

    def __str__(self) -> str:
        return self.title


class SearchEntryLanguage(models.Model):
    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="languages")
    code = models.CharField(max_length=8)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["code", "entry"], name="unique_search_entry_language")]

    def __str__(self) -> str:
        return self.code


class FullTextField(models.TextField):
    """A column of SQLite's FTS5 table; ``__fts_match`` matches an expression against the table."""


@FullTextField.register_lookup
class FullTextMatch(models.Lookup):
    lookup_name = "fts_match"

    def as_sql(self, compiler, connection):
        # MATCH against the table, not the column: the expression names its columns itself
        # ("stemmed : (…) AND filters : (…)"); a column on the left would restrict it to one.
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{compiler.quote_name(self.lhs.alias)} MATCH {rhs}", rhs_params


class FullTextRow(models.Model):
    """SQLite only: the FTS5 table created in migration 0002, joined by rowid.

    Joining (instead of ``pk IN (SELECT rowid …)``) lets FTS5 drive the query and gives
    its ``rank`` (bm25, lower is better) in the same pass.
    """

    entry = models.OneToOneField(
        SearchEntry, primary_key=True, db_column="rowid", on_delete=models.DO_NOTHING, related_name="fulltext"
    )
    stemmed = FullTextField()
    filters = FullTextField()
    rank = models.FloatField()

    class Meta:
        managed = False
        db_table = "directory_fts"

    def __str__(self) -> str:
        return str(self.entry_id)
