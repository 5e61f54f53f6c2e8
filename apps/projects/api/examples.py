"""Schema examples of projects, taken from the curated data and trimmed to what shows the shape."""

from drf_spectacular.utils import OpenApiExample

from apps.core.api.examples import in_english
from apps.indicators.api.examples import CALB_INVESTMENT, SOURCE

CALB_PROJECT = {
    "slug": "calb-jiangmen-base",
    "name_zh": "中创新航江门基地项目",
    "name_en": "CALB Jiangmen Base Project",
    "company": {"slug": "calb", "name_zh": "中创新航科技股份有限公司", "name_en": "CALB Co., Ltd."},
    "industry": {"slug": "power-batteries", "name_zh": "动力电池", "name_en": "Power batteries"},
    "zone": {"slug": "fengshan-lake-park", "name_zh": "凤山湖园区", "name_en": "Fengshan Lake Park"},
    "region": {"slug": "xinhui", "name_zh": "新会区", "name_en": "Xinhui District"},
    "status": "under_construction",
    "phase_count": 2,
    "description_zh": "中创新航动力电池项目，总投资200亿元……",
    "description_en": "CALB's power battery project, with a total investment of 20 billion yuan …",
    "citations": [{**SOURCE, "quote": "总投资200亿元的中创新航动力电池项目落户新会智造产业园凤山湖园区"}],
    "basis": "stated",
    "basis_note": "",
    "milestones": [
        {
            "slug": "calb-jiangmen-base-signing",
            "name_zh": "中创新航江门基地项目签约",
            "name_en": "CALB Jiangmen base agreement signed",
            "kind": "signing",
            "date": "2022-01-26",
            "date_precision": "day",
            "date_text": "2022年1月26日",
            "is_expected": False,
            "phase": None,
            "building_zh": "",
            "building_en": "",
            "description_zh": (
                "江门市人民政府与中创新航科技股份有限公司签署总投资200亿元的项目投资合作协议，"
                "中创新航生产基地正式落户江门。"
            ),
            "description_en": (
                "The Jiangmen Municipal People's Government and CALB signed an investment cooperation agreement "
                "for a 20-billion-yuan project, and CALB's production base formally settled in Jiangmen."
            ),
            "citations": [
                {
                    **SOURCE,
                    "quote": (
                        "2022年1月26日，江门市人民政府与中创新航科技股份有限公司签署总投资200亿元的项目投资合作协议"
                    ),
                },
                {**SOURCE, "quote": "2022年1月26日江门市人民政府与中创新航签约"},
            ],
            "basis": "stated",
            "basis_note": "",
        }
    ],
    "observations": [CALB_INVESTMENT],
    "distinctions": [],
}

CALB_PROJECT = in_english(CALB_PROJECT)
PROJECT_EXAMPLES = [OpenApiExample("CALB Jiangmen base (trimmed)", value=CALB_PROJECT, response_only=True)]
