"""The site search index: one row per findable object of any kind.

Rows are derived data, written by ``search.index`` when an app reindexes its objects
(and completely by ``manage.py rebuild_search``). Only what the owner made visible to a
row's audience is indexed, so a hidden field can never be found.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from landnetz.core.models import Municipality, Region, Topic


class SearchEntry(models.Model):
    # A registered ``registry.SearchKind`` name ("person", "organisation", …) and the id of
    # the object within it; no foreign key, so that the seam knows no feature app.
    kind = models.CharField(max_length=30)
    object_id = models.PositiveBigIntegerField()
    # "public", "members" or an audience an app defines ("group:12"), see registry.
    audience = models.CharField(max_length=40)
    title = models.CharField(max_length=200)
    summary = models.CharField(max_length=300, blank=True)
    # What the kind's URL needs: the user id of a person, the slug of an organisation.
    key = models.CharField(max_length=170)
    language = models.CharField(max_length=8, blank=True)
    sort_title = models.CharField(max_length=200)
    # Visible text, folded (lower case, ä → ae, ß → ss) so that "Aerztin" finds "Ärztin".
    document = models.TextField()
    # Same text, stemmed for SQLite's FTS5; PostgreSQL stems with its German configuration.
    stemmed = models.TextField()
    # Filter words ("zzaudpublic zzregion13 …") built only from ids and keys, never from
    # user text. They live in a column (and an FTS5 column / tsvector weight) of their own,
    # so that a name or a topic containing "zzaudpublic" cannot act as a filter.
    filters = models.TextField(default="")
    # The document's tags as the app gave them ("interp:yes"), for result templates.
    tags = models.CharField(max_length=200, blank=True)
    search_vector = SearchVectorField(null=True)
    sector = models.CharField(max_length=30, blank=True)
    region = models.ForeignKey(Region, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    municipality = models.ForeignKey(Municipality, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    latitude = models.FloatField(null=True)
    longitude = models.FloatField(null=True)
    topics = models.ManyToManyField(Topic, blank=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            models.Index(fields=["audience", "kind", "sort_title"]),
            models.Index(fields=["kind", "region", "sector"]),
            # A region's people or organisations by name (the region page lists them a page at
            # a time: an ordered scan that stops after the page, not a sort of the whole region).
            models.Index(fields=["kind", "region", "sort_title", "id"], name="search_entry_region_names"),
            # How many of them a viewer may see: counted in the index alone, without the rows.
            models.Index(fields=["kind", "region", "audience"], name="search_entry_region_count"),
            models.Index(fields=["municipality"]),
        ]
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_one_per_object")]

    def __str__(self) -> str:
        return self.title

    @property
    def tag_list(self) -> list[str]:
        return self.tags.split()


def tag_token(tag: str) -> str:
    name, _, value = tag.partition(":")
    return filter_token(f"tag{name}", value)


def filter_token(name: str, value) -> str:
    """A word that stands for a filter value inside the full-text index.

    With the filters inside the index, FTS5 (and PostgreSQL's GIN index) intersect a rare
    token ("zzregion13") with a common word instead of matching the common word
    everywhere and filtering afterwards.
    """
    return "zz" + name + "".join(char for char in str(value).lower() if char.isalnum())


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
        db_table = "search_fts"

    def __str__(self) -> str:
        return str(self.entry_id)


class Term(models.Model):
    """A word of the shared vocabulary: a profession, a service or a kind of help, named in
    every interface language with its synonyms and (in German) its word family.

    Coordinators keep the list. When an indexed text contains any of a term's words, its
    search entry also gets every other word of that term and of its broader terms
    (``vocabulary.Vocabulary``): a search for "педіатр" finds "Kinderärztin", one for
    "лікар" finds her too, because paediatrics is part of "Arzt".
    """

    class Kind(models.TextChoices):
        PROFESSION = "profession", _("Profession")
        SERVICE = "service", _("Service or kind of help")

    name = models.CharField(_("name (German)"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.SERVICE)
    broader = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="narrower",
    )
    # {"de": ["Kinderärztin", "Pädiatrie"], "uk": ["педіатр", "дитячий лікар"], …}
    synonyms = models.JSONField(_("names and synonyms"), default=dict, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("search word")
        verbose_name_plural = _("search words")

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        """The term in the reader's language: its first name there, else the German name."""
        names = self.synonyms.get(get_language() or "de") or []
        return names[0] if names and (get_language() or "de") != "de" else self.name

    @property
    def translated_languages(self) -> int:
        """How many languages besides German have words (the list shows it like the topics)."""
        return len([code for code, names in self.synonyms.items() if code != "de" and names])

    def words(self) -> list[str]:
        """Every name of this term, in every language, the German name first."""
        return [self.name, *(word for names in self.synonyms.values() for word in names)]
