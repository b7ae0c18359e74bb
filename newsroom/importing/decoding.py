"""Raw bytes of an uploaded release to clean text.

UTF-8 (with or without a BOM) is tried first and strictly. Anything else goes to
charset-normalizer, restricted to the legacy code pages our teams actually produce:
Windows-1250 and ISO-8859-2 for Polish, Windows-1251 and KOI8-R for Russian.
"""

import re
import unicodedata

from charset_normalizer import from_bytes

from django.utils.translation import gettext_lazy as _

from newsroom.importing.errors import ReleaseImportError

MAX_FILE_BYTES = 1024 * 1024

UNRECOGNISED_ENCODING = _("The text's encoding could not be recognised; save it as UTF-8.")

LEGACY_ENCODINGS = ("cp1250", "iso8859_2", "cp1251", "koi8_r")

UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

# Openings of file formats people upload by mistake instead of the text.
BINARY_SIGNATURES = (
    b"%PDF-",
    b"PK\x03\x04",  # ZIP, and so DOCX, ODT, XLSX
    b"PK\x05\x06",  # empty ZIP
    b"\x89PNG\r\n\x1a\n",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",  # JPEG
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",  # legacy Office (DOC, XLS)
)

# Control bytes, less those that do turn up in text: tab, line feed, form feed, carriage return.
BINARY_CONTROLS = bytes(byte for byte in range(0x20) if byte not in b"\t\n\x0c\r")
MAX_CONTROL_SHARE = 0.05

# Letters a Polish or Russian release is written in.
POLISH_LETTERS = frozenset("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
LATIN_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") | POLISH_LETTERS
CYRILLIC_LETTERS = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")
# Symbols that mostly appear when a code page is read as the wrong one, e.g. ISO-8859-2
# "ą ś ź" read as Windows-1250 gives "± ¶ ĽĽ", and KOI8-R has box drawing where
# Windows-1251 has letters.
MOJIBAKE_SYMBOLS = frozenset("±¶¦¬ˇ˘˙˛˝¤¨´¸") | frozenset(map(chr, range(0x2500, 0x25A0)))
WORD = re.compile(r"[^\W\d_]+")


def decode_release_bytes(data: bytes) -> str:
    """Text of an uploaded release, or ReleaseImportError saying why there is none."""
    if len(data) > MAX_FILE_BYTES:
        raise ReleaseImportError(_("The file is larger than 1 MB."))
    if not data.removeprefix(UTF8_BOM).strip():
        raise ReleaseImportError(_("The file is empty."))
    if data.startswith(UTF16_BOMS):
        # UTF-16 ("Unicode" in old Notepad) is text, but not an encoding we read.
        raise ReleaseImportError(UNRECOGNISED_ENCODING)
    if looks_binary(data):
        raise ReleaseImportError(_("This looks like a binary file, not text."))

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = decode_legacy(data)

    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise ReleaseImportError(_("The file is empty."))
    return text


def looks_binary(data: bytes) -> bool:
    if data.startswith(BINARY_SIGNATURES) or b"\x00" in data:
        return True
    controls = len(data) - len(data.translate(None, BINARY_CONTROLS))
    return controls / len(data) > MAX_CONTROL_SHARE


def decode_legacy(data: bytes) -> str:
    """Decode with the most plausible legacy code page charset-normalizer accepts.

    Each code page is probed on its own: asked for all four at once, charset-normalizer
    skips ISO-8859-2 as "too similar" whenever it has just rejected Windows-1250, which
    loses exactly the Polish texts saved as ISO-8859-2. Windows-1250 and ISO-8859-2 (and
    for short texts also Windows-1251 and KOI8-R) can then all decode the bytes, so the
    candidates are ranked by how much their text looks like Polish or Russian, with
    charset-normalizer's coherence, then the share of lower case (prose is mostly lower
    case, while the Cyrillic code pages swap case when confused) and then
    charset-normalizer's chaos breaking ties.
    """
    candidates = []
    for encoding in LEGACY_ENCODINGS:
        for match in from_bytes(data, cp_isolation=[encoding]):
            if match.encoding in LEGACY_ENCODINGS:
                text = str(match)
                candidates.append(
                    (plausibility(text), match.coherence, lowercase_share(text), -match.chaos, text)
                )
    if not candidates:
        raise ReleaseImportError(UNRECOGNISED_ENCODING)
    score, *_measures, text = max(candidates, key=lambda candidate: candidate[:4])
    if score < 0:
        raise ReleaseImportError(UNRECOGNISED_ENCODING)
    return text


def plausibility(text: str) -> int:
    """Rough score of how much `text` reads as Polish, English or Russian.

    Letters in words written wholly in the Latin (with Polish letters) or the Russian
    alphabet, in sensible case, count for; other words, control characters and symbols
    typical of mojibake count against.
    """
    score = 0
    for word in WORD.findall(text):
        score += len(word) if plausible_word(word) else -2 * len(word)
    for char in text:
        if char in MOJIBAKE_SYMBOLS or (
            unicodedata.category(char) == "Cc" and char not in "\t\n\x0c\r"
        ):
            score -= 3
    return score


def lowercase_share(text: str) -> float:
    cased = [char for char in text if char.islower() or char.isupper()]
    return sum(char.islower() for char in cased) / len(cased) if cased else 0.0


def plausible_word(word: str) -> bool:
    letters = set(word)
    if letters <= LATIN_LETTERS:
        return True
    if letters <= CYRILLIC_LETTERS:
        # Read in the wrong Cyrillic code page, lower and upper case swap around.
        return word.islower() or word.isupper() or word.istitle()
    return False
