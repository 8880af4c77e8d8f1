"""Reports of a ``compare`` run: one self-contained HTML page to look at, and JUnit XML for CI systems.

The page has the summary on top, then every failing pair: golden | new | a heatmap of |a - b|
(the largest difference over the channels of each pixel, with its scale), the numbers (pixels
and share of samples that differ, max |a-b|, PSNR, the changed region), and in words what
cannot be compared (another shape, dtype or mode; a missing or unreadable file). Images are
embedded (PNG, base64), so the page is one file that can be mailed or archived.
"""

from __future__ import annotations

import base64
import datetime
import html
import io
import math
import os
from typing import Any, Dict, List, Optional, Sequence
from xml.sax.saxutils import quoteattr

import numpy as np
from PIL import Image

from ..pipeline._io import write_bytes
from ._compare import Comparison, Tolerance, read_for_comparison

#: Shown images fit in this many pixels (larger ones are shrunk, small ones enlarged, pixelated).
_SHOWN = 320
#: The heatmap's colours from 0 to the largest difference (black, purple, red, orange, yellow, white).
_RAMP = np.array([(0, 0, 0), (87, 16, 110), (188, 55, 84), (249, 142, 9), (252, 255, 164), (255, 255, 255)],
                 dtype=np.float64)


def _png(pixels: np.ndarray) -> str:
    """A data URI of an (h, w) or (h, w, 3/4) uint8 array."""
    buffer = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(pixels)).save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _viewable(path: str) -> Optional[np.ndarray]:
    """The file as 8-bit pixels for the eye (palette and 16-bit images converted); None if unreadable."""
    try:
        if not path.lower().endswith(".npy"):
            with Image.open(path) as image:
                if image.mode in ("1", "L", "P", "RGB", "RGBA", "LA", "PA"):
                    return np.asarray(image.convert("RGBA" if "A" in image.mode or "transparency" in image.info
                                                    else "RGB"))
        samples, _ = read_for_comparison(path)
    except (OSError, ValueError):
        return None
    samples = samples.astype(np.float64)
    if samples.ndim == 3 and samples.shape[-1] not in (3, 4):
        samples = samples[..., 0]
    finite = np.isfinite(samples)
    low, high = (samples[finite].min(), samples[finite].max()) if finite.any() else (0.0, 0.0)
    return np.where(finite, (samples - low) / ((high - low) or 1.0) * 255.0, 0).astype(np.uint8)


#: Where on the ramp the smallest difference starts: a pixel that changed at all stays visible.
_FIRST_VISIBLE = 0.2


def heatmap(difference: np.ndarray) -> np.ndarray:
    """|a - b| per pixel (2-D, float) as RGB through ``_RAMP``: 0 black, any difference at least dark purple
    (linear from there), the largest white. Infinite differences (NaN against a number) count as the largest."""
    top = float(difference[np.isfinite(difference)].max()) if np.isfinite(difference).any() else 0.0
    position = np.clip(np.where(np.isfinite(difference), difference, top) / (top or 1.0), 0, 1)
    position = np.where(difference > 0, _FIRST_VISIBLE + (1 - _FIRST_VISIBLE) * position, 0.0)
    scaled = position * (len(_RAMP) - 1)
    lower = np.minimum(scaled.astype(int), len(_RAMP) - 2)
    fraction = (scaled - lower)[..., np.newaxis]
    return (_RAMP[lower] * (1 - fraction) + _RAMP[lower + 1] * fraction).round().astype(np.uint8)


def _difference(path_a: str, path_b: str) -> Optional[np.ndarray]:
    try:
        a, _ = read_for_comparison(path_a)
        b, _ = read_for_comparison(path_b)
    except (OSError, ValueError):
        return None
    if a.shape != b.shape or a.ndim == 0:
        return None
    with np.errstate(invalid="ignore"):
        difference = np.abs(a.astype(np.float64) - b.astype(np.float64))
    difference[(a == b) | (np.isnan(a.astype(np.float64)) & np.isnan(b.astype(np.float64)))] = 0.0
    difference[np.isnan(difference)] = np.inf
    if difference.ndim == 1:
        difference = difference[np.newaxis]
    return difference.max(axis=2) if difference.ndim == 3 else difference


def _figure(caption: str, pixels: Optional[np.ndarray], scale: float, note: str = "") -> str:
    """One image, drawn ``scale`` times its size (the same scale for every image of a pair)."""
    if pixels is None:
        return '<figure><div class="none">%s</div><figcaption>%s</figcaption></figure>' % (
            html.escape(note or "nothing to show"), html.escape(caption))
    height, width = pixels.shape[:2]
    return '<figure><img alt="%s" src="%s" width="%d" height="%d"><figcaption>%s</figcaption></figure>' % (
        html.escape(caption), _png(pixels), max(1, round(width * scale)), max(1, round(height * scale)),
        html.escape(caption))


def _scale(top: float) -> str:
    bar = heatmap(np.tile(np.linspace(0, top or 1.0, 256), (12, 1)))
    return ('<div class="scale"><span>0</span><img alt="scale" src="%s" width="256" height="12"><span>%s</span>'
            '<span class="unit">|a&minus;b| per pixel (largest over channels; any change at least dark '
            'purple)</span></div>' % (_png(bar), html.escape(_number(top))))


def _number(value: float) -> str:
    return "inf" if math.isinf(value) else ("%d" % value if value == int(value) else "%.4g" % value)


def _explain(result: Comparison) -> str:
    """The difference in words, for what cannot be shown as a heatmap."""
    if result.error:
        return result.problem
    if result.problem.startswith("shape"):
        (shape_a, shape_b), (dtype_a, dtype_b) = result.shape, result.dtype
        return ("The image changed size: the golden one is %s (%s, mode %s), the new one %s (%s, mode %s); samples "
                "cannot be compared position by position." % (
                    " x ".join(map(str, shape_a)), dtype_a, result.mode[0] or "-", " x ".join(map(str, shape_b)),
                    dtype_b, result.mode[1] or "-"))
    words = []
    if "dtype" in result.mismatches:
        words.append("the samples changed type (%s, now %s)" % result.dtype)
    if "mode" in result.mismatches:
        words.append("the image mode changed (%s, now %s)" % result.mode)
    if words:
        return "Same size, but " + " and ".join(words) + ": a different file even where the numbers agree."
    return result.problem


def _pair_section(result: Comparison, golden_dir: str) -> str:
    name = os.path.relpath(result.a, golden_dir) if golden_dir else os.path.basename(result.a)
    status = result.status
    rows = []
    if result.differing_pixels:
        top, left, bottom, right = result.bounding_box or (0, 0, 0, 0)
        rows = [("pixels that differ", "%d of %d" % (result.differing_pixels, result.total_pixels)),
                ("share of samples that differ", "%.4g%%" % (100.0 * result.share)),
                ("max |a-b|", _number(result.max_abs_difference)),
                ("PSNR", "%.2f dB" % result.psnr if math.isfinite(result.psnr) else "inf"),
                ("changed region", "rows %d..%d, columns %d..%d" % (top, bottom, left, right))]
    explanation = _explain(result) if (result.problem or result.mismatches) else ""
    figures = []
    golden, new = (None, None) if result.error else (_viewable(result.a), _viewable(result.b))
    if golden is not None or new is not None:
        sizes = [pixels.shape[:2] for pixels in (golden, new) if pixels is not None]
        scale = _SHOWN / max(max(size) for size in sizes)
        figures.append(_figure("golden: " + result.a, golden, scale, "cannot be shown"))
        figures.append(_figure("new: " + result.b, new, scale, "cannot be shown"))
        difference = _difference(result.a, result.b) if result.differing_pixels else None
        if difference is not None:
            top_value = float(difference[np.isfinite(difference)].max()) if np.isfinite(difference).any() else 0.0
            figures.append(_figure("difference heatmap", heatmap(difference), scale) + _scale(top_value))
        elif not result.problem:
            figures.append(_figure("difference", None, scale, "no sample differs beyond the tolerance"))
    table = "".join("<tr><th>%s</th><td>%s</td></tr>" % (html.escape(k), html.escape(v)) for k, v in rows)
    return ('<section class="pair %s"><h2><span class="badge">%s</span> %s</h2>%s%s<div class="figures">%s</div>'
            '</section>' % (status, status.upper(), html.escape(name),
                            '<p class="words">%s</p>' % html.escape(explanation) if explanation else "",
                            '<table>%s</table>' % table if table else "", "".join(figures)))


_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em; color: #222; background: #fafafa; }
h1 { margin-bottom: 0.2em; } .summary { font-size: 1.2em; margin: 0.5em 0 1.5em; }
.ok { color: #1a7f37; } .bad { color: #b3261e; }
section.pair { background: white; border: 1px solid #ddd; border-left: 6px solid #b3261e; margin: 1em 0;
               padding: 0.5em 1em 1em; }
section.error { border-left-color: #7a1fa2; }
.badge { font-size: 0.7em; padding: 0.1em 0.5em; border-radius: 0.3em; background: #b3261e; color: white; }
section.error .badge { background: #7a1fa2; }
.figures { display: flex; flex-wrap: wrap; gap: 1em; align-items: flex-start; }
figure { margin: 0; } figcaption { font-size: 0.8em; color: #555; max-width: 320px; overflow-wrap: anywhere; }
img { image-rendering: pixelated; border: 1px solid #ccc; background: repeating-conic-gradient(#eee 0 25%, #fff 0 50%)
      0 0 / 16px 16px; }
.none { width: 320px; height: 80px; display: flex; align-items: center; justify-content: center; color: #777;
        border: 1px dashed #bbb; }
.scale { display: flex; align-items: center; gap: 0.5em; font-size: 0.8em; margin-top: 0.5em; }
.scale img { border: none; } .unit { color: #555; }
table { border-collapse: collapse; margin: 0.5em 0; } th { text-align: left; padding-right: 1em; font-weight: normal;
color: #555; } p.words { font-weight: 600; }
"""


def write_html_report(path: str, dir_a: str, dir_b: str, tolerance: Tolerance, counts: Dict[str, int],
                      failing: Sequence[Comparison], failures_only: bool = False) -> None:
    """Write the page (atomically) for a run whose failing pairs are ``failing`` and totals ``counts``."""
    compared = sum(counts.values())
    golden_dir = dir_a if os.path.isdir(dir_a) else ""
    ordered = sorted(failing, key=lambda result: (result.error, -result.share, result.b))  # differences first
    verdict = ("<span class='ok'>all %d equal</span>" % compared if not failing else
               "<span class='bad'>%d of %d failing</span>: %d different, %d errors; %d equal" % (
                   len(failing), compared, counts["different"], counts["error"], counts["equal"]))
    page = ["<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
            "<title>compare: %s vs %s</title><style>%s</style></head><body>" % (
                html.escape(dir_a), html.escape(dir_b), _STYLE),
            "<h1>scipy-misc-compat compare</h1>",
            "<p>golden: <code>%s</code><br>new: <code>%s</code><br>tolerance: %s<br>%s</p>" % (
                html.escape(dir_a), html.escape(dir_b), html.escape(tolerance.describe() or "exact"),
                datetime.datetime.now().strftime("%Y-%m-%d %H:%M")),
            "<p class='summary'>%s</p>" % verdict]
    page += [_pair_section(result, golden_dir) for result in ordered]
    if counts["equal"] and not failures_only:
        page.append("<p class='ok'>%d equal %s (not shown).</p>" % (counts["equal"], "pair" if counts["equal"] == 1
                                                                         else "pairs"))
    page.append("</body></html>\n")
    write_bytes(path, "\n".join(page).encode("utf-8"))


def write_junit_xml(path: str, pairs: List[Dict[str, Any]], tolerance: Tolerance) -> None:
    """One ``testcase`` per pair: a ``failure`` for a difference, an ``error`` for a missing or unreadable file."""
    failures = sum(pair["status"] == "different" for pair in pairs)
    errors = sum(pair["status"] == "error" for pair in pairs)
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             '<testsuites><testsuite name="scipy-misc-compat compare" tests="%d" failures="%d" errors="%d">' % (
                 len(pairs), failures, errors)]
    for pair in pairs:
        lines.append('<testcase classname="compare" name=%s>' % quoteattr(pair["b"]))
        if pair["status"] != "equal":
            message = pair["problem"] or "%d of %d pixels differ, max |a-b| %s (tolerance: %s)" % (
                pair["differing_pixels"], pair["total_pixels"], pair["max_abs_difference"],
                tolerance.describe() or "exact")
            tag = "error" if pair["status"] == "error" else "failure"
            lines.append("<%s message=%s>%s</%s>" % (tag, quoteattr(message), html.escape(message), tag))
        lines.append("</testcase>")
    lines.append("</testsuite></testsuites>\n")
    write_bytes(path, "\n".join(lines).encode("utf-8"))


__all__ = ["write_html_report", "write_junit_xml", "heatmap"]
