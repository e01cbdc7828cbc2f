"""Tours are checked like every record: a bad stop says which tour, which stop and why."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hall.pack import load_catalog
from hall.pack.tours import StopKind, Targets, handout_lines, parse_tour, tour_from_yaml, tour_to_yaml
from hall.rooms import TOUR_STOPS
from tests.support.packs import write_pack

TARGETS = Targets(
    has_honoree={"t01", "t02"}.__contains__,
    eras=frozenset({"revolution", "reform", "new_era"}),
    districts=frozenset({"330603", "330681"}),
    rooms=TOUR_STOPS,
    last_year=2026,
)


def _tour(**changes) -> dict:
    doc = {
        "id": "demo",
        "title": {"zh": "示范线路", "en": "Demo"},
        "audience": "小学",
        "minutes": 12,
        "stops": [
            {"kind": "era", "target": "reform", "minutes": 5, "points": ["改革开放"]},
            {"kind": "honoree", "target": "t01", "minutes": 4, "points": ["一位劳模"]},
            {"kind": "timeline", "target": "1985", "minutes": 2, "points": ["五一劳动奖章"]},
            {"kind": "map", "target": "330603", "minutes": 1, "points": ["柯桥"]},
        ],
    }
    doc.update(changes)
    return doc


def _with_stop(n: int, **changes) -> dict:
    doc = _tour()
    doc["stops"][n] = {**doc["stops"][n], **changes}
    return doc


def test_a_good_tour_parses_with_its_total_time() -> None:
    tour, problems = parse_tour(_tour(), TARGETS, "tours/demo.yaml")
    assert problems == []
    assert tour is not None
    assert [s.kind for s in tour.stops] == [StopKind.ERA, StopKind.HONOREE, StopKind.TIMELINE, StopKind.MAP]
    assert tour.planned == 12


@pytest.mark.parametrize(
    ("doc", "where", "reason"),
    [
        (_with_stop(1, target="nobody"), "stops[2].target", "unknown honoree 'nobody'"),
        (_with_stop(0, minutes=-3), "stops[1].minutes", "above 0, not -3"),
        (_with_stop(0, minutes="five"), "stops[1].minutes", "above 0"),
        (_with_stop(2, points=[]), "stops[3].points", "no talking points"),
        (_with_stop(2, points=None), "stops[3].points", "no talking points"),
        (_with_stop(3, target="999999"), "stops[4].target", "unknown map '999999'"),
        (_with_stop(2, target="1850"), "stops[3].target", "unknown timeline '1850'"),
        (_with_stop(0, kind="garden"), "stops[1].kind", "unknown stop kind 'garden'"),
        (_tour(audience="外星人"), "audience", "unknown audience"),
        (_tour(stops=[]), "stops", "no stops"),
        (_tour(id=""), "id", "no id"),
    ],
)
def test_bad_tour_says_where_and_why(doc: dict, where: str, reason: str) -> None:
    tour, problems = parse_tour(doc, TARGETS, "tours/demo.yaml")
    assert tour is None
    assert [(p.file, p.column) for p in problems] == [("tours/demo.yaml", where)]
    assert reason in problems[0].reason


def test_yaml_export_round_trips() -> None:
    tour, _ = parse_tour(_tour(), TARGETS, "tours/demo.yaml")
    again, problems = tour_from_yaml(tour_to_yaml(tour), TARGETS, "tours/demo.yaml")
    assert problems == []
    assert again == tour


def test_handout_has_one_line_per_stop_with_running_minutes_and_no_points() -> None:
    tour, _ = parse_tour(_tour(), TARGETS, "x")
    lines = list(handout_lines(tour, lambda s: f"{s.kind.value}:{s.target}"))
    assert lines == [
        "1. [0–5 min] era:reform",
        "2. [5–9 min] honoree:t01",
        "3. [9–11 min] timeline:1985",
        "4. [11–12 min] map:330603",
    ]
    assert not any("改革开放" in line for line in lines)


def test_pack_tours_load_and_a_bad_one_is_reported_not_fatal(tmp_path: Path) -> None:
    pack = write_pack(tmp_path)
    tours = pack / "exhibits" / "tours"
    tours.mkdir()
    (tours / "good.yaml").write_text(yaml.safe_dump(_tour(), allow_unicode=True), encoding="utf-8")
    (tours / "bad.yaml").write_text(
        yaml.safe_dump(_with_stop(1, target="nobody") | {"id": "bad"}, allow_unicode=True), encoding="utf-8"
    )
    (tours / "broken.yaml").write_text("id: [unclosed", encoding="utf-8")
    cat = load_catalog(pack)
    assert [t.id for t in cat.tours] == ["demo"]
    assert {(p.file, p.column) for p in cat.problems} == {
        ("tours/bad.yaml", "stops[2].target"),
        ("tours/broken.yaml", ""),
    }


def test_the_default_packs_tours_are_valid() -> None:
    cat = load_catalog(Path(__file__).resolve().parents[3])
    assert len(cat.tours) >= 3
    assert not [p for p in cat.problems if p.file.startswith("tours/")]
    for tour in cat.tours:
        assert tour.planned == tour.minutes, tour.id
