from django.apps import AppConfig


class CommitmentsConfig(AppConfig):
    name = "commitments"
    verbose_name = "承诺追踪"
    default_auto_field = "django.db.models.BigAutoField"
