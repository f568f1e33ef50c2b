"""App configurations the project names in Chinese for its admin."""

from axes.apps import AppConfig as AxesAppConfig

#: django-axes ships no Chinese; its tables are named here for the admin (the tables themselves are unchanged)
AXES_NAMES = {
    "AccessAttempt": ("登录失败计数", "登录失败计数（锁定依据）"),
    "AccessFailureLog": ("登录失败记录", "登录失败记录"),
    "AccessAttemptExpiration": ("锁定到期时间", "锁定到期时间"),
    "AccessLog": ("登录日志", "登录日志"),
}


class AxesConfig(AxesAppConfig):
    verbose_name = "登录限制（连续输错密码的锁定记录）"

    def ready(self):
        super().ready()
        for model in self.get_models():
            if model.__name__ in AXES_NAMES:
                model._meta.verbose_name, model._meta.verbose_name_plural = AXES_NAMES[model.__name__]
