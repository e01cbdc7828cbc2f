"""A person as linked data: schema.org `Person` with `award`, `worksFor`, `address`, and the
page in the online hall as `@id`."""

from __future__ import annotations

from hall.export.tables import page_url
from hall.pack import Catalog, Honoree

CONTEXT = "https://schema.org"
_GENDER = {"男": "https://schema.org/Male", "女": "https://schema.org/Female"}


def person(cat: Catalog, h: Honoree, base_url: str = "") -> dict[str, object]:
    """schema.org Person of one honoree, published fields only; blank ones are left out."""
    url = page_url(cat, h, base_url)
    district = cat.district(h.district_code)
    node: dict[str, object] = {
        "@id": url,
        "@type": "Person",
        "identifier": h.id,
        "name": h.name,
        "url": url,
        "award": [
            f"{cat.honour_name(x.code)} ({x.year})" if x.year else cat.honour_name(x.code) for x in h.honours
        ],
        "address": {
            "@type": "PostalAddress",
            "addressLocality": district.name.zh if district else h.district,
            "addressRegion": cat.info.city.zh,
            "addressCountry": "CN",
        },
    }
    optional: dict[str, object] = {
        "alternateName": h.name_en,
        "gender": _GENDER.get(h.gender, ""),
        "birthDate": str(h.birth_year) if h.birth_year else "",
        "jobTitle": h.position,
        "worksFor": {"@type": "Organization", "name": h.employer} if h.employer else "",
        "knowsAbout": h.industry,
        "description": h.deeds,
        "citation": h.source,
    }
    node.update({k: v for k, v in optional.items() if v})
    if h.sample:
        node["additionalProperty"] = {"@type": "PropertyValue", "name": "sample", "value": True}
    return node


def document(cat: Catalog, people: list[dict[str, object]]) -> dict[str, object]:
    """The JSON-LD document: the context, then every person in `@graph`."""
    return {"@context": CONTEXT, "@graph": people}
