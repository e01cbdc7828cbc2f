"""The wall of names and an era's stories and milestones, from the catalogue."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
from pathlib import Path

import pytest

from hall.exhibition import era_milestones, era_stories, wall, wall_html
from hall.pack import load_catalog
from tests.support.packs import HONOREES, write_pack

DAY = dt.date(2026, 12, 6)


@pytest.fixture
def cat(tmp_path: Path):
    return load_catalog(write_pack(tmp_path / "pack"))


def test_the_wall_holds_everyone_hung_by_era_then_year(cat) -> None:
    hung = wall(cat, DAY)
    assert hung.complete
    assert sorted(h.id for h in hung.names) == sorted(row[0] for row in HONOREES)
    eras = [e.id for e in cat.eras]
    keys = [(eras.index(h.primary_era) if h.primary_era else 9, h.first_year or 9999) for h in hung.names]
    assert keys == sorted(keys)


def test_a_big_hall_shows_real_people_and_a_stable_sample(cat) -> None:
    hung = wall(cat, DAY, limit=4)
    real = {h.id for h in cat.honorees if not h.sample}
    assert (len(hung.names), hung.total, hung.complete) == (4, len(cat.honorees), False)
    assert real <= {h.id for h in hung.names}
    assert wall(cat, DAY, limit=4) == hung
    assert {wall(cat, DAY + dt.timedelta(days=d), limit=4).names for d in range(10)} != {hung.names}


def test_the_walls_markup_escapes_names_and_marks_real_people(cat) -> None:
    hostile = next(iter(cat.honorees))
    names = [dataclasses.replace(hostile, name='<b>"x"</b>')]
    markup = wall_html(names, {hostile.primary_era: "e2"}, "honoree")
    assert "<b>" not in markup
    assert html.escape('<b>"x"</b>') in markup
    assert f'class="e2{"" if hostile.sample else " r"}"' in markup
    assert f'href="honoree?id={hostile.id}"' in markup


def test_an_eras_milestones_are_the_events_of_its_years(cat) -> None:
    revolution = cat.era("revolution")
    assert [m.year for m in era_milestones(cat, revolution)] == [1950]
    assert era_milestones(cat, cat.era("new_era")) == ()


def test_an_eras_stories_tell_real_people_first_then_the_fullest(cat) -> None:
    told = era_stories(cat, "new_era")
    assert told[0].id == "t01"  # the one real person of the pack
    assert all("new_era" in h.eras for h in told)
    assert len(told) == 3
