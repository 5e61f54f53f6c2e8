from django.urls import path

from apps.explorer import views

app_name = "explorer"

urlpatterns = [
    path("", views.index, name="index"),
    path("charts/", views.chart_page, name="charts"),
    path("<slug:name>/", views.listing, name="list"),
    path("<slug:name>/<str:key>/", views.record, name="record"),
]
