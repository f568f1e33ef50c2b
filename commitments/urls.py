from django.urls import path

from . import views

app_name = "commitments"

urlpatterns = [
    path("", views.home, name="home"),
    path("status.css", views.status_css, name="status_css"),
    path("regions/<slug:slug>/", views.region, name="region"),
    path("commitments/<int:pk>/", views.commitment, name="commitment"),
    path("reports/<int:pk>/", views.report, name="report"),
    path("indicators/<slug:slug>/", views.indicator, name="indicator"),
]
