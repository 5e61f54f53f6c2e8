"""Spreadsheet formats for every endpoint (`?format=csv`, `?format=xlsx`): one row per record, nested
fields flattened into dotted column names (`company.name_en`, `period.start`, `citations.0.quote`)."""

import codecs

from drf_excel.renderers import XLSXRenderer
from rest_framework.renderers import JSONRenderer
from rest_framework_csv.renderers import CSVRenderer

from apps.core.api.fragments import Prerendered


class PrerenderedJSONRenderer(JSONRenderer):
    """DRF's JSON renderer, passing JSON that was rendered before (records kept rendered) through as it is."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, Prerendered):
            return data.content
        return super().render(data, accepted_media_type, renderer_context)


def rows_of(data):
    """The records a response holds: a page's results, a list, or one record."""
    if isinstance(data, dict) and "results" in data:
        return data["results"]
    return data if isinstance(data, list) else [data]


class SpreadsheetCSVRenderer(CSVRenderer):
    """UTF-8 with a byte order mark, so spreadsheet programs show Chinese; columns in field order."""

    format = "csv"
    format_description = "`csv` (UTF-8 with a byte order mark)"
    media_type = "text/csv"
    charset = "utf-8"
    openapi_file_schema = {
        "type": "string",
        "description": "A table with one row per record and a header row; nested fields are dotted columns "
        "(`period.start`, `citations.0.quote`). UTF-8 with a byte order mark.",
    }

    def render(self, data, media_type=None, renderer_context=None):
        rows = list(self.flatten_data(rows_of(data)))
        header = list(dict.fromkeys(key for row in rows for key in row))
        body = super().render(rows, media_type, {**(renderer_context or {}), "header": header})
        return codecs.BOM_UTF8 + body

    def flatten_data(self, data):
        return (self.flatten_item(item) for item in data)


class SpreadsheetXLSXRenderer(XLSXRenderer):
    format = "xlsx"
    openapi_file_schema = {
        "type": "string",
        "format": "binary",
        "description": "A workbook whose sheet holds the CSV's rows and columns.",
    }

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return super().render({"results": rows_of(data)}, accepted_media_type, renderer_context)
