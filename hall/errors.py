"""The hall's exceptions: one base class and the few cases pages must tell apart."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hall.pack.records import Problem


class HallError(Exception):
    """Anything the hall itself reports in plain words."""


class HonoreeNotFound(HallError):
    def __init__(self, honoree_id: str) -> None:
        super().__init__(f"no honoree with id {honoree_id!r}")
        self.honoree_id = honoree_id


class PackError(HallError):
    """The content pack cannot be used at all (as opposed to a few bad rows)."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(str(p) for p in self.problems))


class StoreUnavailable(HallError):
    """The writable store (likes, guestbook, figures) cannot be reached right now."""


class MessageRefused(HallError):
    """A visitor's guestbook message was not saved; `reason` picks the label they read.

    `params` fills the label's placeholders (limit, length, minutes).
    """

    REASONS = ("empty", "too_long", "signature_too_long", "control_chars", "duplicate", "rate_limited")

    def __init__(self, reason: str, **params: int) -> None:
        self.reason = reason
        self.params = params
        detail = ", ".join(f"{k}={v}" for k, v in params.items())
        super().__init__(f"message refused: {reason}" + (f" ({detail})" if detail else ""))

    @property
    def label_key(self) -> str:
        """The key in hall.labels.LABELS of the message the visitor reads."""
        return f"guestbook_refused_{self.reason}"


class PairingRefused(HallError):
    """A docent's tablet could not take a screen: `reason` picks the label the docent reads."""

    REASONS = ("unknown", "expired", "taken")

    def __init__(self, reason: str) -> None:
        super().__init__(f"pairing refused: {reason}")
        self.reason = reason


class GuessRefused(HallError):
    """A try at a gate's secret was not even compared: the client must wait, or the gate is locked.

    `reason` is "wait" (too soon after the last wrong try), "locked" (locked for this client) or
    "gate_locked" (locked for everyone after wrong tries from many clients); `until` is the aware
    UTC moment the gate opens again (sooner if a curator lifts the lockout).
    """

    REASONS = ("wait", "locked", "gate_locked")

    def __init__(self, reason: str, until: dt.datetime, failures: int) -> None:
        super().__init__(f"try refused: {reason} until {until.isoformat(timespec='seconds')}")
        self.reason = reason
        self.until = until
        self.failures = failures

    @property
    def label_key(self) -> str:
        """The key in hall.labels.LABELS of the message the visitor reads."""
        return f"gate_refused_{self.reason}"


class RateLimited(HallError):
    """A like, message or request over its hourly limit: for this client, for this client to one
    person, or for the whole hall.

    `action` and `scope` ("client", "person" or "hall") pick the label; `limit` is the number an
    hour and `until` the aware UTC moment the hour's count starts again.
    """

    SCOPES = ("client", "person", "hall")

    def __init__(self, action: str, scope: str, limit: int, until: dt.datetime) -> None:
        super().__init__(f"{action} over the {scope} limit of {limit} an hour")
        self.action = action
        self.scope = scope
        self.limit = limit
        self.until = until

    @property
    def label_key(self) -> str:
        """The key in hall.labels.LABELS of the message the visitor reads."""
        return f"limit_{self.scope}_{self.action}"


class BookingRefused(HallError):
    """A group visit or talk request was not stored; `reason` picks the label the visitor reads
    (book_refused_<reason>) and `params` fills it."""

    REASONS = (
        "past",
        "too_far",
        "no_slot",
        "people",
        "full",
        "closed",
        "duplicate",
        "group",
        "topic",
        "contact",
        "speaker",
        "audience",
        "text",
    )

    def __init__(self, reason: str, **params: int | str) -> None:
        self.reason = reason
        self.params = params
        detail = ", ".join(f"{k}={v}" for k, v in params.items())
        super().__init__(f"booking refused: {reason}" + (f" ({detail})" if detail else ""))

    @property
    def label_key(self) -> str:
        """The key in hall.labels.LABELS of the message the visitor reads."""
        return f"book_refused_{self.reason}"
