"""Measuring verification on the test material (tests/data/verification): imported in a rolled-back transaction."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from django.conf import settings

from commitments.ingest import undo
from commitments.ingest.evidence import import_evidence
from commitments.ingest.reports import import_report
from commitments.models import Region
from commitments.verification.score import Metrics, score
from commitments.verification.workflow import proposals_for

TEST_MATERIAL = Path(settings.BASE_DIR) / "tests" / "data" / "verification"
PLAN_REPORTS = Path(settings.BASE_DIR) / "fixtures" / "reports"


def measure(*, directory: Path = TEST_MATERIAL, keep: bool = False) -> tuple[Metrics, dict[str, Metrics]]:
    """Imports the answer key's documents, scores the proposals of each; nothing is kept unless `keep`."""
    key = json.loads((directory / "answer-key.json").read_text(encoding="utf-8"))
    total, per_source = Metrics(), {}
    with undo.atomic(undo=not keep):
        import_report(path=PLAN_REPORTS / key["plan_report"])
        for source in key["sources"]:
            result = import_evidence(
                path=directory / source["file"],
                region=key["region"],
                year=key["year"],
                kind=source["kind"],
                delivered_on=date.fromisoformat(source["date"]) if source.get("date") else None,
            )
            region = Region.objects.get(pk=result.report.region_id)
            proposals = [
                p
                for p in proposals_for(region=region, year=key["year"])["proposals"]
                if p["source_id"] == result.report.pk
            ]
            metrics = score(proposals=proposals, key=source["matches"])
            per_source[source["file"]] = metrics
            total.add(metrics)
    return total, per_source
