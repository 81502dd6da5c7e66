"""Figures, written reproducibly (fixed metadata, bundled fonts) as PDF and PNG; each stage draws its own
(`<stage>/figures.py`) and hands them to `write_figures`.

Colours are Okabe-Ito (colour-blind safe), and every series also differs in line style or marker,
so the figures read in grayscale."""

from __future__ import annotations

import functools
import io
import logging
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

OKABE_ITO = {"blue": "#0072B2", "orange": "#E69F00", "green": "#009E73", "vermillion": "#D55E00",
             "purple": "#CC79A7", "grey": "#666666", "sky": "#56B4E9"}
logging.getLogger("fontTools").setLevel(logging.ERROR)  # font subsetting chatter on every PDF
plt.rcParams.update({"svg.hashsalt": "talking-to-the-enemy", "font.family": "DejaVu Sans", "font.size": 9,
                     "pdf.fonttype": 3, "axes.spines.top": False, "axes.spines.right": False})


def figure_bytes(fig) -> dict[str, bytes]:
    """PDF and PNG (150 dpi) cropped to one tight bounding box, laid out once for both formats
    (savefig's bbox_inches="tight" would lay the figure out again for each)."""
    fig.set_dpi(150)
    fig.draw_without_rendering()
    bbox = fig.get_tightbbox().padded(plt.rcParams["savefig.pad_inches"])
    out = {}
    for fmt, options in (("pdf", {"metadata": {"CreationDate": None, "Creator": None, "Producer": None}}),
                         # zlib level 1: a third faster than the default 6, files 1% larger
                         ("png", {"metadata": {"Software": None}, "pil_kwargs": {"compress_level": 1}})):
        buf = io.BytesIO()
        fig.savefig(buf, format=fmt, dpi=150, bbox_inches=bbox, **options)
        out[fmt] = buf.getvalue()
    plt.close(fig)
    return out


@functools.cache
def _warm_up() -> None:
    """Render a tiny figure once (backends, fonts, the mathtext parser), so forked renders share it."""
    fig, ax = plt.subplots(figsize=(1, 1))
    ax.set_title("$x_A$")
    figure_bytes(fig)


def write_figures(figs: dict, fig_dir: Path) -> dict[Path, bytes]:
    """The files of each figure (PDF and PNG). During `all` each figure is rendered in a forked child of its
    own instead (so that the renders spread over the cores) and committed with the run, so this returns
    nothing."""
    from . import offload

    def render(names):
        return {fig_dir / f"{name}.{fmt}": data for name in names for fmt, data in figure_bytes(figs[name]).items()}

    if offload.current is None:
        return render(list(figs))
    _warm_up()
    for name in figs:
        offload.current.render(lambda name=name: render([name]))
    for fig in figs.values():
        plt.close(fig)
    return {}
