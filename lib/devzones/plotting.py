"""Charts for the reports, drawn with the CJK font that ships on PyPI (noto-cjk-sans-otc), so
Chinese labels render on any machine without system fonts or missing-glyph boxes. Each function
takes a report view (a DataFrame from ``devzones.views``) and returns a matplotlib ``Figure``
built without pyplot's global state (or None when there is nothing to draw); ``png`` renders it
to deterministic PNG bytes for the notebook and the output folder.
"""

from __future__ import annotations

import io
import textwrap
from functools import cache

import matplotlib
import noto_cjk_sans_otc
import pandas as pd
from matplotlib import ticker
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.font_manager import fontManager

FONT_FAMILY = "Noto Sans CJK SC"  # the collection covers Traditional forms too
DPI = 100


@cache
def register_cjk_font() -> str:
    """Add the pip-installed CJK font to matplotlib (once) and return its family name."""
    fontManager.addfont(str(noto_cjk_sans_otc.FONT_PATH))
    return FONT_FAMILY


def style() -> dict[str, object]:
    """rcParams for every chart: the CJK font first, and an ASCII minus sign (the CJK font has
    no U+2212)."""
    return {
        "font.family": [register_cjk_font(), "DejaVu Sans"],
        "axes.unicode_minus": False,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "figure.dpi": DPI,
    }


def png(fig: Figure) -> bytes:
    """The figure as PNG bytes, without the software version stamp (same input, same bytes).
    The tight bounding box takes in labels that stick out of the figure, so one-axes charts
    need no layout engine (which would lay their text out a second time: half a chart's time);
    only the many-axes flow chart keeps one."""
    buf = io.BytesIO()
    with matplotlib.rc_context(style()):
        fig.savefig(buf, format="png", dpi=DPI, bbox_inches="tight", metadata={"Software": None})
    return buf.getvalue()


def _height(rows: int, per_row: float = 0.32, base: float = 1.2) -> float:
    return base + per_row * max(rows, 1)


def barh(view: pd.DataFrame, label: str, value: str, title: str) -> Figure | None:
    """Horizontal bars of ``view[value]`` per ``view[label]``, largest at the top."""
    if view.empty or value not in view.columns:
        return None
    values = view.set_index(label)[value]
    values = values[values > 0]
    if values.empty:
        return None
    values = values.sort_values(kind="stable")
    with matplotlib.rc_context(style()):
        fig = Figure(figsize=(8, _height(len(values))))
        ax = fig.add_subplot()
        ax.barh([str(i) for i in values.index], values.to_numpy(), color="#3b6ea5")
        ax.bar_label(ax.containers[0], fmt="%g", padding=3, fontsize=8)
        ax.set_title(title)
        ax.set_xlabel(value)
    return fig


def stacked_barh(
    view: pd.DataFrame, label: str, title: str, xlabel: str, skip: tuple[str, ...] = ()
) -> Figure | None:
    """Horizontal stacked bars: one bar per ``view[label]``, one segment per other numeric
    column (except ``skip``, e.g. a total)."""
    table = view.set_index(label).drop(columns=list(skip)).select_dtypes("number")
    table = table.loc[:, (table > 0).any()]
    if table.empty:
        return None
    table = table.iloc[::-1]
    with matplotlib.rc_context(style()):
        fig = Figure(figsize=(8, _height(len(table))))
        ax = fig.add_subplot()
        left = pd.Series(0.0, index=table.index)
        labels = [str(i) for i in table.index]
        for name in table.columns:
            ax.barh(labels, table[name].to_numpy(), left=left.to_numpy(), label=str(name))
            left += table[name]
        ax.set_title(title)
        ax.set_xlabel(xlabel)
        ax.legend(loc="lower right", fontsize=8)
    return fig


def heatmap(view: pd.DataFrame, label: str, title: str) -> Figure | None:
    """Cells shaded by count: one row per ``view[label]``, one column per other column."""
    matrix = view.set_index(label).select_dtypes("number")
    if matrix.empty or matrix.shape[1] == 0:
        return None
    # the column labels stand at 60 degrees: leave them room below the cells
    longest = max(len(str(c)) for c in matrix.columns)
    with matplotlib.rc_context(style()):
        fig = Figure(
            figsize=(max(4, 1 + 0.45 * matrix.shape[1]), 1.2 + 0.35 * len(matrix) + 0.13 * longest)
        )
        ax = fig.add_subplot()
        ax.imshow(matrix.to_numpy(dtype=float), cmap="Blues", aspect="auto", vmin=0)
        ax.set_xticks(
            range(matrix.shape[1]), [str(c) for c in matrix.columns], rotation=60, ha="right"
        )
        ax.set_yticks(range(len(matrix)), [str(i) for i in matrix.index])
        ax.set_title(title)
    return fig


def _wrap(label: str, width: int = 6) -> str:
    return "\n".join(textwrap.wrap(label, width)) or label


def _draw_flow(ax: Axes, stages: list[str]) -> None:
    """Stages as boxes in one row, each joined to the next by an arrow from edge to edge."""
    ax.set_xlim(-0.5, len(stages) - 0.5)
    ax.set_ylim(-0.5, 0.5)
    ax.axis("off")
    # hidden axes are not even laid out: placing the title would otherwise lay out the tick
    # labels of an axis never drawn, a quarter of the chart's time (the image is the same)
    ax.xaxis.set_visible(False)
    ax.yaxis.set_visible(False)
    box = {"boxstyle": "round,pad=0.4", "facecolor": "#e8f0f8", "edgecolor": "#3b6ea5"}
    texts = [
        ax.text(x, 0, _wrap(stage), ha="center", va="center", fontsize=9, bbox=box)
        for x, stage in enumerate(stages)
    ]
    for left, right in zip(texts, texts[1:], strict=False):
        ax.annotate(
            "",
            xy=(0, 0.5),
            xycoords=right,
            xytext=(1, 0.5),
            textcoords=left,
            arrowprops={"arrowstyle": "-|>", "color": "#555555", "shrinkA": 6, "shrinkB": 6},
        )


def chain_flows(staged: pd.DataFrame) -> Figure | None:
    """Every staged chain as a flow of its stages (``stages`` joined by " → "), one row each."""
    if staged.empty:
        return None
    flows = [
        (str(c), str(s).split(" → "))
        for c, s in zip(staged["chain"], staged["stages"], strict=True)
    ]
    width = max(9.0, 1.5 * max(len(stages) for _, stages in flows))
    with matplotlib.rc_context(style()):
        fig = Figure(figsize=(width, 1.1 * len(flows) + 0.3), layout="constrained")
        axes = fig.subplots(len(flows), 1, squeeze=False)[:, 0]
        for ax, (chain, stages) in zip(axes, flows, strict=True):
            _draw_flow(ax, stages)
            ax.set_title(chain, loc="left", fontsize=11)
    return fig


def timeline(events: pd.DataFrame) -> Figure | None:
    """Dated investment events: one dot per fact at its date and amount (log scale), coloured by
    measure. The amount column is the one whose label starts with "amount" (its unit may be
    written in either script)."""
    amount = next((c for c in events.columns if str(c).startswith("amount")), None)
    if amount is None:
        return None
    events = events[(events["date"] != "") & (events[amount] > 0)]
    if events.empty:
        return None
    dates = pd.to_datetime(events["date"], errors="coerce")
    with matplotlib.rc_context(style()):
        fig = Figure(figsize=(9, 4))
        ax = fig.add_subplot()
        for measure in sorted(set(events["measure"])):
            pick = (events["measure"] == measure).to_numpy()
            ax.scatter(dates[pick], events.loc[pick, amount], label=str(measure), alpha=0.8)
        ax.set_yscale("log")
        # plain numbers (100, not 10²): easier to read, and no mathtext to typeset
        ax.yaxis.set_major_formatter(ticker.FuncFormatter(lambda v, _: f"{v:,.12g}"))
        ax.yaxis.set_minor_formatter(ticker.LogFormatter(labelOnlyBase=False))
        ax.set_ylabel(str(amount))
        ax.legend(fontsize=8)
        fig.autofmt_xdate()
    return fig
