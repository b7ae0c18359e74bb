"""The import screen's forms: files to upload, then each file's facts to check."""

from django import forms
from django.utils.translation import gettext_lazy as _

from newsroom.languages import language_choices
from newsroom.models.pages import PressReleasePage
from newsroom.models.records import Cluster, Label

LEVEL_CHOICES = [("", _("none"))] + list(Label.Level.choices)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        # An empty file is reported by the importer, per file, not refused for the batch.
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class ReleaseUploadForm(forms.Form):
    files = MultipleFileField(
        label=_("Release files"),
        help_text=_("Plain text or Markdown, one release per file, up to 1 MB each."),
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("Detect"))] + language_choices(),
    )
    cluster = forms.ModelChoiceField(
        label=_("Cluster"),
        required=False,
        queryset=Cluster.objects.all(),
        empty_label=_("Recognise from the text"),
    )


class ReleaseChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.release_date:%Y-%m-%d})"


class ReleaseReviewForm(forms.Form):
    """One file's extracted facts, for a person to check and correct.

    The file's text stays on the server (models.batches.ImportBatch): the form carries only
    what a person may correct. `release` accepts any release here; whether the file may
    update it (same language and cluster, or the same file; a page the user may edit) is
    the import policy's to say. The view narrows its choices to the candidates it shows.
    """

    language = forms.ChoiceField(label=_("Language"), choices=language_choices)
    title = forms.CharField(label=_("Title"), max_length=255)
    release_date = forms.DateField(
        label=_("Release date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    lead = forms.CharField(label=_("Lead"), widget=forms.Textarea(attrs={"rows": 3}))
    label_level = forms.ChoiceField(label=_("Label level"), choices=LEVEL_CHOICES, required=False)
    cluster = forms.ModelChoiceField(
        label=_("Cluster"),
        queryset=Cluster.objects.all(),
        required=False,
        empty_label=_("New cluster"),
    )
    new_cluster_name = forms.CharField(
        label=_("New cluster's name"), max_length=255, required=False
    )
    release = ReleaseChoiceField(
        label=_("Release to update"),
        queryset=PressReleasePage.objects.all(),
        required=False,
        empty_label=_("Create a new release"),
        help_text=_(
            "An existing release in the same cluster and language that this file replaces "
            "with a new draft."
        ),
    )

    def clean(self):
        data = super().clean()
        if not data.get("cluster") and not data.get("new_cluster_name"):
            self.add_error("new_cluster_name", _("Choose a cluster or name a new one."))
        return data


class EveryReviewFilled(forms.BaseFormSet):
    """Each form of the batch stands for one file to import: a form posted empty is an
    error to show, never a form Django skips as an unchanged extra (it has no data)."""

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "empty_permitted": False}


ReleaseReviewFormSet = forms.formset_factory(ReleaseReviewForm, formset=EveryReviewFilled, extra=0)
