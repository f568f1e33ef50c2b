"""First start: the real reports imported and an administrator account, idempotently."""

import os
import secrets
import string
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model

from .importing import import_fixtures

REPORTS_DIR = Path(settings.BASE_DIR) / "fixtures" / "reports"


def first_start() -> Iterator[str]:
    for result in import_fixtures(directory=REPORTS_DIR):
        yield result.summary
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
    yield "此密码只显示这一次；忘记时运行 python manage.py changepassword " + username
    yield "=" * 60
