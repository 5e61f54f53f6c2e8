"""What people see: Swagger UI and ReDoc from the server alone, and a curator's edit in the admin."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import CURATOR

RESOURCES = [
    "regions",
    "zones",
    "industries",
    "companies",
    "projects",
    "milestones",
    "facilities",
    "indicators",
    "observations",
    "units",
    "distinctions",
    "events",
    "sources",
    "timeline",
]


def blocked_own_resources(page, live_url):
    """Content Security Policy errors about anything but outside addresses (ReDoc's footer logo is one,
    and is meant to be blocked: the docs work offline)."""
    blocked = [e for e in page.console_errors if "Content Security Policy" in e]
    return [e for e in blocked if not re.search(r"'https?://(?!127\.0\.0\.1)", e)]


def test_swagger_ui_lists_every_resource_and_tries_the_projects_list(page, live_url):
    page.goto(f"{live_url}/api/docs/")
    for resource in RESOURCES:
        expect(page.locator(f'.opblock-summary-path[data-path="/api/v1/{resource}/"]')).to_be_visible()
    operation = page.locator("#operations-projects-projects_list")
    operation.locator(".opblock-summary").click()
    operation.get_by_role("button", name="Try it out").click()
    operation.get_by_role("button", name="Execute").click()
    response = operation.locator(".responses-table .response").first
    expect(response.locator(".response-col_status")).to_contain_text("200")
    expect(operation.locator(".response-col_description .microlight").first).to_contain_text("CALB Jiangmen Base")
    assert not blocked_own_resources(page, live_url)


def test_redoc_renders_the_reference(page, live_url):
    page.goto(f"{live_url}/api/redoc/")
    expect(page.get_by_role("heading", name=re.compile("Jiangmen Regional Data API"))).to_be_visible()
    expect(page.get_by_text("Every dated milestone and event, in date order").first).to_be_attached()
    assert not blocked_own_resources(page, live_url)


def test_the_landing_page_leads_to_the_docs(page, live_url):
    page.goto(f"{live_url}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Jiangmen Regional Data API")
    page.get_by_role("link", name="Swagger UI").click()
    expect(page).to_have_url(f"{live_url}/api/docs/")


def test_a_curator_edits_a_project_and_sees_it_in_the_history(page, live_url):
    page.goto(f"{live_url}/admin/")
    page.get_by_label("Username").fill(CURATOR[0])
    page.get_by_label("Password").fill(CURATOR[1])
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_url}/admin/projects/project/?q=calb")
    page.get_by_role("link", name="calb-jiangmen-base").click()
    page.locator("#id_name_en").fill("CALB Jiangmen Base Project (checked)")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".errornote")).to_be_visible()
    page.locator("#id_change_note").fill("English name checked against the source.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    page.goto(f"{live_url}/admin/projects/project/?q=calb")
    page.get_by_role("link", name="calb-jiangmen-base").click()
    page.get_by_role("link", name="History").click()
    expect(page.locator("#change-history")).to_contain_text(CURATOR[0])
    expect(page.locator("#change-history")).to_contain_text("Name (English)")
    expect(page.locator("#change-history")).to_contain_text("CALB Jiangmen Base Project (checked)")
    expect(page.locator("#change-history")).to_contain_text("English name checked against the source.")
