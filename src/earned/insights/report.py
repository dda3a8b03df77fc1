"""The report to bring to therapy: a PDF made on this machine with ReportLab (pure Python; its
own fonts), from the same numbers and chart geometry as the insights pages."""

from __future__ import annotations

import datetime
import io
from pathlib import Path
from typing import Literal

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from earned.accounts.models import User
from earned.core.mapping import QUADRANTS
from earned.insights import charts, gathering, services
from earned.insights import markers as marking
from earned.insights.forms import SECTIONS
from earned.insights.printing import EXPLAINED, Printer, escaped
from earned.measures import readings
from earned.measures import services as measures
from earned.measures.instruments import available
from earned.rituals.services import day_of

INK = colors.HexColor("#1f2a30")
MUTED = colors.HexColor("#5b6870")
LINE = colors.HexColor("#d5dde0")
CALM = colors.HexColor("#2f6f73")  # the app's teal: bars, lines, dots
SOFT = colors.HexColor("#9bb8c9")  # harder than feared: a quieter blue, never red
PAPER = colors.HexColor("#f3f6f6")
ZONES = {
    "safe-zone": colors.HexColor("#e3f0ec"),
    "growing-edge": colors.HexColor("#e6eef6"),
    "closer-look": colors.HexColor("#f1efe6"),
    "hard-place": colors.HexColor("#efe9f2"),
}
WIDTH = A4[0] - 36 * mm

# A font with wide coverage when the system has one; ReportLab's own Vera otherwise.
FONT_PLACES = [
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
]  # fmt: skip


def _fonts() -> tuple[str, str]:
    if "Earned" in pdfmetrics.getRegisteredFontNames():
        return "Earned", "Earned-Bold"
    for regular, bold in FONT_PLACES:
        if Path(regular).exists() and Path(bold).exists():
            break
    else:
        regular, bold = "Vera.ttf", "VeraBd.ttf"  # shipped inside ReportLab
    pdfmetrics.registerFont(TTFont("Earned", regular))
    pdfmetrics.registerFont(TTFont("Earned-Bold", bold))
    # <b> in a paragraph picks the bold face of the family.
    registerFontFamily("Earned", normal="Earned", bold="Earned-Bold", italic="Earned",
                       boldItalic="Earned-Bold")  # fmt: skip
    return "Earned", "Earned-Bold"


def filename(period: gathering.Period) -> str:
    return f"earned-report-{period.first}-to-{period.last}.pdf"


def render(owner: User, period: gathering.Period, sections: list[str]) -> bytes:
    """The whole report as PDF bytes."""
    regular, bold = _fonts()
    styles = _styles(regular, bold)
    found = gathering.records(owner, period)
    markers = marking.markers(found)
    printer = Printer(regular)
    story = _summary(printer.inline(owner.display_name), styles, printer, period, found, markers)
    if "model" in sections:
        story += _working_model(
            styles, printer, gathering.working_model(owner, tallies=found.tallies)
        )
    if "markers" in sections:
        story += _markers(styles, printer, period, markers)
    if "map" in sections:
        story += _map(styles, printer, services.place_map(owner, found))
    if "patterns" in sections:
        story += _patterns(styles, printer, services.found_patterns(owner, found))
    if "measures" in sections:
        story += _measures(styles, printer, owner, period)
    if printer.replaced:
        story.insert(SUMMARY_NOTE + 1, Paragraph(EXPLAINED, styles["meta"]))
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=20 * mm,
        title="Earned — self-tracking summary",
        author="",
        subject=f"{period.first} to {period.last}",
        creator="Earned",
    )

    def footer(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(regular, 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(
            18 * mm, 10 * mm, "Earned · a self-tracking summary, not an assessment or diagnosis"
        )
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, f"page {doc.page}")
        canvas.restoreState()

    document.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def _styles(regular: str, bold: str) -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=regular, fontSize=10, leading=14, textColor=INK)
    return {
        "title": ParagraphStyle("title", body, fontName=bold, fontSize=20, leading=26),
        "h2": ParagraphStyle("h2", body, fontName=bold, fontSize=14, leading=19, spaceBefore=10,
                             spaceAfter=6),
        "h3": ParagraphStyle("h3", body, fontName=bold, fontSize=11, leading=15, spaceBefore=8),
        "body": body,
        "reading": ParagraphStyle("reading", body, fontSize=10.5, leading=15, spaceAfter=2),
        "meta": ParagraphStyle("meta", body, fontSize=8.5, leading=11, textColor=MUTED),
        "note": ParagraphStyle("note", body, backColor=PAPER, borderPadding=8, spaceBefore=8,
                               spaceAfter=14, leading=15),
        "cell": ParagraphStyle("cell", body, fontSize=9, leading=12),
    }  # fmt: skip


def _day(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


SUMMARY_NOTE = 2  # where the summary says what the report is, in its story


def _summary(
    name: str,
    styles: dict[str, ParagraphStyle],
    printer: Printer,
    period: gathering.Period,
    found: gathering.Records,
    markers: list[marking.Marker],
) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph("Self-tracking summary", styles["title"]),
        Paragraph(f"{_day(period.first)} to {_day(period.last)}", styles["body"]),
        Paragraph(
            f"What {name} noted for themselves in Earned, a private practice space for revising "
            "old expectations about relationships. <b>It is a self-tracking summary: not an "
            "assessment, a diagnosis or a clinical measure.</b> The numbers are their own "
            "ratings; the sentences speak to them in plain words, as the app does.",
            styles["note"],
        ),
        Paragraph("At a glance", styles["h2"]),
    ]
    counts = [
        ("Experiences debriefed", len(found.experiences)),
        ("Check-ins", len(found.check_ins)),
        ("Days practised", len(found.practised)),
        ("Ruptures noted", len(found.ruptures)),
        ("Repair attempts", len(found.repairs)),
        ("Misreadings looked at again", len(found.shifts)),
    ]
    story.append(
        _table([[name, str(count)] for name, count in counts], styles, printer, [110 * mm, 30 * mm])
    )
    story.append(Spacer(1, 8))
    story += [
        Paragraph(f"<b>{m.title}.</b> {escaped(m.reading)}", styles["reading"]) for m in markers
    ]
    story.append(PageBreak())
    return story


def _table(
    rows: list[list[str]],
    styles: dict[str, ParagraphStyle],
    printer: Printer,
    widths: list[float],
    header: list[str] | None = None,
) -> Table:
    cell = styles["cell"]
    data: list[list[Flowable]] = (
        [[Paragraph(f"<b>{escaped(h)}</b>", cell) for h in header]] if header else []
    )
    data += [[printer.paragraph(value, cell) for value in row] for row in rows]
    table = Table(data, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, LINE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _working_model(
    styles: dict[str, ParagraphStyle], printer: Printer, beliefs: list[gathering.Belief]
) -> list[Flowable]:
    story: list[Flowable] = [Paragraph(SECTIONS["model"], styles["h2"])]
    if not beliefs:
        return [*story, Paragraph("No expectations named yet.", styles["body"])]
    story.append(
        Paragraph(
            "Widest gap between feeling and evidence first. The percentages are their own "
            "ratings; the evidence is what their experiences so far suggest.",
            styles["meta"],
        )
    )
    rows = [
        [
            str(b.expectation.text),
            f"{b.feels_true}%" if b.feels_true is not None else "not rated",
            f"{b.think_true}%" if b.think_true is not None else "not rated",
            f"about {b.evidence.mean:.0f}% ({b.tested} test{'s' if b.tested != 1 else ''})"
            if b.tested
            else "not tested yet",
        ]
        for b in beliefs
    ]
    widths = [78 * mm, 24 * mm, 24 * mm, 48 * mm]
    story.append(_table(rows, styles, printer, widths, ["Expectation", "Feels true",
                                                        "Think true", "Evidence"]))  # fmt: skip
    return story


def _markers(
    styles: dict[str, ParagraphStyle],
    printer: Printer,
    period: gathering.Period,
    markers: list[marking.Marker],
) -> list[Flowable]:
    story: list[Flowable] = [Paragraph(SECTIONS["markers"], styles["h2"])]
    if period.by_month:
        story.append(
            Paragraph("Month by month, as the period is longer than a year.", styles["meta"])
        )
    for marker in markers:
        story.append(
            KeepTogether(
                [
                    Paragraph(marker.title, styles["h3"]),
                    printer.paragraph(marker.reading, styles["reading"]),
                    _weekly_drawing(marker.chart, styles["meta"].fontName),
                    printer.paragraph(marker.how, styles["meta"]),
                ]
            )
        )
    return story


def _flip(height: float, y: float) -> float:
    """SVG measures down from the top; a PDF drawing measures up from the bottom."""
    return height - y


def _filled(x: float, y: float, width: float, height: float, fill: colors.Color) -> Rect:
    shape = Rect(x, y, width, height)
    shape.fillColor, shape.strokeColor = fill, None
    return shape


Anchor = Literal["start", "middle", "end"]


def _weekly_drawing(chart: charts.WeeklyChart, font: str) -> Drawing:
    scale = WIDTH / chart.width
    group = Group()
    h = chart.height
    for tick in chart.y_ticks:
        group.add(Line(chart.left, _flip(h, tick.at), chart.right, _flip(h, tick.at),
                       strokeColor=LINE, strokeWidth=0.6))  # fmt: skip
        if tick.label:
            group.add(String(chart.left - 6, _flip(h, tick.at) - 3.5, tick.label, fontName=font,
                             fontSize=10, fillColor=MUTED, textAnchor="end"))  # fmt: skip
    group.add(Line(chart.left, _flip(h, chart.baseline), chart.right, _flip(h, chart.baseline),
                   strokeColor=MUTED, strokeWidth=0.8))  # fmt: skip
    for bar in chart.bars:
        below = bar.y >= chart.baseline
        group.add(_filled(bar.x, _flip(h, bar.y + bar.height), bar.width, bar.height,
                          SOFT if below else CALM))  # fmt: skip
    for run in chart.runs:
        numbers = [float(n) for pair in run.split() for n in pair.split(",")]
        flipped = [v if i % 2 == 0 else _flip(h, v) for i, v in enumerate(numbers)]
        group.add(PolyLine(flipped, strokeColor=CALM, strokeWidth=1.6))
    for dot in chart.dots:
        group.add(Circle(dot.x, _flip(h, dot.y), 3, fillColor=CALM, strokeColor=colors.white,
                         strokeWidth=0.8))  # fmt: skip
    for tick in chart.x_ticks:
        group.add(String(tick.at, 6, tick.label, fontName=font, fontSize=10, fillColor=MUTED,
                         textAnchor="middle"))  # fmt: skip
    group.scale(scale, scale)
    drawing = Drawing(WIDTH, h * scale)
    drawing.add(group)
    return drawing


def _map(
    styles: dict[str, ParagraphStyle], printer: Printer, mapped: list[services.Mapped]
) -> list[Flowable]:
    story: list[Flowable] = [PageBreak(), Paragraph(SECTIONS["map"], styles["h2"])]
    if not mapped:
        return [*story, Paragraph("Nothing to place on the map in this period.", styles["body"])]
    story.append(
        Paragraph(
            "Each circle is a kind of company or a person: left to right, how distressing "
            "experiences there were at their peak; bottom to top, how often they went better "
            "than feared. Bigger circles hold more experiences.",
            styles["meta"],
        )
    )
    chart = charts.place_map([(m.place, m.name, m.url, m.kind) for m in mapped])
    story.append(_map_drawing(chart, styles["meta"].fontName, printer))
    rows = [
        [
            spot.name,
            "kind of company" if spot.kind == "context" else "person",
            QUADRANTS[spot.place.quadrant][0],
            str(spot.place.count),
            f"{spot.place.distress:.0f}",
            f"{spot.better_percent}%",
        ]
        for spot in sorted(chart.spots, key=lambda s: (-s.place.count, s.name))
    ]
    widths = [36 * mm, 28 * mm, 32 * mm, 25 * mm, 25 * mm, 28 * mm]
    story.append(_table(rows, styles, printer, widths, ["Who", "", "Where on the map",
                        "Experiences", "Peak distress", "Better than feared"]))  # fmt: skip
    return story


def _map_drawing(chart: charts.MapChart, font: str, printer: Printer) -> Drawing:
    scale = WIDTH / chart.width
    h = chart.height
    group = Group()
    zones = chart.zones
    for key, x, y, width, height in (
        ("safe-zone", chart.left, chart.top, zones["left_width"], zones["top_height"]),
        ("growing-edge", chart.middle_x, chart.top, zones["right_width"], zones["top_height"]),
        ("closer-look", chart.left, chart.middle_y, zones["left_width"], zones["bottom_height"]),
        (
            "hard-place",
            chart.middle_x,
            chart.middle_y,
            zones["right_width"],
            zones["bottom_height"],
        ),
    ):
        group.add(_filled(x, _flip(h, y + height), width, height, ZONES[key]))
    labels: tuple[tuple[str, float, float, Anchor], ...] = (
        ("Safe zones", chart.left + 8, chart.top + 18, "start"),
        ("Growing edges", chart.right - 8, chart.top + 18, "end"),
        ("Worth a closer look", chart.left + 8, chart.bottom - 8, "start"),
        ("Hard places", chart.right - 8, chart.bottom - 8, "end"),
        ("calmer", chart.left, h - 22, "start"),
        ("more distressing", chart.right, h - 22, "end"),
    )
    for text, x, y, anchor in labels:
        group.add(String(x, _flip(h, y), text, fontName=font, fontSize=11, fillColor=MUTED,
                         textAnchor=anchor))  # fmt: skip
    for spot in chart.spots:
        fill = CALM if spot.kind == "context" else colors.HexColor("#6a5a8c")
        group.add(Circle(spot.x, _flip(h, spot.y), spot.r, fillColor=fill, fillOpacity=0.55,
                         strokeColor=colors.white, strokeWidth=1))  # fmt: skip
        if spot.label is not None:
            group.add(String(spot.label.x, _flip(h, spot.label.y), printer.label(spot.name),
                             fontName=font, fontSize=11, fillColor=INK,
                             textAnchor=spot.label.anchor))  # fmt: skip
    group.scale(scale, scale)
    drawing = Drawing(WIDTH, h * scale)
    drawing.add(group)
    return drawing


def _patterns(
    styles: dict[str, ParagraphStyle], printer: Printer, patterns: list[services.Pattern]
) -> list[Flowable]:
    story: list[Flowable] = [Paragraph(SECTIONS["patterns"], styles["h2"])]
    if not patterns:
        return [*story, Paragraph("Nothing stood out in this period.", styles["body"])]
    story.append(
        Paragraph(
            "Computed from their records, to talk about together — never a diagnosis.",
            styles["meta"],
        )
    )
    for pattern in patterns:
        story.append(
            KeepTogether(
                [
                    printer.paragraph(pattern.title, styles["h3"]),
                    printer.paragraph(pattern.body, styles["body"]),
                    printer.paragraph(pattern.prompt, styles["meta"]),
                ]
            )
        )
    return story


def _measures(
    styles: dict[str, ParagraphStyle], printer: Printer, owner: User, period: gathering.Period
) -> list[Flowable]:
    story: list[Flowable] = [Paragraph(SECTIONS["measures"], styles["h2"])]
    shown = False
    for instrument in available(owner).values():
        taken = [
            response
            for response in measures.history(owner, instrument)
            if period.first <= day_of(owner, response.at) <= period.last
        ]
        if not taken:
            continue
        shown = True
        about = (
            instrument.definition.citation
            if instrument.definition
            else "Written by Earned; not a validated questionnaire."
        )
        movement = readings.since_first(instrument, taken, told="report")
        parts = instrument.rules.has_total and bool(instrument.rules.subscales)
        rows = [
            [
                _day(day_of(owner, response.at)),
                readings.score_words(instrument, response, short=True),
                *([readings.parts_words(instrument, response)] if parts else []),
            ]
            for response in taken
        ]
        widths = [36 * mm, 48 * mm, 90 * mm] if parts else [36 * mm, 138 * mm]
        header = ["When", "Score", *(["Its parts"] if parts else [])]
        story += [
            printer.paragraph(instrument.title, styles["h3"]),
            printer.paragraph(about, styles["meta"]),
        ]
        if movement:
            story.append(printer.paragraph(movement.words, styles["reading"]))
        story.append(_table(rows, styles, printer, widths, header))
    if not shown:
        story.append(Paragraph("No questionnaires taken in this period.", styles["body"]))
    else:
        story.append(
            Paragraph(
                "Scores describe their answers on the day, scored as each questionnaire's "
                "authors publish; ranges carry the authors' own names. Never a diagnosis.",
                styles["meta"],
            )
        )
    return story
