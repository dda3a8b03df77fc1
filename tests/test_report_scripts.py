"""The therapy report prints a person's words in their own script: Arabic joined and right to
left, Hebrew right to left, lines in reading order, and plainly marked where the font has no
glyphs. Checked in the PDF's own geometry and in the page rendered to PNG."""

from __future__ import annotations

import datetime
import unicodedata
from pathlib import Path

import pypdfium2  # type: ignore[import-untyped]  # no type hints published
import pytest
from hypothesis import given
from hypothesis import strategies as st
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from earned.accounts.models import User
from earned.insights import gathering, report
from earned.insights.printing import EXPLAINED, NOT_DRAWABLE, Printer, display_order, lines
from earned.ledger import services as ledger
from earned.privacy import keyring, keys
from tests.conftest import PASSPHRASE

ARABIC = "عندما أطلب المساعدة، يتضايق الناس مني ويبتعدون عني في النهاية"
HEBREW = "כשאני מבקשת עזרה, אנשים מתרחקים ממני"
SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"


def report_font() -> str:
    return report._fonts()[0]


def wide_font_or_skip() -> str:
    font = report_font()
    if Printer(font).drawable("ع") != "ع":
        pytest.skip("No font with Arabic here (install fonts-dejavu-core to run this test).")
    return font


# --- Shaping and order, pure ------------------------------------------------------------------


def test_arabic_is_joined_and_put_in_display_order() -> None:
    seen = display_order("عندما")
    assert all(unicodedata.name(c).startswith("ARABIC LETTER") for c in seen)
    # Presentation forms: each letter in the shape its neighbours give it, right to left.
    assert all("\ufe70" <= c <= "\ufeff" for c in seen)
    assert unicodedata.name(seen[-1]) == "ARABIC LETTER AIN INITIAL FORM"  # the first, rightmost


def test_hebrew_reads_right_to_left_and_english_inside_stays_as_written() -> None:
    assert display_order("שלום") == "םולש"
    assert display_order("אמרתי Hello לה") == "הל Hello יתרמא"
    assert display_order("Plain words stay as they are.") == "Plain words stay as they are."


words = st.lists(
    st.sampled_from(["عندما", "أطلب", "המון", "אהבה", "help", "ask", "ليلى", "—", "12"]),
    min_size=1,
    max_size=30,
)


@given(words, st.floats(20, 400))
def test_lines_keep_every_word_in_reading_order(chosen: list[str], width: float) -> None:
    font = report_font()
    found = lines(" ".join(chosen), font, 10, width)
    assert " ".join(found).split() == chosen
    for line in found:
        if len(line.split()) > 1:  # a word wider than the line keeps a line of its own
            assert pdfmetrics.stringWidth(display_order(line), font, 10) <= width + 0.01


def test_a_font_without_the_script_says_so_instead_of_drawing_boxes() -> None:
    pdfmetrics.registerFont(TTFont("Vera-only", "Vera.ttf"))  # ReportLab's own: Latin only
    printer = Printer("Vera-only")
    assert printer.drawable("Asked Noa (נועה) for help 🙂") == "Asked Noa ([…]) for help […]"
    assert printer.replaced
    plain = Printer("Vera-only")
    assert plain.drawable("Asked Jo for help") == "Asked Jo for help"
    assert not plain.replaced


# --- In the report ----------------------------------------------------------------------------


def rendered(owner: User, *texts: str) -> pypdfium2.PdfDocument:
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        for text in texts:
            ledger.add_expectation(owner, text, feels_true=80, think_true=40)
        today = datetime.date.today()
        period = gathering.Period(today - datetime.timedelta(days=30), today)
        return pypdfium2.PdfDocument(report.render(owner, period, ["model"]))


def boxes(page: pypdfium2.PdfPage, word: str) -> list[tuple[float, float, float, float]]:
    """Where each letter of a word was drawn (left, bottom, right, top); pdfium reads it
    back in reading order and in its plain letters."""
    text = page.get_textpage()
    everything = text.get_text_range()
    start = everything.find(word)
    assert start >= 0, f"{word!r} is not on the page"
    return [text.get_charbox(start + i) for i in range(len(word))]


@pytest.mark.django_db
def test_arabic_and_hebrew_print_right_to_left_with_the_first_words_first(owner: User) -> None:
    wide_font_or_skip()
    document = rendered(owner, ARABIC, HEBREW)
    page = document[1]  # the working model
    first, last_on_line, next_line = (boxes(page, w) for w in ("عندما", "ويبتعدون", "النهاية"))
    # The sentence starts at the right of its first line and runs leftwards…
    assert min(box[0] for box in first) > max(box[2] for box in last_on_line)
    # …and goes on below, not above: lines are in reading order.
    assert max(box[3] for box in next_line) < min(box[1] for box in first)
    hebrew_first, hebrew_last = boxes(page, "כשאני"), boxes(page, "ממני")
    assert min(box[0] for box in hebrew_first) > max(box[2] for box in hebrew_last)
    # Both sit flush with the right edge of their column, 78 mm wide (less its padding).
    column_right = 18 * mm + 78 * mm
    assert max(box[2] for box in first) == pytest.approx(column_right, abs=8)
    assert max(box[2] for box in hebrew_first) == pytest.approx(column_right, abs=8)

    # On the page as rendered: ink where each word is said to be, none where it is not.
    scale = 2
    image = page.render(scale=scale).to_pil().convert("L")
    SCREENSHOTS.mkdir(exist_ok=True)
    image.save(SCREENSHOTS / "report-right-to-left.png")
    height = page.get_height()

    def ink(left: float, bottom: float, right: float, top: float) -> int:
        area = (left * scale, (height - top) * scale, right * scale, (height - bottom) * scale)
        return sum(image.crop(tuple(map(int, area))).histogram()[:128])  # dark pixels

    first_word = (min(b[0] for b in first), min(b[1] for b in first),
                  max(b[2] for b in first), max(b[3] for b in first))  # fmt: skip
    assert ink(*first_word) > 20
    left_of_column_start = (18 * mm, first_word[1], 18 * mm + 20, first_word[3])
    assert ink(*left_of_column_start) == 0  # flush right: the line's left end is empty
    assert EXPLAINED not in document[0].get_textpage().get_text_range()


@pytest.mark.django_db
def test_words_the_font_cannot_draw_are_marked_and_explained_once(owner: User) -> None:
    wide_font_or_skip()
    document = rendered(owner, "我不值得被爱", "They always leave 🙂")
    summary = " ".join(document[0].get_textpage().get_text_range().split())
    assert " ".join(EXPLAINED.split()) in summary
    model = document[1].get_textpage().get_text_range()
    assert f"They always leave {NOT_DRAWABLE}" in model
    assert "我" not in model
