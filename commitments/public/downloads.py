"""Downloads built once per data version, by a bounded number of builders, and served as files.

A full download is the same for every visitor until the data changes, and at national scale it takes longer
to build than a worker may hold a request (80,000 commitments: ~30 s as Excel). So a download is a file under
DATA_DIR/exports/<data version>/, named after what was asked (kind, format, filters); once built it is sent
as a file, which costs a worker nothing. Building it takes one of EXPORT_BUILDERS slots (file locks, so the
limit holds across gunicorn's workers): a small download is built inside the request, a large one
(more than EXPORT_INLINE_ROWS rows) in a background thread while the visitor gets a 202 page that reloads
itself. When every slot is busy nobody waits on a worker: the answer is the same 202 page ("排队中").
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import threading
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import close_old_connections, connection
from django.http import FileResponse, HttpResponse
from django.template.loader import render_to_string

from commitments.cache import data_version

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
RETRY_SECONDS = 5


@dataclass(frozen=True)
class Download:
    """One download: `write(path)` writes the file; `count()` says how many rows it will hold (a query, asked only
    when the file must be built: a download already built costs no query)."""

    key: str  # what was asked, e.g. "commitments|xlsx|region=linyi"
    fmt: str
    filename: str
    count: Callable[[], int]
    write: Callable[[Path], None]


def _root() -> Path:
    return Path(settings.DATA_DIR) / "exports"


def _path(download: Download, version: str) -> Path:
    digest = hashlib.sha256(download.key.encode()).hexdigest()[:32]
    return _root() / version / f"{digest}.{download.fmt}"


def serve(download: Download) -> HttpResponse:
    """The file if it is built for the current data; else build it now, or start it and say so."""
    version = data_version()
    target = _path(download, version)
    if not target.exists():
        started = _start(download, target)
        if not target.exists():
            return _pending(download, queued=not started)
    try:
        handle = target.open("rb")
    except FileNotFoundError:  # a newer data version's build removed it a moment ago: the reload builds anew
        return _pending(download, queued=False)
    response = FileResponse(handle, as_attachment=True, filename=f"{download.filename}.{download.fmt}")
    response["Content-Type"] = CONTENT_TYPES[download.fmt]
    return response


def _start(download: Download, target: Path) -> bool:
    """Builds `target` (inline when small, else in a thread); False when every builder is busy."""
    target.parent.mkdir(parents=True, exist_ok=True)
    locks = ExitStack()
    try:
        if not _lock(locks, target.with_suffix(".lock")):
            locks.close()
            return True  # someone is building this very file
        if not any(_lock(locks, _root() / f"builder-{n}.lock") for n in range(settings.EXPORT_BUILDERS)):
            locks.close()
            return False
    except BaseException:
        locks.close()
        raise
    if download.count() <= settings.EXPORT_INLINE_ROWS:
        with locks:
            _build(download, target)
    else:
        run_in_background(lambda: _build_then_release(download, target, locks))
    return True


def _lock(locks: ExitStack, path: Path) -> bool:
    """Takes the lock file `path` without waiting; it is held until `locks` is closed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = locks.enter_context(path.open("a"))
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _build(download: Download, target: Path) -> None:
    if target.exists():  # built by the one who held the lock before us
        return
    partial = target.with_suffix(f".{os.getpid()}.{threading.get_ident()}.part")
    try:
        download.write(partial)
        os.replace(partial, target)  # whole or absent: a reader never sees half a file
    except FileNotFoundError:
        return  # a newer version's build removed this folder meanwhile: this file would never be served
    finally:
        partial.unlink(missing_ok=True)
    _remove_old_versions(keep=target.parent.name)


def _build_then_release(download: Download, target: Path, locks: ExitStack) -> None:
    with locks:
        _build(download, target)


def run_in_background(job: Callable[[], None]) -> None:
    """Starts `job` in a daemon thread (tests replace this to run it at once)."""

    def run() -> None:
        close_old_connections()
        try:
            job()
        finally:
            connection.close()  # the thread's own connection, never the request's

    threading.Thread(target=run, daemon=True, name="export-builder").start()


def _remove_old_versions(*, keep: str) -> None:
    """Files of older data versions are never served again. An open one is still read to its end (POSIX)."""
    for folder in _root().iterdir():
        if folder.is_dir() and folder.name != keep:
            shutil.rmtree(folder, ignore_errors=True)


def _pending(download: Download, *, queued: bool) -> HttpResponse:
    body = render_to_string(
        "commitments/download_pending.html",
        {"download": download, "queued": queued, "retry": RETRY_SECONDS, "fmt": download.fmt.upper()},
    )
    response = HttpResponse(body, status=202)
    response["Retry-After"] = str(RETRY_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
