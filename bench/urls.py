"""URLconf of the benchmark worker: the project's URLs plus a minimal page.

The minimal page renders only ``base.html`` (header, navigation, footer, context
processors, middleware) and so is the floor that every other page is compared to.
``config.urls`` uses ``i18n_patterns``, which Django does not allow inside ``include()``,
so its patterns are taken over as they are.
"""

from django.conf.urls.i18n import i18n_patterns
from django.shortcuts import render
from django.urls import path

from config.urls import urlpatterns as project_urlpatterns


def minimal(request):
    return render(request, "base.html")


urlpatterns = [
    *project_urlpatterns,
    # Under the language prefix like every real page: /de/bench/minimal/
    *i18n_patterns(path("bench/minimal/", minimal, name="bench_minimal"), prefix_default_language=True),
]
