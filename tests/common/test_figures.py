"""figure_bytes draws each figure once for the PNG (on a canvas with room around it, cropped to the tight box)
and once for the PDF: both must be the picture savefig gives with bbox_inches="tight"."""

import io
import re

import numpy as np
import pytest
from PIL import Image

from replication.common.figures import DPI, MARGIN_INCHES, PDF_METADATA, PNG_OPTIONS, figure_bytes, subplots


def sample_figure(label_x: float = 0.0):
    fig, ax = subplots(figsize=(4, 3))
    ax.plot([0, 1, 2], [1, 3, 2], marker="o")
    ax.set_title("A title, $x_A$")
    ax.set_ylabel("a label")
    ax.set_yticks([1, 2, 3])
    ax.set_yticklabels(["one", "two", "a long tick label that reaches left of the figure"])
    if label_x:
        ax.annotate("far away", (0, 0), xycoords="figure fraction", xytext=(label_x * 72, 0),
                    textcoords="offset points")
    return fig


def savefig_tight(fig, fmt: str) -> bytes:
    buf = io.BytesIO()
    options = {"metadata": PDF_METADATA} if fmt == "pdf" else PNG_OPTIONS
    fig.savefig(buf, format=fmt, dpi=DPI, bbox_inches="tight", **options)
    return buf.getvalue()


def media_box(pdf: bytes) -> np.ndarray:
    return np.array(re.search(rb"/MediaBox \[ *([-\d. ]+)\]", pdf).group(1).split(), float)


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=float)


def test_the_pdf_is_savefigs_tight_pdf_and_the_png_the_same_picture():
    reference = {fmt: savefig_tight(sample_figure(), fmt) for fmt in ("pdf", "png")}
    ours = figure_bytes(sample_figure())
    # the tight box is measured with the Agg renderer at 150 dpi (savefig measures a PDF with the PDF
    # renderer, whose text extents differ slightly): the pages agree to within 2 points
    np.testing.assert_allclose(media_box(ours["pdf"]), media_box(reference["pdf"]), atol=2)
    a, b = pixels(ours["png"]), pixels(reference["png"])
    # the crop takes whole pixels (a box edge rounded outwards), where savefig shifts the figure by a
    # fraction of one: the sizes differ by at most two pixels, and the pictures, best aligned, only at
    # antialiased edges
    assert abs(a.shape[0] - b.shape[0]) <= 2 and abs(a.shape[1] - b.shape[1]) <= 2
    h, w = min(a.shape[0], b.shape[0]) - 2, min(a.shape[1], b.shape[1]) - 2
    best = min(np.abs(a[i:i + h, j:j + w] - b[k:k + h, m:m + w]).mean()
               for i in range(3) for j in range(3) for k in range(3) for m in range(3))
    assert best < 3
    assert Image.open(io.BytesIO(ours["png"])).info["dpi"] == pytest.approx((DPI, DPI), abs=0.1)


def test_a_figure_reaching_beyond_the_margin_is_drawn_again_by_savefig():
    far = -(MARGIN_INCHES + 1)  # inches left of the figure: outside the canvas of the first draw
    ours = figure_bytes(sample_figure(far))
    reference = savefig_tight(sample_figure(far), "png")
    assert ours["png"] == reference
    assert pixels(ours["png"]).shape[1] > (MARGIN_INCHES + 1 + 3) * DPI  # the far label is in the picture


def test_figures_are_reproducible():
    assert figure_bytes(sample_figure()) == figure_bytes(sample_figure())
