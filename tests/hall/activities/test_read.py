"""activities.csv, speakers.csv and hall.yaml's bookings are checked at load: every problem names
its file, line, column and reason, and every usable row is kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hall.activities import Kind, Setting
from hall.pack import load_catalog
from tests.hall.activities.conftest import ACTIVITIES, write_activities
from tests.support.packs import write_pack

GOOD = ACTIVITIES[1]


def _row(**change: str) -> tuple[str, ...]:
    names = (
        "id",
        "date",
        "time",
        "kind",
        "setting",
        "title_zh",
        "district",
        "studio_id",
        "speakers",
        "audience",
        "online",
        "sample",
    )
    values = dict(zip(names, GOOD, strict=True))
    values.update(change)
    return tuple(values[n] for n in names)


def test_a_good_pack_loads_every_activity_in_date_order_with_no_problem(act_pack: Path) -> None:
    cat = load_catalog(act_pack)
    acts = cat.activities
    assert [a.id for a in acts.items] == ["a1", "a2", "a3", "a4", "a5"]
    assert not [p for p in cat.problems if p.file in ("activities.csv", "speakers.csv")]
    first, talk = acts.get("a1"), acts.get("a2")
    assert (first.precision, first.day, first.dated) == ("year", dt.date(2021, 1, 1), False)
    assert (talk.start, talk.kind, talk.setting, talk.speakers) == (
        "09:30",
        Kind.TALK,
        Setting.ENTERPRISE,
        ("t06", "t07"),
    )
    assert acts.get("a3").district_code == "330603"  # 绍兴县 as printed is today's 柯桥区
    assert [a.id for a in acts.of_person("t06")] == ["a2", "a3", "a4"]
    assert [a.id for a in acts.of_studio("w1")] == ["a4"]
    assert acts.speakers["t06"].topics == ("黄酒酿造", "工匠精神")


@pytest.mark.parametrize(
    ("row", "column", "reason", "kept"),
    [
        (_row(id=""), "id", "row has no id; skipped", False),
        (_row(id="a1"), "id", "duplicate id a1 (first on line 2); skipped", False),
        (_row(date="2024-02-30"), "date", "not a date", False),
        (_row(date="1930-01-01"), "date", "impossible year 1930; skipped", False),
        (_row(kind="party"), "kind", "unknown kind 'party'", False),
        (_row(title_zh=""), "title_zh", "row has no title; skipped", False),
        (_row(time="25:00"), "time", "not a time of day (HH:MM): '25:00'; left blank", True),
        (_row(setting="moon"), "setting", "unknown 五进 setting 'moon'; left blank", True),
        (_row(audience="many"), "audience", "not a whole number: 'many'; left blank", True),
        (_row(audience="-5"), "audience", "negative number -5; left blank", True),
        (_row(studio_id="w999"), "studio_id", "unknown studio 'w999'; left blank", True),
        (_row(speakers="t06、nobody"), "speakers", "unknown honoree 'nobody'; left out", True),
        (_row(district="火星区"), "district", "unknown district '火星区'", True),
    ],
)
def test_a_bad_cell_is_reported_with_file_line_column_and_reason(
    tmp_path: Path, row: tuple[str, ...], column: str, reason: str, kept: bool
) -> None:
    pack = write_activities(write_pack(tmp_path / "pack"), [ACTIVITIES[0], row])
    cat = load_catalog(pack)
    found = [p for p in cat.problems if p.file == "activities.csv"]
    assert len(found) == 1, found
    assert (found[0].line, found[0].column) == (3, column)
    assert found[0].reason.startswith(reason)
    assert len(cat.activities) == (2 if kept else 1)


@pytest.mark.parametrize(
    ("roster", "column", "reason"),
    [
        ({"honoree_id": "nobody", "topics": "x"}, "honoree_id", "unknown honoree 'nobody'; skipped"),
        ({"honoree_id": "t06", "topics": ""}, "topics", "t06 has no topic; skipped"),
        (
            {"honoree_id": "t07", "topics": "x", "since": "1800"},
            "since",
            "impossible year '1800'; left blank",
        ),
    ],
)
def test_a_bad_roster_row_is_reported(
    tmp_path: Path, roster: dict[str, str], column: str, reason: str
) -> None:
    pack = write_activities(write_pack(tmp_path / "pack"), roster=[roster])
    found = [p for p in load_catalog(pack).problems if p.file == "speakers.csv"]
    assert [(p.line, p.column, p.reason) for p in found] == [(2, column, reason)]


def test_a_pack_without_activity_files_has_none_and_no_load_note(tmp_path: Path) -> None:
    cat = load_catalog(write_pack(tmp_path / "pack"))
    assert len(cat.activities) == 0
    assert not [p for p in cat.problems if p.file in ("activities.csv", "speakers.csv")]


@pytest.mark.parametrize(
    ("yaml_text", "column"),
    [
        ("bookings:\n  hall_capacity: 0\n", "bookings.hall_capacity"),
        ("bookings:\n  contact_days: many\n", "bookings.contact_days"),
        ('bookings:\n  slots: ["9 am"]\n', "bookings.slots"),
        ("bookings:\n  timezone: Mars/Olympus\n", "bookings.timezone"),
        ("programme:\n  - source: x\n", "programme[1]"),
    ],
)
def test_bad_booking_rules_keep_the_default_and_are_reported(
    tmp_path: Path, yaml_text: str, column: str
) -> None:
    pack = write_activities(write_pack(tmp_path / "pack"))
    hall_yaml = pack / "exhibits" / "hall.yaml"
    text = hall_yaml.read_text(encoding="utf-8")
    start = text.index("bookings:")
    end = text.index("\neras:")
    hall_yaml.write_text(text[:start] + yaml_text + text[end:], encoding="utf-8")
    cat = load_catalog(pack)
    assert [p.column for p in cat.problems if p.file == "hall.yaml"] == [column]
    assert cat.activities.rules.hall_capacity == 40


def test_the_default_pack_holds_the_seeds_talk_with_its_three_speakers_and_source() -> None:
    from tests.support.packs import REPO

    cat = load_catalog(REPO)
    talk = next(a for a in cat.activities.items if not a.sample)
    assert [cat.honoree(h).name for h in talk.speakers] == ["丁卫松", "董建奎", "赵龙"]
    assert talk.audience == 7000
    assert talk.online
    assert "7000余名师生通过收看直播" in talk.summary
    assert "绍兴市劳模协会专版" in talk.source
    # Sample activities name sample people only: no real person is given an invented activity.
    real_people = {h.id for h in cat.honorees if not h.sample}
    assert all(not (set(a.speakers) & real_people) for a in cat.activities.items if a.sample)
    assert not any(cat.activities.speakers[h].sample is False for h in cat.activities.speakers)
    assert any("674" in f.text.zh and "131" in f.text.zh for f in cat.activities.facts)
