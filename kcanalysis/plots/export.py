"""PNG bytes of a figure, identical for identical figures (for embedding in HTML)."""

from __future__ import annotations

import io

import numpy as np
from matplotlib.figure import Figure

#: PNG text chunks: matplotlib writes its version under "Software" by default; none here,
#: so that the bytes depend on the figure alone.
PNG_METADATA: dict[str, str | None] = {"Software": None}

#: Layout passes before the positions are rounded and frozen.
_LAYOUT_PASSES = 2


def figure_to_png_bytes(fig: Figure, dpi: int = 110) -> bytes:
    """Render `fig` as PNG and return the bytes, with no version or time metadata.

    The same figure (and the same matplotlib and font) gives byte-identical output, so
    reports can be compared and cached. Two things would otherwise break that: the PNG
    "Software" text chunk (dropped), and the constrained layout, whose axes positions
    wobble in the last bit from one draw to the next, which moves an edge by a pixel now
    and then. So the layout is run, its positions are rounded (to 1e-9 of the figure) and
    held fixed while the PNG is written, and the figure's layout engine is put back
    afterwards. Nothing global is touched: no pyplot figure is created or closed, and
    `fig` stays usable.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        A figure from one of the ``plot_*`` functions (or any Figure).
    dpi : int, default 110
        Resolution; 110 dpi keeps a 6.5 × 3.6 in figure near 715 × 400 px, sharp on
        screen and small enough for the report's size budget.

    Returns
    -------
    bytes
        The PNG file, white background.
    """
    engine = fig.get_layout_engine()
    old_dpi = fig.dpi
    fig.dpi = dpi
    in_layout = [ax.get_in_layout() for ax in fig.axes]
    try:
        if engine is not None:
            for _ in range(_LAYOUT_PASSES):
                fig.draw_without_rendering()
            bounds = [np.round(ax.get_position().bounds, 9) for ax in fig.axes]
            fig.set_layout_engine("none")
            for ax, box in zip(fig.axes, bounds, strict=True):
                ax.set_position(box)  # both original and active position
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=dpi, facecolor="white", metadata=PNG_METADATA)
    finally:
        fig.dpi = old_dpi
        if engine is not None:
            fig.set_layout_engine(engine)
            for ax, flag in zip(fig.axes, in_layout, strict=True):
                ax.set_in_layout(flag)
    return buffer.getvalue()
