"""Every operation, and sequences of them along the links between them, fuzzed against the OpenAPI schema the
API serves, with every check schemathesis has: a request the schema calls valid must be answered, one it calls
invalid refused, and every answer must match the schema. Bounds are in schemathesis.toml."""

import hypothesis
import pytest
import schemathesis
from django.conf import settings
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from schemathesis.config import SchemathesisConfig

from tests import fuzz_hooks  # noqa: F401 -- registers what the fuzzing is told beyond the schema

CONFIG = SchemathesisConfig.from_path(settings.BASE_DIR / "schemathesis.toml")

schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application(), config=CONFIG)


@pytest.fixture(autouse=True)
def keep_the_test_connection_open():
    """Requests go straight to the WSGI app, so hold back what would close the test transaction's connection,
    as Django's own test client does."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@hypothesis.settings(suppress_health_check=[hypothesis.HealthCheck.function_scoped_fixture])
def test_api_conforms_to_its_schema(case):
    """The database fixture is shared by every example on purpose: the API only reads."""
    case.call_and_validate()


APIWorkflow = schema.as_state_machine()
APIWorkflow.TestCase.settings = hypothesis.settings(
    max_examples=CONFIG.projects.default.generation.max_examples,
    stateful_step_count=CONFIG.projects.default.phases.stateful.max_steps,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(hypothesis.HealthCheck),
)


class TestAPIWorkflows(APIWorkflow.TestCase):
    """Sequences of reads that follow the schema's links: a list, then the details it names."""
