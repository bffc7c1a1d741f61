"""What happens in the demo network beyond people and organisations.

Each feature app's demo content is one module in this package (``landnetz/demo/<app>.py``)
with a ``load(*, rng, stdout)`` function that is idempotent (a second ``load_demo`` adds
nothing) and writes through the app's services or models without sending e-mails.
They run in this order, after members, profiles and organisations exist.
"""

from landnetz.demo import asks, feed, groups, messaging

CONTENT_LOADERS: list = [groups.load, feed.load, messaging.load, asks.load]
