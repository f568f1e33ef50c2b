"""Every history reason fits its column (simple_history's CharField(100)), whoever wrote it: a revision
quoting a long sentence must not fail on PostgreSQL, which enforces the length that SQLite ignores."""

from django.dispatch import receiver
from simple_history.signals import pre_create_historical_record

from commitments.models import HISTORY_REASON_MAX


@receiver(pre_create_historical_record)
def fit_reason(sender, history_instance, **kwargs) -> None:
    reason = history_instance.history_change_reason
    if reason and len(reason) > HISTORY_REASON_MAX:
        history_instance.history_change_reason = reason[: HISTORY_REASON_MAX - 1] + "…"
