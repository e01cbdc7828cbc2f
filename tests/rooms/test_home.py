"""序厅 — the welcome hall."""

from __future__ import annotations

import datetime as dt

from hall.labels import t
from tests.support.apptest import person_ids, texts


def test_home_shows_the_halls_numbers_doors_and_featured_people(open_room, cat) -> None:
    at = open_room()
    stats = cat.stats()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[t("stat_honorees")] == f"{stats['honorees']:,}"
    assert metrics[t("stat_studios")] == f"{stats['studios']:,}"
    assert metrics[t("stat_craftsmen")] == f"{stats['craftsmen']:,}"
    page = texts(at)
    for era in cat.eras:
        assert era.name.zh in page
        assert t("era_door_count", n=cat.count("era", era.id)) in page
    shown = person_ids(at)
    assert len(shown) >= 4
    assert shown == [h.id for h in cat.featured(dt.date.today(), len(shown))]  # the day's, real first
    assert not cat.honoree(shown[0]).sample


def _wall(at) -> str:
    return next(h.proto.body for h in at.get("html") if 'class="hall-wall' in h.proto.body)


def test_the_welcome_hall_opens_with_every_name_on_the_wall(open_room, cat) -> None:
    at = open_room()
    wall = _wall(at)
    for h in cat.honorees:
        assert f'href="honoree?id={h.id}"' in wall
        assert f">{h.name}</a>" in wall
    real = [h for h in cat.honorees if not h.sample]
    assert all(f'r" href="honoree?id={h.id}"' in wall for h in real)  # real people stand out
    assert t("wall_count", n=f"{len(cat.honorees):,}") in wall
    page = texts(at)
    assert page.index(t("wall_title")) < page.index(t("home_doors"))  # the wall first
    assert "moving" not in wall.split(">", 2)[1]  # still on the welcome hall
