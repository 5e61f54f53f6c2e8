"""The explorer as people use it: facets that narrow the table as the API counts, a figure traced to its
sentence and back, charts with a mark per record, Chinese and English, keyboard, JavaScript off, and axe."""

import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS
from tests.browser.test_pages import blocked_own_resources

SERIOUS = {"serious", "critical"}
TARGET_KINDS = {"target", "stretch_target"}
CALB = "calb-jiangmen-base"


def shot(page, name, full_page=False):
    """A screenshot of a moment worth looking at, beside the one each test leaves at its end."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"explorer-{name}.png"), full_page=full_page)


def api(page, live_url, path):
    response = page.request.get(f"{live_url}{path}")
    assert response.ok, path
    return response.json()


def test_the_landing_page_links_the_explorer(page, live_url):
    page.goto(f"{live_url}/")
    page.get_by_role("link", name=re.compile("Explorer")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Explore the data")
    resources = api(page, live_url, "/api/v1/")
    projects = api(page, live_url, "/api/v1/projects/?limit=1")["count"]
    expect(page.get_by_role("row", name=re.compile(r"^Projects")).get_by_role("cell").first).to_have_text(str(projects))
    assert "projects" in resources
    assert not blocked_own_resources(page, live_url)


def test_a_facet_narrows_the_table_and_its_count_matches_the_api(page, live_url):
    page.goto(f"{live_url}/explore/observations/")
    everything = int(page.locator("h1 .count").get_attribute("data-count"))
    facet = page.locator('[data-facet="kind"] a[data-value="target"]')
    shown = int(facet.locator("xpath=following-sibling::span").get_attribute("data-count"))
    facet.click()
    expect(page).to_have_url(re.compile(r"\?kind=target$"))
    count = int(page.locator("h1 .count").get_attribute("data-count"))
    assert count == shown < everything
    assert count == api(page, live_url, "/api/v1/observations/?kind=target")["count"]
    expect(page.locator("table.records tbody tr")).to_have_count(min(count, 50))
    shot(page, "observations-narrowed-to-targets")
    # A second facet narrows further, and the API link carries the same parameters.
    page.locator('[data-facet="measure"] a[data-value="growth_rate"]').click()
    both = int(page.locator("h1 .count").get_attribute("data-count"))
    assert both == api(page, live_url, "/api/v1/observations/?kind=target&measure=growth_rate")["count"] < count
    expect(page.get_by_role("link", name="JSON", exact=True)).to_have_attribute(
        "href", "/api/v1/observations/?kind=target&measure=growth_rate"
    )
    page.get_by_label("Search").fill("GDP")
    page.get_by_role("button", name="Search").click()
    searched = int(page.locator("h1 .count").get_attribute("data-count"))
    assert searched == api(page, live_url, "/api/v1/observations/?kind=target&measure=growth_rate&search=GDP")["count"]


def test_sorting_and_paging_follow_the_api(page, live_url):
    page.goto(f"{live_url}/explore/observations/?limit=10")
    page.get_by_role("columnheader", name="value").get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"ordering=value"))
    first_page = api(page, live_url, "/api/v1/observations/?limit=10&ordering=value")["results"]
    expect(page.locator("table.records tbody tr th a").first).to_have_text(first_page[0]["name"])
    page.get_by_role("link", name="Next page").click()
    second_page = api(page, live_url, "/api/v1/observations/?limit=10&ordering=value&offset=10")["results"]
    expect(page.locator("table.records tbody tr th a").first).to_have_text(second_page[0]["name"])


def test_a_figure_links_to_its_highlighted_sentence_and_back(page, live_url):
    figure = api(page, live_url, "/api/v1/observations/?indicator=gdp&kind=target&measure=growth_rate")["results"][0]
    page.goto(f"{live_url}/explore/observations/{figure['slug']}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(figure["name"])
    expect(page.locator(".figure .value strong").first).to_have_text(figure["display_value"])
    quote = figure["citations"][0]["quote"]
    page.locator(".figure a.to-source").first.click()
    anchor = page.url.split("#")[1]
    assert page.url.startswith(f"{live_url}/explore/sources/{figure['citations'][0]['document']}/")
    highlighted = page.locator(f'mark[data-quotes~="{anchor}"]')
    expect(highlighted.first).to_be_in_viewport()
    shot(page, "reader-highlighted-quote")
    marked = "".join(highlighted.all_inner_texts())
    assert re.sub(r"\s", "", marked) == re.sub(r"\s", "", quote)
    back = page.locator(f'[data-quote="{anchor}"] a.citing[href="/explore/observations/{figure["slug"]}/"]')
    back.click()
    expect(page).to_have_url(f"{live_url}/explore/observations/{figure['slug']}/")


def test_the_source_reader_marks_the_passages_left_out(page, live_url):
    page.goto(f"{live_url}/explore/sources/zhuxi-hub-take-off/")
    expect(page.locator("#p1 .left-out")).to_contain_text("the article's title")
    assert page.locator(".reader mark").count() > 50
    assert not blocked_own_resources(page, live_url)


def test_each_chart_draws_a_mark_per_record(page, live_url):
    page.goto(f"{live_url}/explore/charts/")
    figures = api(page, live_url, "/api/v1/observations/?period_from=2023-01-01&period_to=2023-01-01&limit=500")
    charted = [
        f
        for f in figures["results"]
        if (f["kind"] in TARGET_KINDS and f["period"]["end"] == "2023-12-31")
        or (f["kind"] == "actual" and f["period"]["end"] == "2023-02-28")
    ]
    marks = page.locator('figure[data-chart="targets"] rect.mark')
    expect(marks).to_have_count(len(charted))
    expect(page.locator('table[data-chart="targets"] tbody tr')).to_have_count(len(charted))
    lower_bounds = [f for f in charted if f["comparator"] in ("at_least", "more_than")]
    expect(page.locator('figure[data-chart="targets"] polygon.comparator-mark')).to_have_count(len(lower_bounds))

    entries = api(page, live_url, "/api/v1/timeline/?limit=500")["results"]
    dated = [e for e in entries if e["type"] == "event" or e["project"] == CALB]
    expect(page.locator('svg[data-chart="timeline"] circle.mark')).to_have_count(len(dated))
    expect(page.locator('table[data-chart="timeline"] tbody tr')).to_have_count(len(dated))

    areas = api(page, live_url, "/api/v1/observations/?unit=km2&limit=500")["results"]
    zoned = [f for f in areas if f["zone"] and f["kind"] == "actual"]
    expect(page.locator('figure[data-chart="zones"] rect.mark')).to_have_count(len(zoned))
    expect(page.locator('table[data-chart="zones"] tbody tr')).to_have_count(len(zoned))
    shot(page, "charts", full_page=True)
    assert not blocked_own_resources(page, live_url)


def test_the_language_switch_shows_the_explorer_in_chinese(page, live_url):
    page.goto(f"{live_url}/explore/projects/{CALB}/")
    page.get_by_role("link", name="中文").click()
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    project = api(page, live_url, f"/api/v1/projects/{CALB}/?lang=zh")
    expect(page.get_by_role("heading", level=1)).to_have_text(project["name_zh"])
    expect(page.get_by_role("heading", name="全部字段")).to_be_visible()
    shot(page, "record-in-chinese", full_page=True)
    page.get_by_role("link", name="图表").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("图表")
    shot(page, "charts-in-chinese")
    page.get_by_role("link", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Charts")


def test_the_keyboard_reaches_the_content_with_a_visible_focus(page, live_url):
    page.goto(f"{live_url}/explore/zones/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    assert skip.evaluate("element => getComputedStyle(element).outlineStyle") != "none"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#content$"))
    for _ in range(8):
        page.keyboard.press("Tab")
    focused = page.locator(":focus")
    assert focused.evaluate("element => element.closest('main') !== null")
    assert focused.evaluate("element => getComputedStyle(element).outlineStyle") != "none"


def test_the_pages_work_with_javascript_off(browser, live_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{live_url}/explore/charts/")
        expect(page.locator("svg.chart rect.mark").first).to_be_visible()
        expect(page.locator("table.data").first).to_be_visible()
        page.goto(f"{live_url}/explore/projects/")
        page.locator('[data-facet="status"] a').first.click()
        expect(page).to_have_url(re.compile(r"\?status="))
        page.get_by_label("Search").fill("CALB")
        page.get_by_role("button", name="Search").click()
        expect(page.locator("table.records tbody tr")).to_have_count(1)
    finally:
        context.close()


def explorer_pages(page, live_url):
    """The index, the charts, every resource's table and one record of each."""
    pages = ["/explore/", "/explore/charts/", "/explore/?lang=zh"]
    for name in api(page, live_url, "/api/v1/"):
        if name in ("timeline", "datasets", "changes"):
            continue
        pages.append(f"/explore/{name}/")
        first = api(page, live_url, f"/api/v1/{name}/?limit=1")["results"][0]
        pages.append(f"/explore/{name}/{first.get('slug') or first.get('code')}/")
    return pages


def test_axe_finds_nothing_serious_on_any_explorer_page(page, live_url):
    axe = Axe()
    found = {}
    pages = explorer_pages(page, live_url)
    for path in pages:
        page.goto(f"{live_url}{path}")
        violations = axe.run(page).response["violations"]
        serious = [f"{v['id']} ({v['impact']}): {len(v['nodes'])}" for v in violations if v["impact"] in SERIOUS]
        if serious:
            found[path] = serious
    assert found == {}
    assert len(pages) > 20
