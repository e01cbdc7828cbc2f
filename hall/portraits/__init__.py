"""Portraits: photos matched to honorees and kept in the pack, WebP thumbnails served from the
static folder, kept in step with the catalogue at start-up. The command line is
`python -m hall.portraits`.
"""

from hall.portraits.ingest import IngestReport, Photo, ingest, ingest_uploads, set_portrait
from hall.portraits.paths import PORTRAITS, manifest_path, thumbnail_path, thumbnail_url
from hall.portraits.thumbs import (
    SIZES,
    PhotoRefused,
    Refusal,
    Source,
    ThumbnailReport,
    ensure_thumbnails,
    make_thumbnails,
    refresh,
)

__all__ = [
    "PORTRAITS",
    "SIZES",
    "IngestReport",
    "Photo",
    "PhotoRefused",
    "Refusal",
    "Source",
    "ThumbnailReport",
    "ensure_thumbnails",
    "ingest",
    "ingest_uploads",
    "make_thumbnails",
    "manifest_path",
    "refresh",
    "set_portrait",
    "thumbnail_path",
    "thumbnail_url",
]
