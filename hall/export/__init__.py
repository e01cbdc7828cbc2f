"""Open data: the pack's published fields as CSV, JSON, JSON-LD (schema.org) and a Frictionless
data-package descriptor. The command line is `python -m hall.export`."""

from hall.export.package import DESCRIPTOR, FILES, build, descriptor, write, zipped
from hall.export.tables import HONOURS, PEOPLE, PUBLISHED

__all__ = ["DESCRIPTOR", "FILES", "HONOURS", "PEOPLE", "PUBLISHED", "build", "descriptor", "write", "zipped"]
