"""Who may keep the search vocabulary: the same people who keep the topics."""

import rules

from landnetz.core.permissions import is_any_coordinator, is_network_admin

rules.add_perm("search.manage_vocabulary", is_network_admin | is_any_coordinator)
