from apps.core.registry import Resource, register
from apps.indicators.api.views import IndicatorViewSet, ObservationViewSet, UnitViewSet
from apps.indicators.models import Indicator, Observation, Unit

register(Resource("indicators", model=Indicator, viewset=IndicatorViewSet))
register(Resource("observations", model=Observation, viewset=ObservationViewSet, counted_as="figures"))
register(Resource("units", model=Unit, viewset=UnitViewSet))
