from django.urls import re_path

from apps.core.registry import Resource, register
from apps.curation.api.views import DatasetCatalogueView, DatasetFileView, DatasetIndexView
from apps.curation.datasets import FILE_TYPES

register(
    Resource(
        "datasets",
        view=DatasetIndexView,
        route="dataset-index",
        urls=(
            re_path(rf"^curated\.(?P<kind>{'|'.join(FILE_TYPES)})$", DatasetFileView.as_view(), name="dataset-file"),
            re_path(r"^catalogue\.jsonld$", DatasetCatalogueView.as_view(), name="dataset-catalogue"),
        ),
    )
)
