from django.urls import re_path

from apps.core.registry import Resource, register
from apps.curation.api.views import DatasetCatalogueView, DatasetFileView, DatasetIndexView

register(
    Resource(
        "datasets",
        view=DatasetIndexView,
        route="dataset-index",
        urls=(
            re_path(r"^curated\.(?P<kind>json|zip)$", DatasetFileView.as_view(), name="dataset-file"),
            re_path(r"^catalogue\.jsonld$", DatasetCatalogueView.as_view(), name="dataset-catalogue"),
        ),
    )
)
