"""Indicator rows from the alias table in fixtures/ (the reading package owns the table's content)."""

import json
from functools import cache
from pathlib import Path

from django.conf import settings

from commitments.models import Indicator
from commitments.regions import slug_for

ALIAS_TABLE = Path(settings.BASE_DIR) / "fixtures" / "indicators.json"


@cache
def _table() -> dict[str, dict]:
    if not ALIAS_TABLE.exists():
        return {}
    data = json.loads(ALIAS_TABLE.read_text(encoding="utf-8"))
    rows = data["indicators"] if isinstance(data, dict) else data
    return {row["name"]: row for row in rows}


def indicator_for(name: str) -> Indicator:
    """The Indicator row of a canonical name, created on first use with what the alias table knows."""
    found = Indicator.objects.filter(name=name).first()
    if found:
        return found
    row = _table().get(name, {})
    slug = base = slug_for(name)[:90]
    n = 2
    while Indicator.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return Indicator.objects.create(
        name=name,
        slug=slug,
        aliases=row.get("aliases", []),
        base_unit=row.get("base_unit", ""),
        direction=row.get("direction", Indicator.Direction.HIGHER),
        category=row.get("category", "其他"),
    )
