"""Light pages: plain HTML for every person, era, studio and activity — readable without JavaScript, with
share previews, a sitemap and an index by era — written by `python -m hall.publish` into a
mirror that Streamlit and nginx serve from disk."""

from hall.publish.build import PREFIXES, Report, publish
from hall.publish.urls import MIRROR, Style, honoree_link, published

__all__ = ["MIRROR", "PREFIXES", "Report", "Style", "honoree_link", "publish", "published"]
