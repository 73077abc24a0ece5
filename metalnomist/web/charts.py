"""A series as an SVG line chart, drawn on the server with lxml.

Hand-written rather than pygal because the chart is embedded in the page, and the site's CSP
(no inline style, no inline script) rules out pygal's inline <style> and tooltip script. Every
point is an <a> to its source sentence; the colours live in /static/style.css under `.chart`.
The chart is a picture of the data table printed beside it, which carries the same figures.

An SVG scales its text with its width, so one drawing cannot stay legible from a laptop to a
phone: the page carries a wide and a narrow drawing, and the stylesheet shows the one that fits
(each at a width where its 12-unit text renders at 11 px or more).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree
from markupsafe import Markup

from metalnomist.analysis.figures import format_number, format_quantity
from metalnomist.analysis.periods import period_short, period_text
from metalnomist.analysis.series import Series, SeriesPoint

SVG_NS = "http://www.w3.org/2000/svg"
CHAR_WIDTH = 7.5  # a generous average advance of a 12-unit digit or letter, to keep labels apart


@dataclass(frozen=True)
class Frame:
    """The drawing's size and its margins, which leave room for tick labels and the axis titles."""

    name: str
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    title_x: int


WIDE = Frame("wide", 640, 340, 86, 24, 46, 62, title_x=86)
NARROW = Frame("narrow", 360, 300, 70, 14, 46, 58, title_x=4)


@dataclass(frozen=True)
class Scale:
    low: float
    high: float
    ticks: tuple[float, ...]


def nice_scale(values: list[float], count: int = 5) -> Scale:
    """Round ticks (1, 2 or 5 × 10^k) covering the values, from zero when all are on one side of it."""
    low, high = min(min(values), 0.0), max(max(values), 0.0)
    if low == high:
        high = low + 1
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    first, last = math.floor(low / step) * step, math.ceil(high / step) * step
    ticks = tuple(first + i * step for i in range(round((last - first) / step) + 1))
    return Scale(first, last, ticks)


def _x_positions(points: tuple[SeriesPoint, ...], frame: Frame) -> list[float]:
    """Proportional to time when every period is understood alike; evenly spaced otherwise."""
    spans = [p.span for p in points]
    left, plot = frame.left, frame.width - frame.left - frame.right
    if len(points) == 1:
        return [left + plot / 2]
    if all(spans) and len({s.year_known for s in spans if s}) == 1:
        middles = [s.middle for s in spans if s]
        lo, hi = min(middles), max(middles)
        if hi > lo:
            pad = (hi - lo) * 0.06
            return [left + plot * (m - lo + pad) / (hi - lo + 2 * pad) for m in middles]
    step = plot / len(points)
    return [left + step * (i + 0.5) for i in range(len(points))]


def room_for(labels: list[str], xs: list[float]) -> list[bool]:
    """Which labels to print: each one only where it clears the last one printed, so none overlap."""
    shown: list[bool] = []
    last_right = -math.inf
    for label, x in zip(labels, xs, strict=True):
        half = len(label) * CHAR_WIDTH / 2
        fits = x - half >= last_right + 4
        shown.append(fits)
        if fits:
            last_right = x + half
    return shown


def _el(parent: etree._Element, tag: str, text: str | None = None, **attrs: str | float) -> etree._Element:
    node = etree.SubElement(parent, f"{{{SVG_NS}}}{tag}", {k.rstrip("_").replace("_", "-"): str(v)
                                                            for k, v in attrs.items()})
    if text is not None:
        node.text = text
    return node


def axis_title(series: Series) -> str:
    """The value axis: the metric and its unit, e.g. `Sales (units)`."""
    metric = series.key.metric.replace("_", " ").capitalize()
    return f"{metric} ({series.key.unit})" if series.key.unit else metric


def _y_axis(svg: etree._Element, scale: Scale, y: Callable[[float], float], series: Series, frame: Frame) -> None:
    group = _el(svg, "g", class_="axis axis-y")
    for tick in scale.ticks:
        pos = y(tick)
        _el(group, "line", class_="grid", x1=frame.left, x2=frame.width - frame.right, y1=f"{pos:.1f}",
            y2=f"{pos:.1f}")
        _el(group, "text", format_number(tick), x=frame.left - 8, y=f"{pos + 4:.1f}", text_anchor="end")
    middle = frame.top + (frame.height - frame.top - frame.bottom) / 2
    _el(group, "text", axis_title(series), class_="axis-title", x=18, y=middle, text_anchor="middle",
        transform=f"rotate(-90 18 {middle})")


def _x_axis(svg: etree._Element, points: tuple[SeriesPoint, ...], xs: list[float], frame: Frame) -> None:
    group = _el(svg, "g", class_="axis axis-x")
    base = frame.height - frame.bottom
    _el(group, "line", class_="baseline", x1=frame.left, x2=frame.width - frame.right, y1=base, y2=base)
    first_of_period = [i for i, p in enumerate(points) if p.period not in {q.period for q in points[:i]}]
    labels = [period_short(points[i].period) for i in first_of_period]
    for label, i, fits in zip(labels, first_of_period, room_for(labels, [xs[i] for i in first_of_period]),
                              strict=True):
        if fits:
            _el(group, "text", label, x=f"{xs[i]:.1f}", y=base + 20, text_anchor="middle")
    unstated = points and all(p.span is not None and not p.span.year_known for p in points)
    title = "Month (year not stated)" if unstated else "Period"
    _el(group, "text", title, class_="axis-title", x=frame.left + (frame.width - frame.left - frame.right) / 2,
        y=frame.height - 14, text_anchor="middle")


def _describe(series: Series) -> str:
    points = series.points
    if not points:
        return "No dated figures."
    listed = "; ".join(f"{period_text(p.period)}: {format_quantity(p.value, p.unit)}"
                       + (f" to {format_quantity(p.high.value, p.unit)}" if p.high else "") for p in points)
    return f"{len(points)} points in period order. {listed}. Each point links to the sentence it comes from."


def _points(svg: etree._Element, series: Series, xs: list[float], y: Callable[[float], float]) -> None:
    ys = [y(p.value) for p in series.points]
    if len(xs) > 1:
        _el(svg, "polyline", class_="series-line", points=" ".join(f"{a:.1f},{b:.1f}" for a, b in zip(xs, ys,
                                                                                                     strict=True)))
    group = _el(svg, "g", class_="points")
    labels = [format_number(p.value) for p in series.points]
    for point, x, pos, fits in zip(series.points, xs, ys, room_for(labels, xs), strict=True):
        label = f"{format_quantity(point.value, point.unit)}, {period_text(point.period)} — {point.post_title}"
        if point.high:  # the period's reports differ: a bar up to the highest, itself a link to its sentence
            high = _el(group, "a", href=point.high.href, class_="range-link")
            _el(high, "title", f"{format_quantity(point.high.value, point.unit)}, {period_text(point.period)} — "
                               f"{point.high.post_title}")
            _el(high, "line", class_="range", x1=f"{x:.1f}", x2=f"{x:.1f}", y1=f"{pos:.1f}",
                y2=f"{y(point.high.value):.1f}")
        link = _el(group, "a", href=point.href, class_="point-link")
        _el(link, "title", label)
        # a target as large as a fingertip over the point and its label, since both are small
        _el(link, "rect", class_="hit", x=f"{x - 22:.1f}", y=f"{pos - 28:.1f}", width=44, height=38, rx=6)
        _el(link, "circle", class_="point forecast" if point.forecast else "point", cx=f"{x:.1f}", cy=f"{pos:.1f}",
            r=6)
        if fits:
            _el(link, "text", format_number(point.value), class_="point-label", x=f"{x:.1f}", y=f"{pos - 12:.1f}",
                text_anchor="middle")


def line_chart(series: Series, chart_id: str = "chart", frame: Frame = WIDE) -> Markup:
    """The chart as an <svg> element to embed in the page (so its links work, unlike in an <img>).

    Markup is safe here because lxml escapes every text and attribute it serialises.
    """
    svg = etree.Element(f"{{{SVG_NS}}}svg", nsmap={None: SVG_NS},
                        attrib={"viewBox": f"0 0 {frame.width} {frame.height}", "class": f"chart chart-{frame.name}",
                                "id": chart_id,
                                "aria-labelledby": f"{chart_id}-title {chart_id}-desc"})
    _el(svg, "title", f"{series.key.title} ({series.key.unit or 'no unit'})", id=f"{chart_id}-title")
    _el(svg, "desc", _describe(series), id=f"{chart_id}-desc")
    _el(svg, "text", series.key.title, class_="chart-title", x=frame.title_x, y=24)
    values = [v for p in series.points for v in (p.value, p.high.value if p.high else p.value)] or [0.0]
    scale = nice_scale(values)

    def y(value: float) -> float:
        return frame.top + (frame.height - frame.top - frame.bottom) * (scale.high - value) / (scale.high - scale.low)

    _y_axis(svg, scale, y, series, frame)
    xs = _x_positions(series.points, frame)
    _x_axis(svg, series.points, xs, frame)
    _points(svg, series, xs, y)
    return Markup(etree.tostring(svg, encoding="unicode"))
