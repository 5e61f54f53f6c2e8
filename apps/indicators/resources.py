from apps.core.registry import Resource, register
from apps.indicators.api.views import IndicatorViewSet, ObservationViewSet, UnitViewSet
from apps.indicators.models import Indicator, Observation, Unit

register(
    Resource(
        "indicators",
        model=Indicator,
        viewset=IndicatorViewSet,
        embeds=("observations",),
        references=("sources", "units"),
    )
)
register(
    Resource(
        "observations",
        model=Observation,
        viewset=ObservationViewSet,
        references=(
            "companies",
            "events",
            "facilities",
            "indicators",
            "industries",
            "projects",
            "regions",
            "sources",
            "units",
            "zones",
        ),
        counted_as="figures",
    )
)
register(
    Resource(
        "units",
        model=Unit,
        viewset=UnitViewSet,
        references=("units",),
    )
)
