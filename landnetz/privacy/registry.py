"""What each app does when a member's account is erased.

The privacy seam knows no feature app. Feature apps register an ``ErasureStep`` in their
``AppConfig.ready``; ``privacy.services.erase_member`` runs every step inside one
transaction, after asking every step whether something blocks the erasure (for example
an organisation that would be left without an administrator).
"""

from collections.abc import Callable
from dataclasses import dataclass, field


def _nothing_blocks(user) -> list[str]:
    return []


@dataclass(frozen=True)
class ErasureStep:
    name: str
    # Delete or anonymise the app's rows of this member. Runs inside the erasure's
    # transaction; delete files with transaction.on_commit.
    erase: Callable
    # Translated reasons that must be resolved before the account can be erased.
    blockers: Callable = field(default=_nothing_blocks)


_steps: dict[str, ErasureStep] = {}


def register(step: ErasureStep) -> None:
    _steps[step.name] = step


def steps() -> list[ErasureStep]:
    return list(_steps.values())


# --- Export (DSGVO Art. 15, 20) -------------------------------------------------------


@dataclass(frozen=True)
class ExportSpec:
    """Rows of ``model`` (an app label) that refer to the member through ``relation``
    (a lookup path ending at the user, e.g. "user" or "profile__user")."""

    model: str
    relation: str
    title: str  # the section's name in the export file
    exclude: tuple[str, ...] = ()  # fields never exported (secrets, hashes)


@dataclass(frozen=True)
class Exclusion:
    """A relation to users that is deliberately not exported, with the reason."""

    model: str
    relation: str
    reason: str


_exports: dict[tuple[str, str], ExportSpec] = {}
_exclusions: dict[tuple[str, str], Exclusion] = {}


def register_export(spec: ExportSpec) -> None:
    _exports[(spec.model, spec.relation)] = spec


def register_exclusion(exclusion: Exclusion) -> None:
    _exclusions[(exclusion.model, exclusion.relation)] = exclusion


def exports() -> list[ExportSpec]:
    return list(_exports.values())


def exclusions() -> list[Exclusion]:
    return list(_exclusions.values())
