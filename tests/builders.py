"""Builders for test rows that the five real reports do not provide."""

from pathlib import Path

from django.contrib.auth import get_user_model

from commitments.models import Region, RegionGrant


def make_staff(username: str, *regions: Region, password: str = "correct horse battery staple"):
    from django.contrib.auth.models import Permission

    user = get_user_model().objects.create_user(username=username, password=password, is_staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="commitments"))
    for region in regions:
        RegionGrant.objects.create(user=user, region=region)
    return user


def region(name: str) -> Region:
    return Region.objects.get(name=name)


def admin_form_data(page, **changes) -> dict:
    """The POST data of an admin change page as the browser would send it, with `changes` applied.

    Inline formsets are sent empty except for their management forms.
    """
    form = page.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if getattr(field.widget, "input_type", None) == "checkbox":
            if value:
                data[name] = "on"
            continue
        data[name] = "" if value is None else value
    for formset in page.context.get("inline_admin_formsets", []):
        prefix = formset.formset.prefix
        management = formset.formset.management_form
        data.update({f"{prefix}-{key}": management[key].value() for key in management.fields})
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def change_status(commitment, status: str, *, reason: str = "", user=None):
    """Changes a commitment's public status as the admin does: a new history record with who and why."""
    commitment.status = status
    commitment._change_reason = reason
    if user is not None:
        commitment._history_user = user
    commitment.save()
    return commitment


def hide(commitment):
    """A commitment staff judged a false extraction: kept, but never shown to the public."""
    commitment.is_public = False
    commitment.save()
    return commitment


VERIFICATION_MATERIAL = Path(__file__).parent / "data" / "verification"


def import_next_year_material(*files: str):
    """Imports test documents (TEST DATA, not real) reporting on 临沂市's 2024 commitments; returns their Reports.

    "linyi-2025-report.txt" is a next year's report; the others are evidence (kind and date from the answer key).
    """
    import json
    from datetime import date

    from commitments.ingest.evidence import import_evidence

    key = json.loads((VERIFICATION_MATERIAL / "answer-key.json").read_text(encoding="utf-8"))
    sources = {s["file"]: s for s in key["sources"]}
    reports = []
    for name in files or tuple(sources):
        source = sources[name]
        result = import_evidence(
            path=VERIFICATION_MATERIAL / name,
            region="临沂市",
            year=2024,
            kind=source["kind"],
            delivered_on=date.fromisoformat(source["date"]) if source.get("date") else None,
        )
        reports.append(result.report)
    return reports
