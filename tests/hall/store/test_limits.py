"""Guessing counters and rate limits in the store, on SQLite and PostgreSQL: they hold across
stores (processes), growing waits and lockouts a curator lifts, and nothing kept past its hour."""

from __future__ import annotations

import datetime as dt
import multiprocessing
from pathlib import Path

import pytest
import sqlalchemy as sa

from hall.errors import GuessRefused, RateLimited
from hall.store import (
    CLIENT_LOCKOUT,
    EVERYONE,
    FREE_TRIES,
    GATE_LOCKOUT,
    LIMIT_WINDOW,
    LOCKOUT,
    RATE_LIMITS,
    Action,
    Store,
    wait_after,
)
from tests.hall.store.conftest import T0, Clock, Target, all_at_once

GATE = "docent"
CLIENT = "c0ffee00c0ffee00"


def refusal(store: Store, client: str = CLIENT, gate: str = GATE) -> GuessRefused | None:
    """The refusal of one try (None when the try was counted)."""
    try:
        store.begin_try(gate, client)
    except GuessRefused as refused:
        return refused
    return None


def rows(target: Target, table: str) -> int:
    engine = target.raw_engine()
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()
    finally:
        engine.dispose()


# ---------------------------------------------------------------- guessing


@pytest.mark.parametrize(
    ("failures", "seconds"), [(0, 0), (FREE_TRIES - 1, 0), (FREE_TRIES, 2), (FREE_TRIES + 1, 4), (9, 128)]
)
def test_each_wrong_try_beyond_the_free_ones_waits_twice_as_long(failures: int, seconds: int) -> None:
    assert wait_after(failures) == dt.timedelta(seconds=seconds)


def test_a_client_waits_after_its_free_tries_and_the_store_says_until_when(
    store: Store, clock: Clock
) -> None:
    for n in range(1, FREE_TRIES + 1):
        assert store.begin_try(GATE, CLIENT).number == n
    refused = refusal(store)
    assert refused is not None
    assert (refused.reason, refused.until, refused.failures) == (
        "wait",
        T0 + wait_after(FREE_TRIES),
        FREE_TRIES,
    )
    clock.advance(seconds=1)
    assert refusal(store) is not None  # waiting does not count, and does not reset the wait either
    clock.advance(seconds=1)
    assert store.begin_try(GATE, CLIENT).number == FREE_TRIES + 1
    assert refusal(store, client="another0client00") is None  # others are not held up


def test_a_client_is_locked_out_after_its_wrong_tries_however_patient(store: Store, clock: Clock) -> None:
    for n in range(CLIENT_LOCKOUT):
        clock.advance(seconds=wait_after(n).total_seconds())
        done = store.begin_try(GATE, CLIENT)
    assert done.number == CLIENT_LOCKOUT
    assert done.client_locked_until == clock.now + LOCKOUT
    clock.advance(minutes=30)
    refused = refusal(store)
    assert refused is not None
    assert (refused.reason, refused.until) == ("locked", done.client_locked_until)
    assert [(lo.gate, lo.client, lo.failures) for lo in store.lockouts()] == [(GATE, CLIENT, CLIENT_LOCKOUT)]
    assert store.lockout(GATE, CLIENT) == store.lockouts()[0]
    assert store.lockout(GATE, "someone0else0000") is None
    assert refusal(store, gate="curator") is None  # one gate's lockout is that gate's only


def test_many_clients_lock_the_gate_for_everyone(store: Store, clock: Clock) -> None:
    """Spreading the guesses over many addresses does not help: the gate counts them all."""
    for n in range(GATE_LOCKOUT):
        done = store.begin_try(GATE, f"client{n:04d}")
    assert done.gate_number == GATE_LOCKOUT
    assert done.gate_locked_until == T0 + LOCKOUT
    refused = refusal(store, client="freshclient0000")
    assert refused is not None
    assert (refused.reason, refused.until) == ("gate_locked", T0 + LOCKOUT)
    (lockout,) = store.lockouts()
    assert (lockout.gate, lockout.everyone, lockout.failures) == (GATE, True, GATE_LOCKOUT)
    assert store.lockout(GATE, "anyone0at0all000") == lockout
    clock.advance(seconds=LOCKOUT.total_seconds())
    assert refusal(store, client="freshclient0000") is None  # it opens by itself when the hour is up


def test_a_curator_lifts_a_lockout(store: Store, clock: Clock) -> None:
    for n in range(CLIENT_LOCKOUT):
        clock.advance(seconds=wait_after(n).total_seconds())
        store.begin_try(GATE, CLIENT)
    for n in range(GATE_LOCKOUT - CLIENT_LOCKOUT):
        store.begin_try(GATE, f"other{n:04d}")
    assert {lo.client for lo in store.lockouts()} == {CLIENT, EVERYONE}
    store.lift_lockout(GATE, EVERYONE)
    assert refusal(store) is not None  # still locked for the client itself
    store.lift_lockout(GATE, CLIENT)
    assert store.lockouts() == []
    assert store.begin_try(GATE, CLIENT).number == 1  # afresh


def test_the_right_secret_clears_the_client_and_takes_its_try_off_the_gate(store: Store) -> None:
    for _ in range(FREE_TRIES):
        store.begin_try(GATE, CLIENT)
    store.begin_try(GATE, "bystander0000000")
    store.clear_tries(GATE, CLIENT)
    assert store.begin_try(GATE, CLIENT).number == 1
    # The gate keeps the wrong ones: 4 tries, the right one taken back, then 2 more.
    assert store.begin_try(GATE, "bystander0000000").gate_number == 5


def test_a_right_try_that_reached_the_gate_lockout_leaves_the_gate_open(store: Store) -> None:
    for n in range(GATE_LOCKOUT):
        last = store.begin_try(GATE, f"client{n:04d}")
    assert last.gate_locked_until is not None
    store.clear_tries(GATE, last.client)  # the last try was the right secret
    assert store.lockouts() == []
    assert refusal(store, client="freshclient0000") is None


def test_tries_are_forgotten_an_hour_after_the_last(target: Target, store: Store, clock: Clock) -> None:
    for _ in range(FREE_TRIES):
        store.begin_try(GATE, CLIENT)
    clock.advance(minutes=59)
    assert refusal(store, client="someone0else0000") is None
    clock.advance(minutes=1)
    # The gate still counts: its last try was a minute ago. CLIENT's row is gone (and its key).
    assert store.begin_try(GATE, "someone0else0001").gate_number == FREE_TRIES + 2
    assert rows(target, "guesses") == 3  # someone0else0000's, 0001's and the gate's
    assert store.begin_try(GATE, CLIENT).number == 1


def test_parallel_stores_cannot_slip_tries_past_the_wait(target: Target, clock: Clock) -> None:
    """Finding 1: parallel sessions each held up only themselves. Now one client's tries from
    many stores (as many processes) at the same moment: only the free ones are counted."""
    stores = [target.open(clock=clock) for _ in range(12)]
    results = all_at_once(stores, lambda s: s.begin_try(GATE, CLIENT))
    refused = [r for r in results if isinstance(r, GuessRefused)]
    counted = sorted(r.number for r in results if not isinstance(r, BaseException))
    assert counted == list(range(1, FREE_TRIES + 1))
    assert len(refused) == len(stores) - FREE_TRIES
    assert {r.reason for r in refused} == {"wait"}


def test_parallel_stores_from_many_clients_cannot_pass_the_gate_lockout(target: Target, clock: Clock) -> None:
    stores = [target.open(clock=clock) for _ in range(GATE_LOCKOUT + 8)]
    client_of = {id(s): f"client{n:04d}" for n, s in enumerate(stores)}
    results = all_at_once(stores, lambda s: s.begin_try(GATE, client_of[id(s)]))
    assert sum(not isinstance(r, BaseException) for r in results) == GATE_LOCKOUT
    assert {r.reason for r in results if isinstance(r, GuessRefused)} == {"gate_locked"}


def _try_in_a_process(url: str | None, data_dir: str, at: str, barrier, answers) -> None:
    """One process's try: its own store, at a fixed moment, started with the others."""
    moment = dt.datetime.fromisoformat(at)
    store = Store.open(url, Path(data_dir), clock=lambda: moment)
    barrier.wait(timeout=60)
    try:
        answers.put(store.begin_try(GATE, CLIENT).number)
    except GuessRefused as refused:
        answers.put(refused.reason)
    finally:
        store.close()


def test_separate_processes_share_one_count(target: Target) -> None:
    target.open().schema_version()  # migrated before the processes race
    ctx = multiprocessing.get_context("spawn")
    n = FREE_TRIES + 3
    barrier, answers = ctx.Barrier(n), ctx.Queue()
    processes = [
        ctx.Process(
            target=_try_in_a_process,
            args=(target.url, str(target.data_dir), T0.isoformat(), barrier, answers),
        )
        for _ in range(n)
    ]
    for p in processes:
        p.start()
    got = [answers.get(timeout=120) for _ in range(n)]
    for p in processes:
        p.join(timeout=60)
    assert sorted(a for a in got if isinstance(a, int)) == list(range(1, FREE_TRIES + 1))
    assert sorted(a for a in got if isinstance(a, str)) == ["wait"] * 3


@pytest.mark.parametrize(("gate", "client"), [("", CLIENT), ("no spaces", CLIENT), (GATE, ""), (GATE, "a*b")])
def test_bad_gate_or_client_is_a_programming_error(store: Store, gate: str, client: str) -> None:
    with pytest.raises(ValueError, match=r"gate|client"):
        store.begin_try(gate, client)


# ---------------------------------------------------------------- rate limits


@pytest.mark.parametrize("action", list(Action))
def test_one_client_is_capped_per_hour_and_told_when_it_may_go_on(
    store: Store, clock: Clock, action: Action
) -> None:
    """Finding 8: one client's likes, messages and requests are capped whatever its sessions."""
    limit = RATE_LIMITS[action].per_client
    for n in range(limit):
        store.spend(action, CLIENT, subject=f"h{n}")  # a different person each time
    with pytest.raises(RateLimited) as refused:
        store.spend(action, CLIENT, subject="h-next")
    assert (refused.value.scope, refused.value.limit) == ("client", limit)
    assert refused.value.until == T0.replace(minute=0) + LIMIT_WINDOW
    assert refused.value.label_key == f"limit_client_{action}"
    store.spend(action, "someone0else0000")  # another client is not held up
    clock.advance(hours=1)
    store.spend(action, CLIENT)  # a new hour starts afresh


def test_likes_to_one_person_from_one_client_are_capped_sooner(store: Store) -> None:
    per_person = RATE_LIMITS[Action.LIKE].per_client_subject
    for _ in range(per_person):
        store.spend(Action.LIKE, CLIENT, subject="r001")
    with pytest.raises(RateLimited) as refused:
        store.spend(Action.LIKE, CLIENT, subject="r001")
    assert (refused.value.scope, refused.value.limit) == ("person", per_person)
    store.spend(Action.LIKE, CLIENT, subject="r002")
    assert store.spent(Action.LIKE, CLIENT) == per_person + 1  # the refused like was not counted


@pytest.mark.parametrize("action", [Action.MESSAGE, Action.REQUEST])
def test_the_whole_hall_is_capped_whatever_the_addresses(store: Store, action: Action) -> None:
    limit = RATE_LIMITS[action]
    for n in range(limit.per_hall):
        store.spend(action, f"client{n // limit.per_client:04d}")
    with pytest.raises(RateLimited) as refused:
        store.spend(action, "freshclient0000")
    assert (refused.value.scope, refused.value.limit) == ("hall", limit.per_hall)
    assert store.spent(action, "freshclient0000") == 0


def test_parallel_stores_never_exceed_a_limit(target: Target, clock: Clock) -> None:
    limit = RATE_LIMITS[Action.REQUEST].per_client
    stores = [target.open(clock=clock) for _ in range(limit + 7)]
    results = all_at_once(stores, lambda s: s.spend(Action.REQUEST, CLIENT))
    assert results.count(None) == limit
    assert all(isinstance(r, RateLimited) for r in results if r is not None)
    assert stores[0].spent(Action.REQUEST, CLIENT) == limit


def test_an_hours_counts_are_deleted_once_it_is_over(target: Target, store: Store, clock: Clock) -> None:
    store.spend(Action.LIKE, CLIENT, subject="r001")
    assert rows(target, "rate_counts") == 3  # the client, the client and person, the hall
    clock.advance(hours=1)
    store.spend(Action.MESSAGE, "someone0else0000")
    assert rows(target, "rate_counts") == 2  # the new hour's only: no older client key is kept
    assert store.spent(Action.LIKE, CLIENT) == 0


def test_any_limited_action_forgets_what_no_limit_needs(target: Target, store: Store, clock: Clock) -> None:
    """A key outlives its need only until the hall's next sign-in try, like, message or request."""
    store.begin_try(GATE, CLIENT)
    store.spend(Action.REQUEST, CLIENT)
    clock.advance(hours=1, seconds=1)
    store.spend(Action.LIKE, "someone0else0000")  # forgets the old try, too
    assert rows(target, "guesses") == 0
    clock.advance(hours=1)
    store.begin_try("curator", "someone0else0000")  # forgets the last hour's like, too
    assert rows(target, "rate_counts") == 0
