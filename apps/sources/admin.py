"""The admin of provenance, and the bases every cited record's admin builds on: inline citations,
bilingual search, CSV and XLSX import and export, and a change history that can be reverted.

The spreadsheet resources themselves come from curation, which sets them on every registered admin.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.contenttypes.admin import GenericTabularInline
from django.http import HttpResponseRedirect
from import_export.admin import ImportExportModelAdmin
from import_export.formats.base_formats import CSV, XLSX
from import_export.forms import ConfirmImportForm, ImportForm
from simple_history.admin import SimpleHistoryAdmin

from apps.sources.models import Citation, SourceDocument


class CitationInline(GenericTabularInline):
    """Every record keeps at least one citation, as the loader requires."""

    model = Citation
    extra = 0
    min_num = 1
    autocomplete_fields = ["document"]
    fields = ["document", "quote"]

    def get_formset(self, request, obj=None, **kwargs):
        return super().get_formset(request, obj, validate_min=True, **kwargs)


CHANGE_NOTE_MAX_LENGTH = 100  # django-simple-history's history_change_reason column
CHANGE_NOTE_HELP = "Public: shown with this change in the change feed (/api/v1/changes/). Say why, not who."


def change_note_field():
    return forms.CharField(
        label="Change note", max_length=CHANGE_NOTE_MAX_LENGTH, help_text=CHANGE_NOTE_HELP, strip=True
    )


class ChangeNoteForm(forms.ModelForm):
    """Every save, and every revert from the history, says publicly why."""

    change_note = change_note_field()


class ChangeNoteImportForm(ImportForm):
    change_note = change_note_field()


class ChangeNoteConfirmImportForm(ConfirmImportForm):
    change_note = forms.CharField(widget=forms.HiddenInput(), max_length=CHANGE_NOTE_MAX_LENGTH)


class SpreadsheetHistoryAdmin(ImportExportModelAdmin, SimpleHistoryAdmin):
    """CSV and XLSX import (previewed, validated) and export, and a change history that can be reverted.

    Each save, delete and import asks for a public change note, which the history keeps as the change's
    reason and the change feed shows. Deleting goes one record at a time, through the form that asks.
    """

    formats = [CSV, XLSX]
    form = ChangeNoteForm
    import_form_class = ChangeNoteImportForm
    confirm_form_class = ChangeNoteConfirmImportForm
    delete_confirmation_template = "admin/delete_confirmation_with_note.html"

    def save_model(self, request, obj, form, change):
        obj._change_reason = form.cleaned_data["change_note"]
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        for inline_form in formset.forms:
            inline_form.instance._change_reason = form.cleaned_data["change_note"]
        super().save_formset(request, form, formset, change)

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def delete_view(self, request, object_id, extra_context=None):
        if request.method == "POST" and not request.POST.get("change_note", "").strip():
            self.message_user(request, "A deletion needs a public change note.", messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())
        context = {
            **(extra_context or {}),
            "change_note_max_length": CHANGE_NOTE_MAX_LENGTH,
            "change_note_help": CHANGE_NOTE_HELP,
        }
        return super().delete_view(request, object_id, context)

    def delete_model(self, request, obj):
        obj._change_reason = request.POST["change_note"].strip()[:CHANGE_NOTE_MAX_LENGTH]
        super().delete_model(request, obj)

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        return {**initial, "change_note": import_form.cleaned_data["change_note"]} if import_form else initial

    def get_import_data_kwargs(self, **kwargs):
        """The note reaches each saved row (apps/curation/spreadsheets.py), the preview's and the import's."""
        form = kwargs.get("form")
        note = form.cleaned_data.get("change_note") if form is not None else None
        return {**super().get_import_data_kwargs(**kwargs), "change_note": note}


class CuratedAdmin(SpreadsheetHistoryAdmin):
    list_display = ["slug", "name_zh", "name_en", "basis"]
    search_fields = ["slug", "name_zh", "name_en", "description_zh", "description_en"]
    readonly_fields = ["updated_at"]
    inlines = [CitationInline]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), "basis"]


@admin.register(SourceDocument)
class SourceDocumentAdmin(SpreadsheetHistoryAdmin):
    list_display = ["slug", "title_zh", "title_en", "language", "path"]
    search_fields = ["slug", "title_zh", "title_en", "path"]
    list_filter = ["language"]


@admin.register(Citation)
class CitationAdmin(admin.ModelAdmin):
    list_display = ["document", "content_type", "object_id", "quote"]
    list_filter = ["document", "content_type"]
    search_fields = ["quote"]
    autocomplete_fields = ["document"]
    list_select_related = ["document", "content_type"]
