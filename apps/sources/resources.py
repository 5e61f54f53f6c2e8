from apps.core.registry import Resource, register
from apps.sources.api.changes import ChangeListView
from apps.sources.api.views import SourceDocumentViewSet
from apps.sources.models import SourceDocument

# Source documents are files under seeds/: curators may read and describe them, not add or remove them.
register(Resource("sources", model=SourceDocument, viewset=SourceDocumentViewSet, curator_actions=("view", "change")))
register(Resource("changes", view=ChangeListView, route="changes"))
