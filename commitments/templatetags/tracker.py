import re
from decimal import Decimal

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from commitments.public import charts
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


@register.filter
def signed(value) -> str:
    """−14 → "−14%", 3 → "+3%": a change as a reader writes it (with a true minus sign)."""
    if value is None:
        return ""
    return f"+{value}%" if value > 0 else (f"−{-value}%" if value < 0 else "±0%")


@register.simple_tag
def scorecard_bar(card, width: int = 240, height: int = 14) -> SafeString:
    return charts.scorecard_bar(card, width=width, height=height)


# Hedge words a Chinese reader writes after the number (9万人以上); the others go before it (力争1000亿元).
_AFTER_NUMBER = ("以上", "左右", "以内", "以下")


@register.simple_tag
def target_text(c) -> str:
    """A commitment's number as the report phrases it: 9万人以上; 5.5%，力争6%以上; 力争突破2000亿元; a range
    5.5%—6% or 1—2个 (a stretch without 力争); a share written as a fraction, 1/3以上."""
    if c.value is None:
        return ""
    words = [w for w in c.qualifier.split("+") if w]
    before = "".join(w for w in words if w not in _AFTER_NUMBER and not (c.stretch_value is not None and w == "力争"))
    after = "".join(w for w in words if w in _AFTER_NUMBER)
    value = _fraction(c.value) if not c.unit else number(c.value)
    if c.stretch_value is None:
        return f"{before}{value}{c.unit}{after}"
    if "力争" not in words:
        return f"{before}{value}{c.unit}—{number(c.stretch_value)}{c.unit}{after}"
    return f"{before}{value}{c.unit}，力争{number(c.stretch_value)}{c.unit}{after}"


def _fraction(value) -> str:
    """0.3333 with no unit is how the reader stores 1/3 (占全国1/3): written back as the report wrote it."""
    for den in range(2, 11):
        for num in range(1, den):
            if abs(float(value) - round(num / den, 4)) < 1e-9:
                return f"{num}/{den}"
    return number(value)


@register.filter
def highlight(text: str, words) -> SafeString:
    """The text with each search word in a <mark>; everything else escaped."""
    if not words:
        return escape(text)
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.IGNORECASE)
    out, last = [], 0
    for m in pattern.finditer(text):
        out.append(escape(text[last : m.start()]))
        out.append(format_html("<mark>{}</mark>", m.group(0)))
        last = m.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))


@register.filter
def person(user) -> str:
    """Who did it, as the public may read it: a display name staff chose, never a login name."""
    if user is None:
        return "系统"
    return user.get_full_name() or "工作人员"


@register.simple_tag
def staff_desk(user) -> dict:
    """What waits for this staff member, in their own regions: the admin index's 工作台."""
    from commitments import access
    from commitments.models import Commitment, Region, Verification

    proposed = access.scope(Verification.objects.filter(state="proposed"), user, field="commitment__region")
    targets = access.scope(Commitment.objects.filter(kind="target"), user, field="region")
    unpublished = access.scope(Region.objects.filter(published=False), user, field="")
    return {"proposed": proposed.count(), "targets": targets.count(), "unpublished": unpublished.count()}
