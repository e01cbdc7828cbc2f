"""Past HALL_MAX_SESSIONS: new visitors get the busy page at once, visitors inside carry on."""

from __future__ import annotations

import asyncio

from hall.ui.capacity import RETRY_SECONDS
from tests.deploy.conftest import ReplicaFactory, run_async
from tests.support.load import run_load, warm_up
from tests.support.streamlit_client import Session
from tests.support.streamlit_screen import saluted


def test_past_the_cap_a_new_visitor_is_told_the_hall_is_busy_and_visitors_inside_carry_on(
    replica_factory: ReplicaFactory,
) -> None:
    # Every session here comes from loopback, one client: a share of 1 lets it fill the hall.
    server = replica_factory(env={"HALL_MAX_SESSIONS": "3", "HALL_CLIENT_SHARE": "1"})

    async def scenario() -> None:
        inside = [Session(server.url) for _ in range(3)]
        outside = Session(server.url)
        try:
            for s in inside:
                await s.connect()
                assert not (await s.open("")).busy
            await outside.connect()
            refused = await outside.open("reform")
            assert refused.busy
            assert refused.has_text("展馆参观人数较多，请稍后再试")
            assert refused.seconds < 5, "the busy page must come at once, not after a hang"
            assert not any(link.page == "honoree" for link in refused.links)  # no rooms behind it

            for s in inside:  # a whole visit each, while the hall is full
                assert not (await s.open("reform")).busy
                await s.click("_next")
                await s.open("search")
                found = await s.type("q", "王")
                await s.follow(next(link for link in found.links if link.page == "honoree"))
                assert saluted((await s.click("like")).widget("like"))

            still = await outside.click("busy_retry")  # full: a retry is refused again, politely
            assert still.busy

            await inside[0].close()  # one leaves: the waiting page lets its visitor in by itself
            let_in = await outside.wait(timeout=RETRY_SECONDS + 15)
            assert not let_in.busy
            assert outside.page == "reform"
            assert any(link.page == "honoree" for link in let_in.links)
        finally:
            await asyncio.gather(*(s.close() for s in [*inside, outside]))

    run_async(scenario())


def test_load_beyond_capacity_gives_busy_pages_and_no_errors(replica_factory: ReplicaFactory) -> None:
    server = replica_factory(env={"HALL_MAX_SESSIONS": "4", "HALL_CLIENT_SHARE": "1"})
    run_async(warm_up(server.url))
    report = run_async(run_load(server.url, 12, 20.0, think=(0.5, 2.0), ramp=2.0, pids=[server.pid]))
    print(report.table())
    assert report.errors == 0, report.error_examples
    assert report.busy > 0
    assert report.visits_completed > 0  # those let in finished their visits
    assert report.steps_by_name["busy"].p95_ms < 3000
