"""First start: the real reports imported and an administrator account, idempotently."""

import os
import secrets
import string
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import DatabaseError

from commitments.ingest.files import remove_abandoned
from commitments.ingest.reports import ImportRefused, import_report
from commitments.models import Report

REPORTS_DIR = Path(settings.BASE_DIR) / "fixtures" / "reports"


def first_start() -> Iterator[str]:
    """The bundled reports on the first start only: staff may later revise or delete them, and a start never
    fails because of data (a report that cannot be imported is skipped with its reason)."""
    if abandoned := remove_abandoned():
        yield f"已删除 {len(abandoned)} 个中断的导入留下的文件。"
    if Report.objects.exists():
        yield "数据库中已有报告，不再导入内置报告。"
    else:
        for path in sorted(REPORTS_DIR.glob("*")):
            if path.suffix not in {".txt", ".docx", ".pdf"}:
                continue
            try:
                yield import_report(path=path).summary
            except (ImportRefused, DatabaseError) as exc:
                yield f"跳过内置报告 {path.name}：{exc}"
    yield from ensure_admin()


def ensure_admin() -> Iterator[str]:
    User = get_user_model()
    if User.objects.filter(is_superuser=True).exists():
        return
    username = os.environ.get("ADMIN_USERNAME", "admin")
    password = os.environ.get("ADMIN_PASSWORD")
    User.objects.create_superuser(username=username, email="", password=password or None)
    if password:
        yield f"已创建管理员 {username}（密码来自环境变量 ADMIN_PASSWORD）。"
        return
    # letters and digits only: easy to copy from a console, no leading "-" that looks like an option
    password = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(16))
    user = User.objects.get(username=username)
    user.set_password(password)
    user.save(update_fields=["password"])
    yield "=" * 60
    yield f"已创建管理员账号：用户名 {username}  密码 {password}"
    yield f"此密码只显示这一次；忘记时运行 DEBUG=1 .venv/bin/python manage.py changepassword {username}"
    yield "=" * 60
