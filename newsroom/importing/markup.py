"""Inline Markdown and bare links to the HTML subset our rich text blocks accept."""

import html
import re

# [text](url) — a link; "#" or a relative target keeps the text only.
MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]*)\)")
BARE_LINK = re.compile(
    r"(?<![\w/@])((?:https?://|www\.)[^\s<>()\"“”„«»]+[^\s<>()\"“”„«».,;:!?])", re.IGNORECASE
)
BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
ITALIC = re.compile(
    r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])|(?<![\w_])_(?!\s)(.+?)(?<!\s)_(?![\w_])"
)
PLACEHOLDER = "\x00{}\x00"


def absolute_url(target):
    if target.lower().startswith(("http://", "https://")):
        return target
    if target.lower().startswith("www."):
        return f"https://{target}"
    return None


def strip_markup(text):
    """Plain text: Markdown links become their text, emphasis markers go."""
    text = MARKDOWN_LINK.sub(r"\1", text)
    text = BOLD.sub(lambda m: m.group(1) or m.group(2), text)
    return ITALIC.sub(lambda m: m.group(1) or m.group(2), text)


def inline_html(text):
    """Escape `text` and turn Markdown links, bare links and emphasis into <a>, <b>, <i>."""
    links = []

    def keep_link(label, target):
        url = absolute_url(target)
        if url is None:
            return label
        links.append(f'<a href="{html.escape(url)}">{html.escape(label)}</a>')
        return PLACEHOLDER.format(len(links) - 1)

    text = MARKDOWN_LINK.sub(lambda m: keep_link(m.group(1), m.group(2)), text)
    text = BARE_LINK.sub(lambda m: keep_link(m.group(1), m.group(1)), text)
    text = html.escape(text, quote=False)
    text = BOLD.sub(lambda m: f"<b>{m.group(1) or m.group(2)}</b>", text)
    text = ITALIC.sub(lambda m: f"<i>{m.group(1) or m.group(2)}</i>", text)
    return re.sub("\x00(\\d+)\x00", lambda m: links[int(m.group(1))], text)


def paragraph_html(paragraphs):
    return "".join(f"<p>{inline_html(p)}</p>" for p in paragraphs)
