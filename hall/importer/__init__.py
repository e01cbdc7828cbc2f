"""The directory (名录) importer: messy Excel or CSV rows into a pack's honorees, all-or-nothing.

`plan_import` is the dry run (what would change, and why rows are refused); `apply_import`
writes a plan; `import_file` does both. The command line is `python -m hall.importer`.
"""

from hall.importer.apply import apply_import, import_file
from hall.importer.clean import clean_name, fold, is_personal_header, parse_year, split_employer
from hall.importer.columns import FIELDS, FILLABLE, HEADERS
from hall.importer.ids import IDS_FILE
from hall.importer.plan import plan_import
from hall.importer.report import ImportFailed, ImportPlan, ImportReport, Issue, PlannedPerson

__all__ = [
    "FIELDS",
    "FILLABLE",
    "HEADERS",
    "IDS_FILE",
    "ImportFailed",
    "ImportPlan",
    "ImportReport",
    "Issue",
    "PlannedPerson",
    "apply_import",
    "clean_name",
    "fold",
    "import_file",
    "is_personal_header",
    "parse_year",
    "plan_import",
    "split_employer",
]
