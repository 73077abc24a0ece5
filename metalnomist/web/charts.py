"""A series as an SVG line chart, drawn on the server with lxml.

Hand-written rather than pygal because the chart is embedded in the page, and the site's CSP
(no inline style, no inline script) rules out pygal's inline <style> and tooltip script. Every
point is an <a> to its source sentence; the colours live in /static/style.css under `.chart`.
The chart is a picture of the data table printed beside it, which carries the same figures.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree
from markupsafe import Markup

from metalnomist.analysis import Series, SeriesPoint, format_number, format_quantity, period_short, period_text

SVG_NS = "http://www.w3.org/2000/svg"
WIDTH, HEIGHT = 640, 340
LEFT, RIGHT, TOP, BOTTOM = 86, 24, 46, 62  # room for tick labels and the axis titles


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


def _x_positions(points: tuple[SeriesPoint, ...]) -> list[float]:
    """Proportional to time when every period is understood alike; evenly spaced otherwise."""
    spans = [p.span for p in points]
    plot = WIDTH - LEFT - RIGHT
    if len(points) == 1:
        return [LEFT + plot / 2]
    if all(spans) and len({s.year_known for s in spans if s}) == 1:
        middles = [s.middle for s in spans if s]
        lo, hi = min(middles), max(middles)
        if hi > lo:
            pad = (hi - lo) * 0.06
            return [LEFT + plot * (m - lo + pad) / (hi - lo + 2 * pad) for m in middles]
    step = plot / len(points)
    return [LEFT + step * (i + 0.5) for i in range(len(points))]


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


def _y_axis(svg: etree._Element, scale: Scale, y: Callable[[float], float], series: Series) -> None:
    group = _el(svg, "g", class_="axis axis-y")
    for tick in scale.ticks:
        pos = y(tick)
        _el(group, "line", class_="grid", x1=LEFT, x2=WIDTH - RIGHT, y1=f"{pos:.1f}", y2=f"{pos:.1f}")
        _el(group, "text", format_number(tick), x=LEFT - 8, y=f"{pos + 4:.1f}", text_anchor="end")
    middle = TOP + (HEIGHT - TOP - BOTTOM) / 2
    _el(group, "text", axis_title(series), class_="axis-title", x=18, y=middle, text_anchor="middle",
        transform=f"rotate(-90 18 {middle})")


def _x_axis(svg: etree._Element, points: tuple[SeriesPoint, ...], xs: list[float]) -> None:
    group = _el(svg, "g", class_="axis axis-x")
    base = HEIGHT - BOTTOM
    _el(group, "line", class_="baseline", x1=LEFT, x2=WIDTH - RIGHT, y1=base, y2=base)
    shown: set[str] = set()
    for point, x in zip(points, xs, strict=True):
        if point.period in shown:
            continue
        shown.add(point.period)
        _el(group, "text", period_short(point.period), x=f"{x:.1f}", y=base + 20, text_anchor="middle")
    unstated = points and all(p.span is not None and not p.span.year_known for p in points)
    title = "Month (year not stated)" if unstated else "Period"
    _el(group, "text", title, class_="axis-title", x=LEFT + (WIDTH - LEFT - RIGHT) / 2, y=HEIGHT - 14,
        text_anchor="middle")


def _describe(series: Series) -> str:
    points = series.points
    if not points:
        return "No dated figures."
    listed = "; ".join(f"{period_text(p.period)}: {format_quantity(p.value, p.unit)}" for p in points)
    return f"{len(points)} points in period order. {listed}. Each point links to the sentence it comes from."


def _points(svg: etree._Element, series: Series, xs: list[float], y: Callable[[float], float]) -> None:
    ys = [y(p.value) for p in series.points]
    if len(xs) > 1:
        _el(svg, "polyline", class_="series-line", points=" ".join(f"{a:.1f},{b:.1f}" for a, b in zip(xs, ys,
                                                                                                     strict=True)))
    group = _el(svg, "g", class_="points")
    for point, x, pos in zip(series.points, xs, ys, strict=True):
        label = f"{format_quantity(point.value, point.unit)}, {period_text(point.period)} — {point.post_title}"
        link = _el(group, "a", href=point.href, class_="point-link")
        _el(link, "title", label)
        # a target as large as a fingertip over the point and its label, since both are small
        _el(link, "rect", class_="hit", x=f"{x - 22:.1f}", y=f"{pos - 28:.1f}", width=44, height=38, rx=6)
        _el(link, "circle", class_="point forecast" if point.forecast else "point", cx=f"{x:.1f}", cy=f"{pos:.1f}",
            r=6)
        _el(link, "text", format_number(point.value), class_="point-label", x=f"{x:.1f}", y=f"{pos - 12:.1f}",
            text_anchor="middle")


def line_chart(series: Series, chart_id: str = "chart") -> Markup:
    """The chart as an <svg> element to embed in the page (so its links work, unlike in an <img>).

    Markup is safe here because lxml escapes every text and attribute it serialises.
    """
    svg = etree.Element(f"{{{SVG_NS}}}svg", nsmap={None: SVG_NS},
                        attrib={"viewBox": f"0 0 {WIDTH} {HEIGHT}", "class": "chart", "id": chart_id,
                                "aria-labelledby": f"{chart_id}-title {chart_id}-desc"})
    _el(svg, "title", f"{series.key.title} ({series.key.unit or 'no unit'})", id=f"{chart_id}-title")
    _el(svg, "desc", _describe(series), id=f"{chart_id}-desc")
    _el(svg, "text", series.key.title, class_="chart-title", x=LEFT, y=24)
    values = [p.value for p in series.points] or [0.0]
    scale = nice_scale(values)

    def y(value: float) -> float:
        return TOP + (HEIGHT - TOP - BOTTOM) * (scale.high - value) / (scale.high - scale.low)

    _y_axis(svg, scale, y, series)
    xs = _x_positions(series.points)
    _x_axis(svg, series.points, xs)
    _points(svg, series, xs, y)
    return Markup(etree.tostring(svg, encoding="unicode"))
