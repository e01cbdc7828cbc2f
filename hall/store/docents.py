"""What docents keep in the store: tours saved from the builder, and big screens paired with one
docent's tablet (a six-digit code, then the stop the docent shows), shared by every replica."""

from __future__ import annotations

import datetime as dt
import json
import logging
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

import sqlalchemy as sa

from hall.errors import PairingRefused
from hall.pack.tours import Targets, Tour, tour_from_yaml
from hall.store.engine import Engine
from hall.store.schema import MAX_ID, saved_tours_t, screens_t
from hall.store.values import aware, check_id, naive_utc, scrub, session_ref

log = logging.getLogger(__name__)

PAIRING_CODE_TTL = dt.timedelta(minutes=15)  # a code nobody typed is replaced
PAIRING_TTL = dt.timedelta(hours=2)  # a paired screen is freed after this long without a tap


@dataclass(frozen=True, slots=True)
class ScreenState:
    """A big screen's pairing: its code, whether a docent drives it, and what to show."""

    code: str
    paired: bool
    room: str = ""  # a room key
    params: Mapping[str, str] = field(default_factory=dict)
    seq: int = 0  # grows with every change the docent sends
    expires_at: dt.datetime | None = None


class DocentStore(Engine):
    """The store's saved tours and screen pairings."""

    def save_tour(self, tour_id: str, yaml_text: str) -> None:
        """Keep a tour from the builder (replacing one with the same id).

        Raises:
            StoreUnavailable: the tour cannot be saved now.
            ValueError: an over-long id.
        """
        tour_id = check_id(tour_id, "tour id")
        now = naive_utc(self.now())
        with self.transaction(write=True) as conn:
            conn.execute(sa.delete(saved_tours_t).where(saved_tours_t.c.id == tour_id))
            conn.execute(sa.insert(saved_tours_t).values(id=tour_id, yaml=yaml_text, updated_at=now))

    def saved_tours(self, targets: Targets) -> list[Tour]:
        """The builder's saved tours that are still valid against today's pack.

        Raises:
            StoreUnavailable: the store cannot be read now.
        """
        with self.transaction(write=False) as conn:
            rows = conn.execute(sa.select(saved_tours_t).order_by(saved_tours_t.c.id)).all()
        tours = []
        for row in rows:
            tour, problems = tour_from_yaml(row.yaml, targets, "store")
            if tour is not None:
                tours.append(tour)
            else:
                log.warning("saved tour %s no longer fits the pack: %s", row.id, problems[0])
        return tours

    def open_screen(self, screen_key: str) -> ScreenState:
        """This screen's pairing code: the live one, or a fresh code when it has none.

        Raises:
            StoreUnavailable: the store cannot be reached now.
        """
        ref = session_ref(screen_key)
        now = self.now()
        with self.transaction(write=True) as conn:
            row = conn.execute(sa.select(screens_t).where(screens_t.c.screen_ref == ref)).first()
            if row is not None and aware(row.expires_at) > now:
                return _screen(row)
            conn.execute(
                sa.delete(screens_t).where(
                    sa.or_(screens_t.c.screen_ref == ref, screens_t.c.expires_at <= naive_utc(now))
                )
            )
            taken = set(conn.execute(sa.select(screens_t.c.code)).scalars())
            code = next(c for c in (f"{secrets.randbelow(10**6):06d}" for _ in range(100)) if c not in taken)
            values = {
                "code": code,
                "screen_ref": ref,
                "docent_ref": None,
                "room": "",
                "params": "{}",
                "seq": 0,
                "expires_at": naive_utc(now + PAIRING_CODE_TTL),
            }
            conn.execute(sa.insert(screens_t).values(**values))
            return _screen(SimpleNamespace(**values))

    def screen_state(self, screen_key: str) -> ScreenState | None:
        """What this screen should show now (None when it has no live code).

        Raises:
            StoreUnavailable: the store cannot be reached now.
        """
        with self.transaction(write=False) as conn:
            row = conn.execute(
                sa.select(screens_t).where(screens_t.c.screen_ref == session_ref(screen_key))
            ).first()
        if row is None or aware(row.expires_at) <= self.now():
            return None
        return _screen(row)

    def pair_screen(self, code: str, docent_key: str) -> ScreenState:
        """Let this docent drive the screen showing `code`; a docent drives one screen at a time.

        Raises:
            PairingRefused: unknown or expired code, or the screen is another docent's.
            StoreUnavailable: the store cannot be reached now.
        """
        ref = session_ref(docent_key)
        now = self.now()
        with self.transaction(write=True) as conn:
            row = conn.execute(
                sa.select(screens_t).where(screens_t.c.code == str(code).strip()).with_for_update()
            ).first()
            if row is None:
                raise PairingRefused("unknown")
            if aware(row.expires_at) <= now:
                raise PairingRefused("expired")
            if row.docent_ref not in (None, ref):
                raise PairingRefused("taken")
            conn.execute(
                sa.update(screens_t)
                .where(screens_t.c.docent_ref == ref, screens_t.c.code != row.code)
                .values(docent_ref=None, room="", params="{}", seq=screens_t.c.seq + 1)
            )
            conn.execute(
                sa.update(screens_t)
                .where(screens_t.c.code == row.code)
                .values(docent_ref=ref, expires_at=naive_utc(now + PAIRING_TTL))
            )
            row = conn.execute(sa.select(screens_t).where(screens_t.c.code == row.code)).one()
        return _screen(row)

    def show_on_screen(self, docent_key: str, room: str, params: Mapping[str, str]) -> ScreenState | None:
        """Send the docent's current stop (a room key and its query parameters) to their screen
        (None when they have none now).

        Raises:
            StoreUnavailable: the store cannot be reached now.
        """
        ref = session_ref(docent_key)
        now = self.now()
        with self.transaction(write=True) as conn:
            conn.execute(
                sa.update(screens_t)
                .where(screens_t.c.docent_ref == ref, screens_t.c.expires_at > naive_utc(now))
                .values(
                    room=scrub(room, MAX_ID),
                    params=json.dumps(dict(params), ensure_ascii=False),
                    seq=screens_t.c.seq + 1,
                    expires_at=naive_utc(now + PAIRING_TTL),
                )
            )
            row = conn.execute(
                sa.select(screens_t).where(
                    screens_t.c.docent_ref == ref, screens_t.c.expires_at > naive_utc(now)
                )
            ).first()
        return None if row is None else _screen(row)

    def end_pairing(self, docent_key: str) -> None:
        """The tour is over: the docent's screen goes back to its attract loop with a new code.

        Raises:
            StoreUnavailable: the store cannot be reached now.
        """
        with self.transaction(write=True) as conn:
            conn.execute(sa.delete(screens_t).where(screens_t.c.docent_ref == session_ref(docent_key)))


def _screen(row: Any) -> ScreenState:
    return ScreenState(
        code=row.code,
        paired=row.docent_ref is not None,
        room=row.room,
        params=json.loads(row.params or "{}"),
        seq=row.seq,
        expires_at=aware(row.expires_at),
    )
