"""The schema's examples are real responses, so documentation cannot drift from the data."""

from apps.indicators.api.examples import CALB_INVESTMENT, GDP_TARGET
from apps.projects.api.examples import CALB_PROJECT


def test_the_observation_example_is_the_live_record(client):
    assert client.get(f"/api/v1/observations/{GDP_TARGET['slug']}/").json() == GDP_TARGET


def test_the_project_example_is_a_trimmed_live_record(client):
    project = client.get(f"/api/v1/projects/{CALB_PROJECT['slug']}/").json()
    trimmed = {
        "description",
        "description_zh",
        "description_en",
        "citations",
        "milestones",
        "observations",
        "distinctions",
    }
    assert {k: v for k, v in project.items() if k not in trimmed} == {
        k: v for k, v in CALB_PROJECT.items() if k not in trimmed
    }
    assert CALB_PROJECT["milestones"][0] in project["milestones"]
    assert CALB_PROJECT["citations"][0] in project["citations"]
    investment = next(o for o in project["observations"] if o["slug"] == CALB_INVESTMENT["slug"])
    assert investment == CALB_INVESTMENT
