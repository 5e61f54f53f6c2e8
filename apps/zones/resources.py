from apps.core.registry import Resource, register
from apps.zones.api.views import ZoneViewSet
from apps.zones.models import Zone

register(Resource("zones", model=Zone, viewset=ZoneViewSet, counted_as="zones"))
