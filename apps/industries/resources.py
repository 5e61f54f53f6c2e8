from apps.core.registry import Resource, register
from apps.industries.api.views import IndustryViewSet
from apps.industries.models import Industry

register(Resource("industries", model=Industry, viewset=IndustryViewSet, counted_as="industries"))
