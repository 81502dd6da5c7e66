"""Figures, written reproducibly (fixed metadata, bundled fonts) as PDF and PNG. Each stage has its drawing
functions (`<stage>/figures.py`) and hands `write_figures` one job per figure: the function and the data it
draws. During `all` the jobs are drawn and rendered in helper processes, so that the main process never
imports matplotlib; otherwise they are drawn here.

Colours are Okabe-Ito (colour-blind safe), and every series also differs in line style or marker,
so the figures read in grayscale."""

from __future__ import annotations

import functools
import io
import logging
from pathlib import Path

OKABE_ITO = {"blue": "#0072B2", "orange": "#E69F00", "green": "#009E73", "vermillion": "#D55E00",
             "purple": "#CC79A7", "grey": "#666666", "sky": "#56B4E9"}


@functools.cache
def pyplot():
    """matplotlib.pyplot on the Agg backend with the archive's settings, imported on first use."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    logging.getLogger("fontTools").setLevel(logging.ERROR)  # font subsetting chatter on every PDF
    plt.rcParams.update({"svg.hashsalt": "talking-to-the-enemy", "font.family": "DejaVu Sans", "font.size": 9,
                         "pdf.fonttype": 3, "axes.spines.top": False, "axes.spines.right": False,
                         "axes.titley": 1.0})
    return plt


def subplots(*args, **kwargs):
    """`matplotlib.pyplot.subplots` with the archive's settings: how every drawing function starts."""
    return pyplot().subplots(*args, **kwargs)


DPI = 150
# The PNG is drawn once, on a canvas this many inches wider than the figure on every side, and cropped to
# the tight bounding box found in the same draw; a box that reaches beyond it is drawn again by savefig.
MARGIN_INCHES = 3.0
PDF_METADATA = {"CreationDate": None, "Creator": None, "Producer": None}
PNG_OPTIONS = {"metadata": {"Software": None},
               "pil_kwargs": {"compress_level": 1}}  # zlib level 1: a third faster than 6, files 1% larger


def figure_bytes(fig) -> dict[str, bytes]:
    """PDF and PNG (150 dpi), both cropped to the figure's tight bounding box (padded by savefig.pad_inches).

    One Agg draw serves as the layout pass and as the PNG: the figure is drawn with room around it, its
    tight box measured with the same renderer (whose text layouts are then cached), and the pixels inside
    the box kept. savefig's bbox_inches="tight" would draw once to measure and again to render, for
    each format."""
    import matplotlib.image as mimage
    import numpy as np
    from matplotlib.transforms import Bbox

    plt = pyplot()
    for axis in (a for ax in fig.axes for a in (ax.xaxis, ax.yaxis)):
        if not axis.label.get_text():  # an empty label needs no place: skip matplotlib's scan of the tick labels
            axis.set_label_coords(0, 0)
    fig.set_dpi(DPI)
    w, h = fig.get_size_inches()
    canvas = Bbox.from_extents(-MARGIN_INCHES, -MARGIN_INCHES, w + MARGIN_INCHES, h + MARGIN_INCHES)
    fig.savefig(io.BytesIO(), format="rgba", dpi=DPI, bbox_inches=canvas)  # the draw; its pixels stay below
    renderer = fig.canvas.renderer
    box = fig.get_tightbbox(renderer).padded(plt.rcParams["savefig.pad_inches"])
    png = io.BytesIO()
    if all(canvas.x0 <= x <= canvas.x1 for x in box.intervalx) and all(canvas.y0 <= y <= canvas.y1 for y in box.intervaly):
        pixels = np.asarray(renderer.buffer_rgba())  # rows from the top
        height = pixels.shape[0]
        x0, x1 = int(np.floor((box.x0 - canvas.x0) * DPI)), int(np.ceil((box.x1 - canvas.x0) * DPI))
        y0, y1 = int(np.floor((box.y0 - canvas.y0) * DPI)), int(np.ceil((box.y1 - canvas.y0) * DPI))
        mimage.imsave(png, pixels[max(height - y1, 0):height - y0, x0:x1], format="png", dpi=DPI, **PNG_OPTIONS)
    else:
        fig.savefig(png, format="png", dpi=DPI, bbox_inches=box, **PNG_OPTIONS)
    pdf = io.BytesIO()
    fig.savefig(pdf, format="pdf", dpi=DPI, bbox_inches=box, metadata=PDF_METADATA)
    plt.close(fig)
    return {"pdf": pdf.getvalue(), "png": png.getvalue()}


def warm_up() -> None:
    """Draw and render a tiny figure (backends, fonts, the mathtext parser), so that processes forked
    afterwards to draw figures share all of it."""
    fig, ax = subplots(figsize=(1, 1))
    ax.set_title("$x_A$")
    figure_bytes(fig)


def draw_and_render(fig_dir: Path, jobs: list[tuple]) -> dict[Path, bytes]:
    """The PDF and PNG files of each (name, drawing function, its arguments)."""
    return {fig_dir / f"{name}.{fmt}": data for name, draw, args in jobs
            for fmt, data in figure_bytes(draw(*args)).items()}


def write_figures(jobs: dict[str, tuple], fig_dir: Path) -> dict[Path, bytes]:
    """The files of each figure; `jobs` maps a figure's name to (drawing function, *its arguments).

    During `all` each figure is drawn and rendered in a helper process instead (so that they spread over
    the cores while the stage goes on) and committed with the run, so this returns nothing: the drawing
    functions and their data must then be picklable (module-level functions; tables, arrays, numbers)."""
    from . import offload

    items = [(name, job[0], tuple(job[1:])) for name, job in jobs.items()]
    if offload.current is None:
        return draw_and_render(fig_dir, items)
    for item in items:  # one process each: forked from the small render server, a child costs little
        offload.current.render(functools.partial(draw_and_render, fig_dir, [item]))
    return {}
