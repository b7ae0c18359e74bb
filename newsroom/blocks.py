"""StreamField blocks for press release bodies."""

import uuid

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

INLINE_FEATURES = ["bold", "italic", "link"]


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    speaker = blocks.CharBlock(label=_("Speaker"), max_length=120)
    role = blocks.CharBlock(label=_("Role"), max_length=255, required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "components/streamfield/blocks/quote_block.html"


class NoteBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, required=False)
    text = blocks.RichTextBlock(label=_("Text"), features=INLINE_FEATURES)

    class Meta:
        icon = "info-circle"
        label = _("Note")
        template = "components/streamfield/blocks/note_block.html"


class AboutClusterBlock(blocks.StructBlock):
    """The boilerplate that closes a release: who the cluster is."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120, required=False)
    text = blocks.RichTextBlock(label=_("Text"), features=INLINE_FEATURES)

    class Meta:
        icon = "group"
        label = _("About the cluster")
        template = "components/streamfield/blocks/about_cluster_block.html"


class PressReleaseBodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("Heading"),
        max_length=200,
        form_classname="title",
        icon="title",
        template="components/streamfield/blocks/heading_block.html",
    )
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=INLINE_FEATURES,
        icon="pilcrow",
        template="components/streamfield/blocks/paragraph_block.html",
    )
    list = blocks.ListBlock(
        blocks.CharBlock(label=_("Item"), max_length=500),
        label=_("List"),
        icon="list-ul",
        template="components/streamfield/blocks/list_block.html",
    )
    quote = QuoteBlock()
    note = NoteBlock()
    about_cluster = AboutClusterBlock()


def body_stream_data(blocks):
    """(block type, value) pairs as PressReleaseBodyBlock raw data, ready to assign to `body`.

    List items are written in Wagtail's block format with ids: wagtail-localize only
    extracts translatable segments from lists stored that way, and Wagtail keeps raw
    data as assigned until someone edits the block.
    """
    data = []
    for block_type, value in blocks:
        if block_type == "list":
            value = [{"type": "item", "value": item, "id": str(uuid.uuid4())} for item in value]
        data.append({"type": block_type, "value": value, "id": str(uuid.uuid4())})
    return data
