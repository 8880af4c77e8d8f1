"""Files for ``scan`` and ``migrate``: walking directories, encodings, notebooks, diffs.

A notebook's code cells share one namespace (``from scipy import misc`` in one cell,
``misc.imsave`` in a later one), so they are joined into one module with a marker
comment after each cell, analysed and rewritten together, and split again. IPython
lines (``%magic``, ``!shell``) are masked as ``pass`` statements with the line kept in
a comment, and restored afterwards; cells in another language (``%%bash``) are left out.
"""

from __future__ import annotations

import difflib
import io
import json
import os
import tokenize
from dataclasses import dataclass, field
from typing import Iterator, List, Optional, Sequence, Tuple

from ._migrate import Use, analyse_source

_MAGIC_MARK = "pass  # scipy-misc-compat: "
_PYTHON_CELL_MAGICS = ("%%time", "%%timeit", "%%capture", "%%prun")


def mask_magics(source: str) -> Optional[str]:
    """The cell's source with IPython lines masked, or None for a cell in another language."""
    first = source.lstrip().split("\n", 1)[0]
    if first.startswith("%%") and not first.startswith(_PYTHON_CELL_MAGICS):
        return None
    lines = []
    for line in source.split("\n"):
        stripped = line.lstrip()
        if stripped.startswith(("%", "!")):
            line = line[:len(line) - len(stripped)] + _MAGIC_MARK + stripped
        lines.append(line)
    return "\n".join(lines)


def unmask_magics(source: str) -> str:
    return source.replace(_MAGIC_MARK, "")


def unified_diff(old: str, new: str, label: str) -> str:
    label = label.lstrip("/")
    return "".join(difflib.unified_diff(old.splitlines(True), new.splitlines(True), "a/" + label, "b/" + label))


def iter_cells(notebook: dict) -> Iterator[Tuple[int, str]]:
    """(index, source) of each code cell, ``source`` joined as nbformat stores it (a list of lines or a string)."""
    for index, cell in enumerate(notebook.get("cells", [])):
        if cell.get("cell_type") == "code":
            source = cell.get("source", "")
            yield index, "".join(source) if isinstance(source, list) else source


@dataclass
class FileReport:
    """What ``scan``/``migrate`` found in one file (a Python file or a notebook)."""

    path: str
    uses: List[Use] = field(default_factory=list)
    errors: List[str] = field(default_factory=list)  #: syntax errors, each "where: what"; those parts are skipped
    new_bytes: Optional[bytes] = None  #: the migrated file, when ``rewrite`` asked for it and something changed
    diff: str = ""

    @property
    def understood(self) -> bool:
        return all(use.understood for use in self.uses)


_SKIPPED_DIRECTORIES = {"__pycache__", "node_modules", "site-packages"}


def iter_source_files(paths: Sequence[str]) -> Iterator[str]:
    """Python files and notebooks under ``paths`` (files given by name are taken whatever their extension).

    Hidden directories, ``__pycache__``, ``node_modules`` and ``site-packages`` are not entered.
    """
    for path in paths:
        if not os.path.isdir(path):
            yield path
            continue
        for directory, subdirectories, files in os.walk(path):
            subdirectories[:] = sorted(name for name in subdirectories
                                       if not name.startswith(".") and name not in _SKIPPED_DIRECTORIES)
            for name in sorted(files):
                if name.endswith((".py", ".pyw", ".ipynb")):
                    yield os.path.join(directory, name)


def analyse_file(path: str, rewrite: bool = False) -> FileReport:
    """Scan one file (``.ipynb``: every Python code cell); with ``rewrite``, prepare its migrated bytes.

    Raises OSError when the file cannot be read, ValueError (naming it) for a notebook that is not JSON.
    """
    if not os.path.exists(path):
        raise FileNotFoundError("no such file or directory")
    with open(path, "rb") as handle:
        data = handle.read()
    if path.endswith(".ipynb"):
        return _analyse_notebook(path, data, rewrite)
    encoding = tokenize.detect_encoding(io.BytesIO(data).readline)[0]
    source = data.decode(encoding)
    report = analyse_source(source, path, rewrite=rewrite)
    result = FileReport(path, report.uses)
    if report.syntax_error:
        result.errors.append("%s: syntax error, skipped (%s)" % (path, report.syntax_error))
    if report.new_source is not None and report.new_source != source:
        result.new_bytes = report.new_source.encode(encoding)
        result.diff = unified_diff(source, report.new_source, path)
    return result


def _analyse_notebook(path: str, data: bytes, rewrite: bool) -> FileReport:
    """Code cells share one namespace, so they are analysed (and rewritten) as one module, then split again."""
    try:
        notebook = json.loads(data.decode("utf-8"))
    except ValueError as error:
        raise ValueError("%s: not a notebook (%s)" % (path, error)) from None
    maskable = [(index, source, mask_magics(source)) for index, source in iter_cells(notebook)]
    cells = [(index, source, masked) for index, source, masked in maskable if masked is not None]
    joined, first_lines = _join_cells([masked for _, _, masked in cells])
    report = analyse_source(joined, path, rewrite=rewrite)
    result = FileReport(path)
    if report.syntax_error:  # say which cell; the others cannot be analysed without it (shared names)
        for index, _, masked in cells:
            syntax_error = analyse_source(masked, path, cell=index).syntax_error
            if syntax_error:
                result.errors.append("%s[cell %d]: syntax error, notebook skipped (%s)" % (path, index, syntax_error))
        return result
    for use in report.uses:
        position = max(i for i, first in enumerate(first_lines) if first <= use.line)
        use.cell, use.line = cells[position][0], use.line - first_lines[position] + 1
        result.uses.append(use)
    if report.new_source is None or report.new_source == joined:
        return result
    for (index, source, _masked), new in zip(cells, _split_cells(report.new_source, [m for _, _, m in cells])):
        new = unmask_magics(new)
        if new != source:
            notebook["cells"][index]["source"] = new.splitlines(True)
            result.diff += unified_diff(source, new, "%s[cell %d]" % (path, index))
    result.new_bytes = _dump_notebook(notebook, data)
    return result


_CELL_MARK = "# scipy-misc-compat: end of cell"


def _join_cells(sources: Sequence[str]) -> Tuple[str, List[int]]:
    """One module of all cells, each followed by a marker comment; also each cell's first line number."""
    parts, first_lines, line = [], [], 1
    for source in sources:
        first_lines.append(line)
        part = source + ("" if source.endswith("\n") or not source else "\n") + _CELL_MARK + "\n"
        parts.append(part)
        line += part.count("\n")
    return "".join(parts), first_lines


def _split_cells(joined: str, originals: Sequence[str]) -> List[str]:
    """Undo ``_join_cells`` (comments survive a rewrite, so the markers are where they were)."""
    pieces = joined.split(_CELL_MARK + "\n")[:len(originals)]
    return [piece if original.endswith("\n") or not original else piece[:-1]
            for piece, original in zip(pieces, originals)]


def _dump_notebook(notebook: dict, original: bytes) -> bytes:
    """JSON as nbformat writes it, keeping the file's own indentation (nbformat's default is 1)."""
    second_line = original.split(b"\n", 2)[1] if original.count(b"\n") > 1 else b" "
    indent = len(second_line) - len(second_line.lstrip(b" ")) or 1
    text = json.dumps(notebook, indent=indent, ensure_ascii=False)
    return (text + ("\n" if original.endswith(b"\n") else "")).encode("utf-8")


__all__ = ["FileReport", "analyse_file", "iter_source_files", "mask_magics", "unmask_magics", "unified_diff",
           "iter_cells"]
