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
