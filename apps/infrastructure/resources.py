from apps.core.registry import Resource, register
from apps.infrastructure.api.views import FacilityViewSet
from apps.infrastructure.models import Facility

register(
    Resource(
        "facilities",
        model=Facility,
        viewset=FacilityViewSet,
        embeds=("distinctions", "observations"),
        references=("facilities", "regions", "sources", "zones"),
        counted_as="facilities",
    )
)
