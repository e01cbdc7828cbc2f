"""Writing a plan into the pack: all the changed files or none, the previous ones kept as a backup."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from hall.importer.plan import plan_import, resolve_pack
from hall.importer.report import ImportPlan, ImportReport
from hall.pack import write as packwrite


def apply_import(plan: ImportPlan, pack_dir: Path | str | None = None) -> ImportReport:
    """Write a plan into the pack, all or nothing, keeping the previous files as a backup.

    A plan that changes nothing writes nothing (re-importing a file is a no-op).

    Raises:
        packwrite.PackChanged: the pack's files changed after the plan was made.
        packwrite.PackWriteFailed: writing failed; the pack is as it was.
    """
    if not plan.report.changed:
        return plan.report
    target = Path(pack_dir) if pack_dir is not None else Path(plan.pack)
    backup = packwrite.replace_files(target, dict(plan.files), expected=dict(plan.base))
    return replace(plan.report, written=True, backup=str(backup.path))


def import_file(
    source: Path | str | bytes, filename: str | None = None, pack: Path | str | None = None
) -> ImportReport:
    """plan_import then apply_import, for scripts that need no dry run.

    Raises:
        ImportFailed: the file cannot be read as a directory at all.
        PackError: the pack has no usable hall.yaml.
        packwrite.PackChanged: the pack's files changed while the plan was being made.
        packwrite.PackWriteFailed: writing failed; the pack is as it was.
    """
    pack_dir = resolve_pack(pack)
    return apply_import(plan_import(source, filename, pack_dir), pack_dir)
