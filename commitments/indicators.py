"""Indicator rows from the alias table (fixtures/indicators.json, loaded once by commitments.reading)."""

from commitments.models import Indicator
from commitments.reading.indicators import indicators
from commitments.regions import slug_for


def indicator_for(name: str) -> Indicator:
    """The Indicator row of a canonical name, created on first use with what the alias table knows."""
    found = Indicator.objects.filter(name=name).first()
    if found:
        return found
    known = indicators().get(name)
    slug = base = slug_for(name)[:90]
    n = 2
    while Indicator.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return Indicator.objects.create(
        name=name,
        slug=slug,
        aliases=list(known.aliases) if known else [],
        base_unit=known.unit if known else "",
        direction=known.direction if known else Indicator.Direction.HIGHER,
        category=known.category if known else "其他",
    )
