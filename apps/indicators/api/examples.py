"""Schema examples of figures, taken from the curated data and trimmed to what shows the shape."""

from drf_spectacular.utils import OpenApiExample

from apps.core.api.examples import in_english

SOURCE = {"document": "zhuxi-hub-take-off", "document_title": "起跳 · 狂飙的珠西枢纽"}
JIANGMEN = {"slug": "jiangmen", "name_zh": "江门", "name_en": "Jiangmen"}
PERCENT = {"code": "percent", "name_zh": "%", "name_en": "percent", "symbol": "%"}
YUAN = {"code": "cny", "name_zh": "元", "name_en": "yuan", "symbol": "¥"}
HUNDRED_MILLION_YUAN = {"code": "cny-100m", "name_zh": "亿元", "name_en": "100 million yuan", "symbol": ""}

GDP_TARGET = {
    "slug": "gdp-growth-2023-target",
    "name_zh": "2023年江门GDP增长目标",
    "name_en": "Jiangmen GDP growth target, 2023",
    "indicator": {"slug": "gdp", "name_zh": "地区生产总值（GDP）", "name_en": "Gross domestic product (GDP)"},
    "kind": "target",
    "measure": "growth_rate",
    "comparator": "at_least",
    "value": "6.000000",
    "unit": PERCENT,
    "display_value": "6",
    "display_unit": PERCENT,
    "text_as_written": "6%以上",
    "period": {
        "start": "2023-01-01",
        "end": "2023-12-31",
        "precision": "year",
        "label_zh": "今年",
        "label_en": "this year (2023)",
    },
    "benchmark_region": None,
    "region": JIANGMEN,
    "zone": None,
    "industry": None,
    "company": None,
    "project": None,
    "facility": None,
    "event": None,
    "description_zh": "",
    "description_en": "",
    "citations": [{**SOURCE, "quote": "今年地区生产总值增长6%以上"}],
    "basis": "stated",
    "basis_note": "",
}

CALB_INVESTMENT = {
    "slug": "calb-jiangmen-base-total-investment",
    "name_zh": "中创新航江门基地项目总投资",
    "name_en": "Total investment of the CALB Jiangmen base",
    "indicator": {
        "slug": "project-total-investment",
        "name_zh": "项目总投资",
        "name_en": "Total investment of a project",
    },
    "kind": "planned",
    "measure": "level",
    "comparator": "exact",
    "value": "20000000000.000000",
    "unit": YUAN,
    "display_value": "200",
    "display_unit": HUNDRED_MILLION_YUAN,
    "text_as_written": "200亿元",
    "period": {
        "start": "2022-01-01",
        "end": "2022-12-31",
        "precision": "year",
        "label_zh": "2022年",
        "label_en": "2022",
    },
    "benchmark_region": None,
    "citations": [
        {**SOURCE, "quote": "签署总投资200亿元的项目投资合作协议"},
        {**SOURCE, "quote": "总投资200亿元的中创新航动力电池项目落户新会智造产业园凤山湖园区"},
    ],
    "basis": "stated",
    "basis_note": "",
}

GDP_TARGET, CALB_INVESTMENT = in_english(GDP_TARGET), in_english(CALB_INVESTMENT)
OBSERVATION_EXAMPLES = [OpenApiExample("A target kept with its comparator", value=GDP_TARGET, response_only=True)]
