"""App configurations the project names in Chinese for its admin."""

from axes.apps import AppConfig as AxesAppConfig


class AxesConfig(AxesAppConfig):
    verbose_name = "登录限制（连续输错密码的锁定记录）"
