from django.apps import AppConfig


class CommitmentsConfig(AppConfig):
    name = "commitments"
    verbose_name = "承诺追踪"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Signal receivers: the public page cache's data version, the search's word tables, history reasons.
        from commitments import cache, history, search  # noqa: F401
