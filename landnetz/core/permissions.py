"""Who may do what in the core app. Predicates are shared by all apps."""

import rules


@rules.predicate
def is_network_admin(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.is_superuser)


@rules.predicate
def is_member(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


@rules.predicate
def is_region_coordinator(user, region) -> bool:
    """True when the user coordinates the given region (a Region or its id)."""
    if not is_member(user) or region is None:
        return False
    region_id = getattr(region, "pk", region)
    return region_id in coordinated_region_ids(user)


@rules.predicate
def is_any_coordinator(user) -> bool:
    return is_member(user) and bool(coordinated_region_ids(user))


def coordinated_region_ids(user) -> frozenset[int]:
    # Cached on the user object: one query per request, however often it is asked.
    cached = getattr(user, "_coordinated_region_ids", None)
    if cached is None:
        cached = frozenset(user.coordinated_regions.values_list("pk", flat=True))
        user._coordinated_region_ids = cached
    return cached


rules.add_perm("core.edit_legal_page", is_network_admin)
rules.add_perm("core.view_audit_log", is_network_admin)
rules.add_perm("core.manage_topics", is_network_admin | is_any_coordinator)
