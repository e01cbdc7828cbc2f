"""A docent's tour can stop at a lineage: checked like every stop, shown in the 传承 room."""

from __future__ import annotations

from hall.pack.records import StopKind
from hall.pack.tours import Targets, parse_tour, stop_room, tour_from_yaml, tour_to_yaml

TARGETS = Targets(
    has_honoree={"r001", "t04"}.__contains__,
    eras=frozenset({"reform"}),
    districts=frozenset({"330602"}),
    rooms=frozenset({"lineage", "studios"}),
)


def _tour(target: str) -> dict:
    stop = {"kind": "lineage", "target": target, "minutes": 5, "points": ["师傅带徒弟"]}
    return {"id": "x", "title": "名师高徒", "audience": "企业职工", "stops": [stop]}


def test_a_lineage_stop_shows_that_persons_line_in_the_lineage_room() -> None:
    tour, problems = parse_tour(_tour("t04"), TARGETS, "tours/x.yaml")
    assert problems == []
    assert tour.stops[0].kind is StopKind.LINEAGE
    assert stop_room(tour.stops[0]) == ("lineage", {"id": "t04"})


def test_a_lineage_stop_at_an_unknown_person_is_reported() -> None:
    tour, problems = parse_tour(_tour("nobody"), TARGETS, "tours/x.yaml")
    assert tour is None
    assert [(p.column, p.reason) for p in problems] == [("stops[1].target", "unknown lineage 'nobody'")]


def test_a_lineage_stop_survives_export_and_import() -> None:
    tour, _ = parse_tour(_tour("t04"), TARGETS, "tours/x.yaml")
    again, problems = tour_from_yaml(tour_to_yaml(tour), TARGETS)
    assert problems == []
    assert again.stops == tour.stops
