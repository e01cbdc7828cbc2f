"""Building the index: the fields searched, and at which tier, come from the record schema."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hall.pack.schema import HONOREE, Search
from hall.search import SearchIndex, catalog_fingerprint
from hall.search.build import ATTRIBUTE_FIELDS, NAME_FIELD, READ_FIELDS, TEXT_FIELDS
from hall.search.facets import FACETS
from hall.search.match import T_ATTRIBUTE, T_TEXT
from tests.support.standin import PEOPLE, StandInCatalog


def test_every_searched_field_of_the_schema_has_a_place() -> None:
    assert HONOREE.searched(Search.NAME) == (NAME_FIELD,)
    facets = tuple(f for f in HONOREE.searched(Search.ATTRIBUTE) if f.attribute in FACETS)
    assert set(HONOREE.searched(Search.ATTRIBUTE)) == {*ATTRIBUTE_FIELDS, *facets}
    assert HONOREE.searched(Search.TEXT) == TEXT_FIELDS
    assert {f.attribute for f in HONOREE.fields if f.search is not Search.NO} <= set(READ_FIELDS)


WORD = "独一无二的词"


@pytest.mark.parametrize(
    ("field", "tier"),
    [(f.attribute, T_ATTRIBUTE) for f in ATTRIBUTE_FIELDS] + [(f.attribute, T_TEXT) for f in TEXT_FIELDS],
)
def test_a_searched_field_is_found_at_its_tier(field: str, tier: int) -> None:
    people = (replace(PEOPLE[0], **{field: f"前面{WORD}后面"}), *PEOPLE[1:])
    index = SearchIndex.build(StandInCatalog(honorees=people))
    result = index.search(WORD)
    assert result.ids == ("p01",)
    assert [m.field for m in result.reasons["p01"]] == [field]
    # the same word in the name ranks above it, and the other tier ranks below or above it
    other = TEXT_FIELDS[0].attribute if tier == T_ATTRIBUTE else ATTRIBUTE_FIELDS[0].attribute
    both = (*people[:1], replace(people[1], **{other: WORD}), replace(people[2], name=WORD), *people[3:])
    ranked = SearchIndex.build(StandInCatalog(honorees=both)).search(WORD).ids
    assert ranked[0] == "p03"
    assert ranked[1:] == (("p01", "p02") if tier == T_ATTRIBUTE else ("p02", "p01"))


def test_fields_not_searched_are_not_found() -> None:
    unsearched = [f.attribute for f in HONOREE.fields if f.search is Search.NO and f.type.value == "text"]
    assert "source" in unsearched
    people = (replace(PEOPLE[0], source=WORD), *PEOPLE[1:])
    assert SearchIndex.build(StandInCatalog(honorees=people)).search(WORD).total == 0


@pytest.mark.parametrize("field", READ_FIELDS)
def test_the_fingerprint_covers_every_field_the_index_reads(field: str) -> None:
    value = "330602" if field == "district_code" else "改过的值"
    people = (replace(PEOPLE[0], **{field: value}), *PEOPLE[1:])
    assert catalog_fingerprint(StandInCatalog(honorees=people)) != catalog_fingerprint(StandInCatalog())
