"""Visitors' hourly limits on likes, messages and requests as pages use them: count one from this
visitor's client, or say plainly which limit it is over and when to try again."""

from __future__ import annotations

import datetime as dt
import logging
import math

from hall.errors import RateLimited
from hall.labels import t
from hall.store import Action
from hall.ui.client import client_key
from hall.ui.data import settings, store

log = logging.getLogger(__name__)


def spend(action: Action, subject: str = "") -> RateLimited | None:
    """Count one `action` (to honoree `subject`) from this visitor's client in the store's hourly
    limits, shared by every session and process; the refusal when it is over one (nothing counted).

    Raises:
        StoreUnavailable: the store cannot count it now.
    """
    if not settings().limits:
        return None
    client = client_key()
    try:
        store().spend(action, client, subject)
    except RateLimited as refused:
        scope, limit = refused.scope, refused.limit
        log.warning("%s refused: over the %s limit of %d an hour (client %s)", action, scope, limit, client)
        return refused
    return None


def refusal_text(refused: RateLimited, lang: str) -> str:
    """What the visitor reads: the limit, and in about how many minutes to try again."""
    return t(refused.label_key, lang, limit=refused.limit, minutes=minutes_until(refused.until))


def minutes_until(moment: dt.datetime) -> int:
    """Whole minutes from now to `moment`, rounded up (at least 1)."""
    seconds = (moment - dt.datetime.now(dt.UTC)).total_seconds()
    return max(1, math.ceil(seconds / 60))
