from apps.core.registry import Resource, register
from apps.recognitions.api.views import DistinctionViewSet
from apps.recognitions.models import Distinction

register(
    Resource(
        "distinctions",
        model=Distinction,
        viewset=DistinctionViewSet,
        references=("companies", "events", "facilities", "industries", "projects", "regions", "sources", "zones"),
    )
)
