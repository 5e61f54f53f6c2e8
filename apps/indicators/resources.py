from apps.core.registry import Resource, register
from apps.indicators.api.views import IndicatorViewSet, ObservationViewSet, UnitViewSet
from apps.indicators.models import Indicator, Observation, Unit

register(Resource("indicators", model=Indicator, viewset=IndicatorViewSet, embeds=("observations", "units", "sources")))
register(
    Resource(
        "observations",
        model=Observation,
        viewset=ObservationViewSet,
        embeds=(
            "regions",
            "zones",
            "industries",
            "companies",
            "projects",
            "facilities",
            "indicators",
            "units",
            "events",
            "sources",
        ),
        counted_as="figures",
    )
)
register(Resource("units", model=Unit, viewset=UnitViewSet, embeds=("units",)))
