from decimal import Decimal

from django import template
from django.utils.html import format_html

from commitments.status import Status

register = template.Library()


@register.simple_tag
def status_badge(value: str):
    s = Status(value)
    return format_html('<span class="status status-{}" title="{}">{}</span>', s.value, s.definition, s.label)


@register.filter
def number(value) -> str:
    """9.0000 → 9, 5.5000 → 5.5: values as a reader writes them."""
    if value is None:
        return ""
    return f"{value.normalize():f}" if isinstance(value, Decimal) else f"{value:g}"
