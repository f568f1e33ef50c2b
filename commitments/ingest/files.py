"""Files written during an import, before its transaction commits: removed again whatever stops the import.

An import stores the original file first and its rows after; a rollback (a dry run, a refusal, an error) removes
the file in the `except` of the importer. A process killed midway (a worker timed out, the machine stopped) runs
no `except`, so each file is announced first by a marker in MEDIA_ROOT/.pending naming it; the marker goes when
the transaction commits. `remove_abandoned()` (at every start, `manage.py bootstrap`) deletes the files whose
marker is older than an import can take and that no row refers to; a file a committed row refers to is kept
even if its marker is left (the process stopped between the commit and the marker's removal).
"""

from __future__ import annotations

import time
import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models.fields.files import FieldFile

from commitments.models import ProgressUpdate, Report

#: longer than any import: parsing is capped (READ_TIME_LIMIT) and the database work takes seconds
ABANDONED_AFTER_SECONDS = 3600


def _markers() -> Path:
    folder = Path(settings.MEDIA_ROOT) / ".pending"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class NewFiles:
    """The files one import writes; `discard()` removes them (call it when the import is rolled back)."""

    def __init__(self) -> None:
        self._written: list[tuple[str, Path]] = []

    def save(self, field: FieldFile, filename: str, data: bytes) -> str:
        """Stores `data` as `field`'s file (not saving the row) and returns the stored name."""
        name = default_storage.get_available_name(field.field.generate_filename(field.instance, filename))
        marker = _markers() / uuid.uuid4().hex
        marker.write_text(name, encoding="utf-8")  # announced before it exists: a kill now leaves no unknown file
        stored = default_storage.save(name, ContentFile(data))
        if stored != name:
            marker.write_text(stored, encoding="utf-8")
        field.name = stored
        self._written.append((stored, marker))
        transaction.on_commit(lambda: marker.unlink(missing_ok=True))
        return stored

    def discard(self) -> None:
        for name, marker in self._written:
            default_storage.delete(name)
            marker.unlink(missing_ok=True)
        self._written.clear()


def remove_abandoned(*, older_than: float = ABANDONED_AFTER_SECONDS) -> list[str]:
    """Deletes the files of imports that were killed midway; returns their names."""
    removed = []
    for marker in sorted(_markers().iterdir()):
        if time.time() - marker.stat().st_mtime < older_than:
            continue  # an import may still be running
        name = marker.read_text(encoding="utf-8").strip()
        used = (
            Report.objects.filter(source_file=name).exists()
            or ProgressUpdate.objects.filter(evidence_file=name).exists()
        )
        if name and not used:
            default_storage.delete(name)
            removed.append(name)
        marker.unlink(missing_ok=True)
    return removed
