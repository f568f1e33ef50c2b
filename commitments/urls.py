from django.urls import path, register_converter

from commitments.public import api, feeds, views


class _Format:
    regex = "csv|xlsx"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(_Format, "fmt")

app_name = "commitments"

urlpatterns = [
    path("", views.home, name="home"),
    path("status.css", views.status_css, name="status_css"),
    path("search/", views.search, name="search"),
    path("methodology/", views.methodology, name="methodology"),
    path("regions/<slug:slug>/", views.region, name="region"),
    path("regions/<slug:slug>/<int:year>/", views.region, name="region_year"),
    path("regions/<slug:slug>/<int:year>/data.<fmt:fmt>", views.region_year_download, name="region_year_download"),
    path("regions/<slug:slug>/feed/", feeds.RegionStatusChanges(), name="region_feed"),
    path("commitments/", views.commitment_list, name="commitment_list"),
    path("commitments.<fmt:fmt>", views.commitments_download, name="commitments_download"),
    path("commitments/<int:pk>/", views.commitment, name="commitment"),
    path("reports/<int:pk>/", views.report, name="report"),
    path("evidence/<int:pk>/", views.evidence_file, name="evidence_file"),
    path("indicators/", views.indicator_list, name="indicator_list"),
    path("indicators/<str:slug>/", views.indicator, name="indicator"),
    path("feeds/changes/", feeds.StatusChanges(), name="feed"),
    path("api/", api.docs, name="api"),
    path("api/regions/", api.regions, name="api_regions"),
    path("api/regions/<slug:slug>/", api.region, name="api_region"),
    path("api/reports/", api.reports, name="api_reports"),
    path("api/reports/<int:pk>/", api.report, name="api_report"),
    path("api/commitments/", api.commitments, name="api_commitments"),
    path("api/commitments/<int:pk>/", api.commitment, name="api_commitment"),
    path("api/outcomes/", api.outcomes, name="api_outcomes"),
    path("api/indicators/", api.indicators, name="api_indicators"),
    path("api/indicators/<str:slug>/", api.indicator, name="api_indicator"),
]
