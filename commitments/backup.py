"""Backup and restore: every row (history tables included) and every uploaded file in one archive.

The archive is a .tar.gz holding
  manifest.json  format version, date, database vendor, the row count of each model
  data.jsonl     every row, one JSON object a line (Django's serializer, read back as a stream)
  media/...      the uploaded files (MEDIA_ROOT): report originals and progress evidence
Rows are written with Django's own serializer, so the archive moves between SQLite and PostgreSQL.
Content types and permissions are not in it: `migrate` creates them, and rows refer to them by natural
key. Sessions are not in it either: a restored site asks everyone to log in again.
"""

from __future__ import annotations

import json
import shutil
import tarfile
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, time
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.executor import MigrationExecutor

FORMAT = 1
EXCLUDED = {"contenttypes.contenttype", "auth.permission", "sessions.session"}


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why, in the interface language."""


@dataclass
class BackupResult:
    path: Path
    rows: dict[str, int]
    files: int

    @property
    def summary(self) -> str:
        return f"{self.path}：{sum(self.rows.values())} 行数据（{len(self.rows)} 张表），{self.files} 个上传文件。"


def backed_up_models() -> list:
    return [m for m in apps.get_models() if m._meta.label_lower not in EXCLUDED and not m._meta.proxy]


def row_counts() -> dict[str, int]:
    """Rows of every backed-up model, by label; what a backup holds and what a restore must reproduce."""
    return {m._meta.label_lower: m._default_manager.count() for m in backed_up_models() if m._meta.managed}


def media_files(root: Path | None = None) -> dict[str, Path]:
    root = Path(root or settings.MEDIA_ROOT)
    if not root.exists():
        return {}
    return {p.relative_to(root).as_posix(): p for p in sorted(root.rglob("*")) if p.is_file()}


class _ExactEncoder(DjangoJSONEncoder):
    """DjangoJSONEncoder cuts datetimes to milliseconds; a backup keeps the microseconds history is ordered by."""

    def default(self, o):
        if isinstance(o, datetime | time):
            return o.isoformat()
        return super().default(o)


def _dump(path: Path) -> None:
    by_app: dict = defaultdict(list)
    for model in backed_up_models():
        by_app[model._meta.app_config].append(model)
    ordered = serializers.sort_dependencies(by_app.items(), allow_cycles=True)
    with path.open("w", encoding="utf-8") as stream:
        for model in ordered:
            rows = model._base_manager.order_by(model._meta.pk.name).iterator(chunk_size=2000)
            serializers.serialize("jsonl", rows, stream=stream, use_natural_foreign_keys=True, cls=_ExactEncoder)


def backup(*, path: Path | str) -> BackupResult:
    """Writes the archive at `path` (a .tar.gz). Rows are read in one transaction, so they agree."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, transaction.atomic():
        data = Path(tmp) / "data.jsonl"
        _dump(data)
        rows = row_counts()
        files = media_files()
        manifest = {
            "format": FORMAT,
            "created_at": datetime.now(UTC).isoformat(),
            "vendor": connections[DEFAULT_DB_ALIAS].vendor,
            "rows": rows,
            "files": len(files),
        }
        (Path(tmp) / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        partial = path.with_name(path.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(Path(tmp) / "manifest.json", arcname="manifest.json")
            archive.add(data, arcname="data.jsonl")
            for name, file in files.items():
                archive.add(file, arcname=f"media/{name}")
        partial.replace(path)  # never leave a half-written archive under the real name
    return BackupResult(path=path, rows=rows, files=len(files))


def _refuse_unless_ready() -> None:
    connection = connections[DEFAULT_DB_ALIAS]
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise BackupError("数据库结构不是最新的：请先运行 python manage.py migrate，再恢复。")
    filled = {label: n for label, n in row_counts().items() if n}
    if filled:
        listed = "、".join(f"{label}（{n} 行）" for label, n in list(filled.items())[:5])
        raise BackupError(f"只能恢复到空数据库，而当前数据库已有数据：{listed}。未做任何改动。")


def _safe_members(archive: tarfile.TarFile) -> list[tarfile.TarInfo]:
    members = archive.getmembers()
    for member in members:
        name = Path(member.name)
        if name.is_absolute() or ".." in name.parts or not (member.isfile() or member.isdir()):
            raise BackupError(f"备份文件中有不安全的路径：{member.name}。未做任何改动。")
    return members


def _load(path: Path) -> None:
    """Inserts the rows in batches, as they were (raw: no auto_now, no signals, no history rows added).

    `loaddata` saves row by row (an UPDATE then an INSERT each): an hour for a national database.
    Foreign keys are checked at commit (Django creates them deferrable), so the order within does not matter.
    """
    connection = connections[DEFAULT_DB_ALIAS]
    pending: dict[type, list] = defaultdict(list)
    with_m2m = []

    def flush(model) -> None:
        rows, pending[model] = pending[model], []
        fields = list(model._meta.local_concrete_fields)
        size = max(1, connection.ops.bulk_batch_size(fields, rows) or len(rows))
        for start in range(0, len(rows), size):
            model._base_manager._insert(rows[start : start + size], fields=fields, using=connection.alias, raw=True)

    with path.open(encoding="utf-8") as stream:
        for item in serializers.deserialize("jsonl", stream):
            model = type(item.object)
            # Rows come model by model, referred-to models first; a natural key (a user's name) is looked
            # up in the database while reading, so a model's rows are in before the next model's are read.
            for other in [m for m, rows in pending.items() if rows and m is not model]:
                flush(other)
            pending[model].append(item.object)
            if item.m2m_data:
                with_m2m.append(item)
            if len(pending[model]) >= 2000:
                flush(model)
    for model in list(pending):
        flush(model)
    for item in with_m2m:
        for name, values in item.m2m_data.items():
            getattr(item.object, name).set(values)
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), list(pending)):
            cursor.execute(sql)


def restore(*, path: Path | str) -> BackupResult:
    """Restores an archive into an empty, migrated database and MEDIA_ROOT; all or nothing for the rows."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"找不到备份文件：{path}")
    _refuse_unless_ready()
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as tmp:
        try:
            with tarfile.open(path, "r:gz") as archive:
                archive.extractall(tmp, members=_safe_members(archive), filter="data")
            manifest = json.loads((Path(tmp) / "manifest.json").read_text(encoding="utf-8"))
        except (tarfile.TarError, OSError, json.JSONDecodeError, EOFError) as exc:
            raise BackupError(f"无法读取备份文件（{exc}）。未做任何改动。") from exc
        if manifest.get("format") != FORMAT:
            raise BackupError(f"不认识的备份格式：{manifest.get('format')}。")
        incoming = media_files(Path(tmp) / "media")
        for name, file in incoming.items():
            target = media_root / name
            if target.exists() and target.read_bytes() != file.read_bytes():
                raise BackupError(f"上传文件目录中已有不同的同名文件：{target}。未做任何改动。")
        with transaction.atomic():
            _load(Path(tmp) / "data.jsonl")
            rows = row_counts()
            expected = {label: n for label, n in manifest["rows"].items() if label in rows}
            if rows != {**rows, **expected}:
                wrong = {label: (n, rows.get(label)) for label, n in expected.items() if rows.get(label) != n}
                raise BackupError(f"恢复后的行数与备份不符：{wrong}。已回滚，未做任何改动。")
        for name, file in incoming.items():
            target = media_root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(file, target)
    from commitments.cache import bump_data_version  # raw inserts send no signal: pages cached before are stale now

    bump_data_version()
    return BackupResult(path=path, rows=rows, files=len(incoming))
