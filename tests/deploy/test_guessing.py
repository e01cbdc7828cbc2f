"""Issue 14, finding 1, against a real hall: parallel sessions cannot guess the docent PIN, from
one address or shared out over many; every refusal is logged with the gate and the client key,
never the PIN tried; a curator's lift opens the gate again."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from hall.store import EVERYONE, FREE_TRIES, GATE_LOCKOUT, Store, wait_after
from tests.deploy.conftest import ReplicaFactory, run_async
from tests.support.guessing import GuessReport, address, attack, sign_in
from tests.support.servers import Replica

PIN = "804615"
SESSIONS = 40  # as in the finding: 40 parallel sessions
SECONDS = 12.0
CLIENT_KEY = re.compile(r"client ([0-9a-f]{16})")


def wrong_pins() -> Iterator[str]:
    """Six-digit guesses that are not the PIN (and, starting 1…, not in a timestamp's digits)."""
    return (f"{n}" for n in range(100_000, 200_000))


def most_tries_in(seconds: float) -> int:
    """The most tries one client can have compared in `seconds`: the free ones, then one after
    each wait (2 s, 4 s, …)."""
    tries, spent = FREE_TRIES, 0.0
    while spent + wait_after(tries).total_seconds() <= seconds:
        spent += wait_after(tries).total_seconds()
        tries += 1
    return tries


@pytest.fixture
def docent_hall(replica_factory: ReplicaFactory) -> Replica:
    # Behind a proxy: each session's X-Real-IP stands for its own address.
    env = {"HALL_MODE": "docent", "HALL_DOCENT_PIN": PIN, "HALL_BEHIND_PROXY": "1"}
    return replica_factory(env=env, name="docent")


def whole_log(replica: Replica) -> str:
    return replica.log_path.read_text(encoding="utf-8", errors="replace")


def refusal_lines(replica: Replica) -> list[str]:
    return [line for line in whole_log(replica).splitlines() if "docent sign-in refused" in line]


def summary(report: GuessReport) -> str:
    r = report
    return f"compared {r.compared}, refused {r.refused}, shut out {r.shut_out} in {r.seconds:.1f} s"


def test_forty_parallel_sessions_from_one_address_have_only_a_few_pins_compared(docent_hall: Replica) -> None:
    report = run_async(attack(docent_hall.url, wrong_pins(), sessions=SESSIONS, seconds=SECONDS))
    print(summary(report))
    assert not report.errors, report.errors
    assert report.refused > SESSIONS  # every session kept trying ...
    assert FREE_TRIES <= report.compared <= most_tries_in(report.seconds)  # ... and the store held them
    # The right PIN from that address right after: refused, as its last wrong try was just now.
    assert not run_async(sign_in(docent_hall.url, PIN, at=address(0, 1)))

    lines = refusal_lines(docent_hall)
    assert len(lines) >= report.compared + report.refused  # each refusal logged
    keys = {m.group(1) for line in lines if (m := CLIENT_KEY.search(line))}
    assert len(keys) == 1, lines[:5]  # one address, one client key, named on every line
    assert all(CLIENT_KEY.search(line) for line in lines)
    assert any("wrong secret" in line and "try 1 in a row" in line for line in lines)
    tried = {f"{n}" for n in range(100_000, 100_000 + report.compared + report.refused + SESSIONS)}
    assert not [pin for pin in tried if pin in whole_log(docent_hall)]  # never the PIN tried


def test_many_addresses_share_one_count_and_the_gate_locks_for_everyone(docent_hall: Replica) -> None:
    report = run_async(
        attack(docent_hall.url, wrong_pins(), sessions=SESSIONS, seconds=SECONDS, addresses=SESSIONS)
    )
    print(summary(report))
    assert not report.errors, report.errors
    assert report.compared == GATE_LOCKOUT  # 40 addresses × 3 free tries would have been 120
    assert not run_async(sign_in(docent_hall.url, PIN, at="10.99.0.1"))  # a newcomer, the right PIN
    assert "docent gate locked for everyone" in whole_log(docent_hall)
    assert len({m.group(1) for line in refusal_lines(docent_hall) if (m := CLIENT_KEY.search(line))}) > 10

    store = Store.open(None, docent_hall.data_dir)  # what the admin room's "lift" does
    try:
        store.lift_lockout("docent", EVERYONE)
    finally:
        store.close()
    assert run_async(sign_in(docent_hall.url, PIN, at="10.99.0.1"))
