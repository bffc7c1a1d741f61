"""Query counts that prove a page is flat: equal at two data sizes, the cache cleared each time.

A ceiling (``django_assert_max_num_queries(10)``) lets a page grow until it reaches the
ceiling, and a second request can be answered from the cache and run fewer queries than
the first however the page scales. ``assert_flat`` measures the same page at a small and
a large data set, clears Django's cache before each measurement, and requires the same
number of queries — and, with ``shows``, that the page really shows more of the grown data.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext


def _shape(sql: str) -> str:
    """The SQL without its values, so that two measurements can be compared line by line."""
    sql = re.sub(r"'(?:[^']|'')*'", "?", sql)
    sql = re.sub(r"\b\d+(\.\d+)?\b", "?", sql)
    return re.sub(r"\(\?(?:, \?)+\)", "(?…)", sql)


def measure(client, url: str, **request) -> tuple:
    """(response, [SQL]) of one GET with an empty cache; the page must answer 200."""
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **request)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return response, [query["sql"] for query in captured.captured_queries]


def assert_flat(
    client,
    url: str,
    *,
    grow: Callable[[], object],
    shows: Callable[[str], int] | None = None,
    **request,
):
    """Measure ``url``, call ``grow()``, measure again: the query counts must be equal.

    ``shows(html)`` counts what the page shows of the grown data; it must be larger after
    ``grow()``, or the second measurement proved nothing. One request before the first
    measurement fills process-wide caches (content types, compiled templates) that do not
    depend on the data; Django's cache is cleared before each measured request.
    """
    client.get(url, **request)
    small, small_queries = measure(client, url, **request)
    grow()
    large, large_queries = measure(client, url, **request)
    if len(small_queries) != len(large_queries):
        diff = "\n".join(
            difflib.unified_diff(
                [_shape(sql) for sql in small_queries],
                [_shape(sql) for sql in large_queries],
                "small data set",
                "large data set",
                lineterm="",
                n=1,
            )
        )
        raise AssertionError(
            f"{url}: {len(small_queries)} queries with little data, {len(large_queries)} with more "
            f"(the page's queries grow with its data):\n{diff}"
        )
    if shows is not None:
        before, after = shows(small.content.decode()), shows(large.content.decode())
        assert after > before, f"{url} shows {before} grown items before and {after} after: grow() changed nothing"
    return small, large
