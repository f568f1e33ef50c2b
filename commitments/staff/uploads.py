"""Uploaded files: type and size limits, and a safe place for a report between preview and confirm.

A report PDF can be several MB, too big for the session, so the bytes wait in a private folder under
DATA_DIR (never served) in a file named by a random token; the browser only holds that token, signed
together with the user's id so nobody can confirm another person's upload. Files are removed on confirm,
on cancel, and after a day by the sweep that runs on every new upload.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

SALT = "commitments.staff.upload"
MAX_AGE_SECONDS = 3600
KEEP_SECONDS = 24 * 3600

# Extension -> magic bytes the file must start with (None: plain text, checked by decoding later).
REPORT_TYPES = {".txt": None, ".docx": b"PK\x03\x04", ".pdf": b"%PDF-"}
EVIDENCE_TYPES = {
    ".pdf": b"%PDF-",
    ".docx": b"PK\x03\x04",
    ".xlsx": b"PK\x03\x04",
    ".png": b"\x89PNG",
    ".jpg": b"\xff\xd8\xff",
    ".jpeg": b"\xff\xd8\xff",
    ".txt": None,
}


def max_report_bytes() -> int:
    return settings.MAX_UPLOAD_BYTES


def max_evidence_bytes() -> int:
    return getattr(settings, "MAX_EVIDENCE_BYTES", 10 * 1024 * 1024)


def check_file(upload, *, types: dict[str, bytes | None], max_bytes: int) -> None:
    """Refuses a file of the wrong type or size with a message that says what is allowed."""
    name = upload.name or ""
    suffix = Path(name).suffix.lower()
    allowed = "、".join(types)
    if suffix not in types:
        hint = "（旧版 Word 文件请另存为 .docx）" if suffix == ".doc" else ""
        raise ValidationError(f"不支持 {suffix or '无扩展名'} 文件，只接受 {allowed}。{hint}", code="type")
    if upload.size > max_bytes:
        raise ValidationError(
            f"文件过大（{filesizeformat(upload.size)}），上限为 {filesizeformat(max_bytes)}。", code="size"
        )
    if upload.size == 0:
        raise ValidationError("文件是空的。", code="empty")
    magic = types[suffix]
    if magic is not None:
        upload.seek(0)
        head = upload.read(len(magic))
        upload.seek(0)
        if head != magic:
            raise ValidationError(f"文件内容与扩展名 {suffix} 不符，可能已损坏或被改名。", code="content")


@dataclass(frozen=True)
class Stashed:
    path: Path
    filename: str
    region_id: int | None
    year: int | None

    def read(self) -> bytes:
        return self.path.read_bytes()

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)


def _folder() -> Path:
    folder = Path(settings.DATA_DIR) / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def stash(*, data: bytes, filename: str, user, region_id: int | None = None, year: int | None = None) -> str:
    """Keeps the bytes until the user confirms or cancels; returns a signed token naming them."""
    sweep()
    key = secrets.token_hex(16)
    (_folder() / key).write_bytes(data)
    return signing.dumps({"k": key, "n": filename, "u": user.pk, "r": region_id, "y": year}, salt=SALT)


def unstash(token: str, *, user) -> Stashed | None:
    """The stashed upload of this user, or None when the token is forged, expired, or already used."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=MAX_AGE_SECONDS)
    except signing.BadSignature:
        return None
    if payload.get("u") != user.pk:
        return None
    path = _folder() / payload["k"]
    if not path.is_file():
        return None
    return Stashed(path=path, filename=payload["n"], region_id=payload.get("r"), year=payload.get("y"))


def sweep() -> None:
    """Removes uploads nobody confirmed or cancelled within a day."""
    cutoff = time.time() - KEEP_SECONDS
    for path in _folder().iterdir():
        if path.is_file() and path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
