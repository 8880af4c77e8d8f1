"""Finding and rewriting uses of ``scipy.misc`` in Python source (the ``scan`` and ``migrate`` commands).

Works on libcst's concrete syntax tree, so a rewrite changes only the names it has to
and keeps every comment, blank line and bracket. A name is resolved through the scope
it is used in (``import scipy.misc as sm; sm.imsave`` is ``scipy.misc.imsave``; a
parameter called ``scipy`` is not scipy). A file that uses ``scipy.misc`` in a way this
module does not understand (assigning to it, naming it in a string, an unknown name) is
reported and left unchanged as a whole: half a migration would break the rest.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Tuple

from ..dropin._aliases import BY_QUALIFIED_NAME as REMOVED_NAMES
from ..dropin._aliases import LegacyAlias
from .._compat import import_libcst

if TYPE_CHECKING:  # the type checker sees libcst (the `tools` extra) as installed
    import libcst as cst
    from libcst.metadata import (ExpressionContext, ExpressionContextProvider, ImportAssignment, MetadataWrapper,
                                 ParentNodeProvider, PositionProvider, ScopeProvider)
else:
    try:
        cst = import_libcst()
        from libcst.metadata import (ExpressionContext, ExpressionContextProvider, ImportAssignment,
                                     MetadataWrapper, ParentNodeProvider, PositionProvider, ScopeProvider)
    except ImportError:  # pragma: no cover - exercised only without the optional dependency
        cst = None

#: The nine image functions of scipy 1.1.0's ``scipy/misc/pilutil.py``; ``scipy_misc_compat`` exports them.
IMAGE_NAMES = ("bytescale", "toimage", "fromimage", "imread", "imsave", "imresize", "imrotate", "imfilter", "imshow")
#: Every public name of scipy 1.1.0's ``scipy.misc``; ``scipy_misc_compat.misc`` has them all.
MISC_NAMES = ("who", "source", "info", "doccer", "pade", "comb", "factorial", "factorial2", "factorialk", "logsumexp",
              "central_diff_weights", "derivative", "ascent", "face", "electrocardiogram", "pilutil") + IMAGE_NAMES

#: Calls whose legacy result is not the caller's numbers: the note ``scan`` prints beside them.
DATA_CHANGING = {
    "imsave": "rescales to uint8 before writing (unless the array is uint8); exact=True stores it unchanged",
    "toimage": "bytescales to uint8 (mode 'I' maps cmin..cmax to low..high); exact=True keeps the values",
    "bytescale": "rescales to 0..255 uint8, uint8 input excepted; exact=True refuses anything it would change",
    "imresize": "bytescales its input to uint8 before resizing, unless mode='F'",
    "imrotate": "bytescales its input to uint8 before rotating",
    "imfilter": "bytescales its input to uint8 before filtering",
}

#: Methods of numpy's arrays that numpy removed: restoring them would mean patching a C type, so
#: ``run`` cannot; ``scan`` reports calls of them (on anything not bound by an import: ``ET.tostring``
#: is a module function) and ``migrate`` leaves them, the receiver's type being unknown to it.
REMOVED_METHODS = {
    "tostring": ("numpy 2.3", "a.tobytes() (the same bytes)"),
    "itemset": ("numpy 2.0", "a[index] = value"),
    "newbyteorder": ("numpy 2.0", "a.view(a.dtype.newbyteorder(order))"),
    "ptp": ("numpy 2.0", "np.ptp(a)"),
}

_MISC = "scipy.misc"
_PILUTIL = "scipy.misc.pilutil"
_DOTTED_MISC = re.compile(r"scipy\.misc(\.\w+)*\Z")


def require_libcst() -> None:
    """Raise an ImportError that says what to install when libcst is missing."""
    if cst is None:
        raise ImportError("scan and migrate need libcst: pip install libcst")


@dataclass
class Use:
    """One use of ``scipy.misc`` in a file: where, which name, and what ``migrate`` makes of it."""

    path: str
    line: int
    column: int  #: 1-based, as compilers and flake8 print it
    name: str  #: the scipy name used, e.g. ``scipy.misc.imsave`` (``scipy.misc`` for the module itself)
    code: str  #: the source text, e.g. ``sm.imsave`` or ``from scipy.misc import imread as read``
    kind: str  #: ``import``, ``reference``, ``call``, ``unsupported``, or ``removed`` (a numpy/Pillow name)
    note: str = ""
    cell: Optional[int] = None  #: notebook cell number (0-based, counting every cell), else None

    @property
    def understood(self) -> bool:
        return self.kind != "unsupported"

    def location(self) -> str:
        where = self.path if self.cell is None else "%s[cell %d]" % (self.path, self.cell)
        return "%s:%d:%d" % (where, self.line, self.column)

    def as_dict(self) -> dict:
        return dict(asdict(self), understood=self.understood)


@dataclass
class SourceReport:
    """The uses found in one piece of source, and the rewritten source (equal to it when nothing changes)."""

    uses: List[Use] = field(default_factory=list)
    new_source: Optional[str] = None
    syntax_error: Optional[str] = None

    @property
    def understood(self) -> bool:
        return self.syntax_error is None and all(use.understood for use in self.uses)


def misc_level_name(qualified: str) -> str:
    """``scipy.misc.pilutil.imread`` -> ``scipy.misc.imread``: the name as ``scipy.misc`` exports it."""
    if qualified.startswith(_PILUTIL + ".") and qualified.count(".") == 3:
        return _MISC + "." + qualified.rsplit(".", 1)[1]
    return qualified


def replacement_for(misc_name: str) -> str:
    """The ``scipy_misc_compat`` expression that stands for ``misc_name`` (a ``scipy.misc...`` name)."""
    if misc_name == _MISC:
        return "scipy_misc_compat.misc"
    short = misc_name[len(_MISC) + 1:]
    if short in IMAGE_NAMES:
        return "scipy_misc_compat." + short
    return "scipy_misc_compat.misc." + short


def _is_misc(qualified: str) -> bool:
    return qualified == _MISC or qualified.startswith(_MISC + ".")


def _dotted(node: "cst.BaseExpression") -> str:
    """``a.b.c`` for a Name/Attribute chain, '' for anything else."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        head = _dotted(node.value)
        return head + "." + node.attr.value if head else ""
    return ""


def _chain_prefixes(node: "cst.BaseExpression") -> List["cst.BaseExpression"]:
    """The nodes of an attribute chain from its root Name outwards: ``a``, ``a.b``, ``a.b.c``."""
    prefixes: List["cst.BaseExpression"] = []
    while isinstance(node, cst.Attribute):
        prefixes.append(node)
        node = node.value
    prefixes.append(node)
    return prefixes[::-1]


class _ScipyImports:
    """What each ``import`` statement binding the name ``scipy`` is used for: misc chains, other chains."""

    def __init__(self) -> None:
        self.misc_uses: Dict[int, int] = {}
        self.other_uses: Dict[int, int] = {}

    def count(self, statement: "cst.Import", into_misc: bool) -> None:
        table = self.misc_uses if into_misc else self.other_uses
        table[id(statement)] = table.get(id(statement), 0) + 1


class _Finder(cst.CSTVisitor if cst is not None else object):  # type: ignore[misc]
    """Collects the uses of ``scipy.misc`` and the nodes ``_Rewriter`` must replace."""

    METADATA_DEPENDENCIES = (PositionProvider, ScopeProvider, ParentNodeProvider, ExpressionContextProvider) \
        if cst is not None else ()

    def __init__(self, path: str, module: "cst.Module", cell: Optional[int]) -> None:
        super().__init__()
        self.path, self.module, self.cell = path, module, cell
        self.uses: List[Use] = []
        self.rewrite_nodes: Dict[int, str] = {}  # id(original node) -> replacement expression
        self.scipy_imports = _ScipyImports()

    # -- reporting -----------------------------------------------------------------------
    def _report(self, node: "cst.CSTNode", name: str, kind: str, note: str = "") -> None:
        start = self.get_metadata(PositionProvider, node).start
        code = self.module.code_for_node(node).strip()
        if kind == "call":
            note = DATA_CHANGING.get(name.rsplit(".", 1)[-1], "")
        self.uses.append(Use(self.path, start.line, start.column + 1, name, code.splitlines()[0] if code else "",
                             kind, note, self.cell))

    def _report_removed(self, node: "cst.CSTNode", alias: LegacyAlias, replacement: Optional[str]) -> None:
        what = "migrate writes %s" % replacement if replacement else "today: %s" % alias.modern
        self._report(node, alias.qualified, "removed",
                     "removed in %s; restored by `run`; %s" % (alias.removed_in, what))

    def _unsupported(self, node: "cst.CSTNode", name: str, why: str) -> None:
        self._report(node, name, "unsupported", why + "; migrate leaves this file unchanged")

    # -- imports -------------------------------------------------------------------------
    def visit_Import(self, node: "cst.Import") -> bool:
        for alias in node.names:
            dotted = _dotted(alias.name)
            if not _is_misc(dotted):
                continue
            if dotted not in (_MISC, _PILUTIL):
                self._unsupported(node, dotted, "scipy 1.1.0 had no module %s that this package provides" % dotted)
            else:
                self._report(node, dotted, "import")
        return False

    def visit_ImportFrom(self, node: "cst.ImportFrom") -> bool:
        if node.relative or node.module is None:
            return False
        module = _dotted(node.module)
        if not isinstance(node.names, cst.ImportStar):
            for alias in node.names:
                removed = REMOVED_NAMES.get(module + "." + _dotted(alias.name))
                if removed is not None:
                    self._report_removed(node, removed, None)
        if module == "scipy" and not isinstance(node.names, cst.ImportStar):
            for alias in node.names:
                if _dotted(alias.name) == "misc":
                    self._report(node, _MISC, "import")
        elif module in (_MISC, _PILUTIL):
            self._check_from_misc(node, module)
        elif _is_misc(module):
            self._unsupported(node, module, "scipy 1.1.0 had no module %s that this package provides" % module)
        return False

    def _check_from_misc(self, node: "cst.ImportFrom", module: str) -> None:
        if isinstance(node.names, cst.ImportStar):
            self._report(node, module + ".*", "import")
            return
        known = MISC_NAMES if module == _MISC else IMAGE_NAMES
        for alias in node.names:
            name = _dotted(alias.name)
            if name in known:
                self._report(node, misc_level_name(module + "." + name), "import")
            else:
                self._unsupported(node, module + "." + name, "%s had no public name %r" % (module, name))

    # -- references ------------------------------------------------------------------------
    def visit_Call(self, node: "cst.Call") -> None:
        """``np.zeros(3).tostring()``, ``load(path)[0].tostring()``: a removed method called on what is not a
        name chain (those are reported with their chain, in ``_visit_reference``)."""
        function = node.func
        if isinstance(function, cst.Attribute) and not isinstance(function.value, (cst.Name, cst.Attribute)):
            self._check_removed_method([function])

    def visit_Attribute(self, node: "cst.Attribute") -> bool:
        return self._visit_reference(node)

    def visit_Name(self, node: "cst.Name") -> bool:
        return self._visit_reference(node)

    def _visit_reference(self, node: "cst.BaseExpression") -> bool:
        prefixes = _chain_prefixes(node)
        root = prefixes[0]
        if not isinstance(root, cst.Name):
            return True  # e.g. f().misc: visit the call inside
        context = self._context(node)
        if context is None or len(prefixes) == 1 and context is not ExpressionContext.LOAD:
            return False  # not an expression (a keyword or attribute name), or a name being rebound
        bound = self._binding_of(root)
        if bound is None:
            return self._visit_library_reference(node, root, prefixes)
        module_path, statement = bound
        names = [module_path] + [part.attr.value for part in prefixes[1:]]  # type: ignore[attr-defined]
        qualified = [".".join(names[:i + 1]) for i in range(len(names))]
        if statement is not None:  # `scipy` bound by `import scipy...`: the chain is rewritten in place
            self.scipy_imports.count(statement, any(map(_is_misc, qualified)))
        misc_index = self._misc_level_index(qualified)
        if misc_index is None:
            return False
        target, name = prefixes[misc_index], misc_level_name(qualified[misc_index])
        short = name[len(_MISC) + 1:]
        if short and short.split(".")[0] not in MISC_NAMES:
            self._unsupported(target, name, "scipy 1.1.0's scipy.misc had no public name %r" % short)
            return False
        if self._context(node) in (ExpressionContext.STORE, ExpressionContext.DEL):
            self._unsupported(node, name, "assigns to or deletes an attribute of scipy.misc")
            return False
        if statement is not None:
            self.rewrite_nodes[id(target)] = replacement_for(name)
        outermost = prefixes[-1]
        parent = self.get_metadata(ParentNodeProvider, outermost, None)
        called = isinstance(parent, cst.Call) and parent.func is outermost and target is outermost
        self._report(target, name, "call" if called else "reference")
        return False

    def _visit_library_reference(self, node: "cst.BaseExpression", root: "cst.Name",
                                 prefixes: List["cst.BaseExpression"]) -> bool:
        """``np.float``, ``Image.ANTIALIAS``, ``x.tostring()``: names numpy/Pillow removed."""
        module_path = self._library_binding(root)
        if module_path is None:
            if not self._bound_by_import(root):  # `ET.tostring(...)` is a module's function
                self._check_removed_method(prefixes)
            return True  # e.g. `f(np.float)` inside `obj.method(...)`: keep visiting
        names = [module_path] + [part.attr.value for part in prefixes[1:]]  # type: ignore[attr-defined]
        for index in range(1, len(names)):
            removed = REMOVED_NAMES.get(".".join(names[:index + 1]))
            if removed is None:
                continue
            target = prefixes[index]
            if self._context(target) in (ExpressionContext.STORE, ExpressionContext.DEL):
                return False  # `np.float = float`: the script's own shim, not a use
            replacement = None
            if removed.rewrite is not None:
                head = self.module.code_for_node(prefixes[index - 1])  # type: ignore[arg-type]
                replacement = self.rewrite_nodes[id(target)] = rewritten_spelling(removed, head)
            self._report_removed(target, removed, replacement)
            return False
        return False

    def _check_removed_method(self, prefixes: List["cst.BaseExpression"]) -> None:
        outermost = prefixes[-1]
        if not isinstance(outermost, cst.Attribute) or outermost.attr.value not in REMOVED_METHODS:
            return
        parent = self.get_metadata(ParentNodeProvider, outermost, None)
        if not (isinstance(parent, cst.Call) and parent.func is outermost):
            return
        removed_in, instead = REMOVED_METHODS[outermost.attr.value]
        self._report(outermost, "ndarray." + outermost.attr.value, "removed",
                     "if this is a numpy array: removed in %s; today: %s" % (removed_in, instead))

    def _bound_by_import(self, root: "cst.Name") -> bool:
        scope = self.get_metadata(ScopeProvider, root, None)
        if scope is None or root.value not in scope:
            return False
        return any(isinstance(assignment, ImportAssignment) for assignment in scope[root.value])

    def _library_binding(self, root: "cst.Name") -> Optional[str]:
        """The module a name is bound to when only imports of numpy or PIL bind it (else None)."""
        scope = self.get_metadata(ScopeProvider, root, None)
        if scope is None or root.value not in scope:
            return None
        bindings = [self._import_binding(assignment, root.value) for assignment in scope[root.value]]
        paths = {binding[0] for binding in bindings if binding is not None}
        if None in bindings or len(paths) != 1:
            return None
        path = paths.pop()
        return path if path.split(".")[0] in ("numpy", "PIL") else None

    def _context(self, node: "cst.CSTNode") -> Optional["ExpressionContext"]:
        return self.get_metadata(ExpressionContextProvider, node, None)

    def visit_SimpleString(self, node: "cst.SimpleString") -> None:
        value = node.evaluated_value
        if isinstance(value, str) and _DOTTED_MISC.match(value):
            self._unsupported(node, value, "names %s in a string (a dynamic import?)" % value)

    def _misc_level_index(self, qualified: Sequence[str]) -> Optional[int]:
        """Index of the chain prefix that names ``scipy.misc.NAME`` (or ``scipy.misc``), if any."""
        for index, name in enumerate(qualified):
            if not _is_misc(name):
                continue
            following = qualified[index + 1] if index + 1 < len(qualified) else None
            if name == _MISC and following is not None:
                if following == _PILUTIL and index + 2 < len(qualified):
                    return index + 2
                return index + 1
            return index
        return None

    def _binding_of(self, root: "cst.Name") -> Optional[Tuple[str, Optional["cst.Import"]]]:
        """The module path a name is bound to by imports, and the ``import scipy...`` statement if that binds it.

        None when the name is not bound by a scipy import; a name bound by a scipy import
        and by something else too is reported as unsupported when it reaches scipy.misc.
        """
        scope = self.get_metadata(ScopeProvider, root, None)
        if scope is None or root.value not in scope:
            return None
        assignments = list(scope[root.value])
        bindings = [self._import_binding(assignment, root.value) for assignment in assignments]
        scipy_bindings = [binding for binding in bindings
                          if binding is not None and binding[0].split(".")[0] == "scipy"]
        if not scipy_bindings:
            return None
        rewritten_in_place = any(statement is not None for _, statement in scipy_bindings)
        mixed = len(scipy_bindings) != len(bindings) or len({path for path, _ in scipy_bindings}) > 1
        if mixed and rewritten_in_place:  # `import scipy.misc` or else `scipy = ...`: cannot rewrite safely
            self._unsupported(root, root.value, "the name %r is bound to scipy and to something else" % root.value)
            return None
        return scipy_bindings[0]  # `from scipy.misc import imread` or else imageio's: the import is what changes

    @staticmethod
    def _import_binding(assignment: object, name: str) -> Optional[Tuple[str, Optional["cst.Import"]]]:
        if not isinstance(assignment, ImportAssignment):
            return None
        statement: Any = assignment.node  # an Import or ImportFrom
        for alias in statement.names if not isinstance(statement.names, cst.ImportStar) else ():
            dotted = _dotted(alias.name)
            as_name = _dotted(alias.asname.name) if alias.asname else None
            if isinstance(statement, cst.Import):
                if as_name == name:
                    return dotted, None
                if as_name is None and dotted.split(".")[0] == name:
                    return name, statement
            elif (as_name or dotted) == name and statement.module is not None and not statement.relative:
                return _dotted(statement.module) + "." + dotted, None
        return None


class _Rewriter(cst.CSTTransformer if cst is not None else object):  # type: ignore[misc]
    """Replaces what ``_Finder`` found: imports and ``scipy.misc...`` chains rooted at an ``import scipy``."""

    def __init__(self, finder: _Finder) -> None:
        super().__init__()
        self.finder = finder

    def leave_Attribute(self, original: "cst.Attribute", updated: "cst.BaseExpression") -> "cst.BaseExpression":
        replacement = self.finder.rewrite_nodes.get(id(original))
        return cst.parse_expression(replacement) if replacement else updated

    def leave_Import(self, original: "cst.Import", updated: "cst.Import") -> "cst.Import":
        aliases: List[cst.ImportAlias] = []
        for alias in updated.names:
            aliases.extend(self._import_aliases(original, alias))
        if aliases == list(updated.names):
            return updated  # untouched, commas and all
        if aliases[:-1] == list(updated.names):  # `import scipy` stays: the new import gets its own statement
            return cst.FlattenSentinel([updated, cst.Import(names=[aliases[-1]])])  # type: ignore[return-value]
        aliases = [alias.with_changes(comma=cst.MaybeSentinel.DEFAULT) for alias in aliases[:-1]] + \
                  [aliases[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)]
        return updated.with_changes(names=aliases)

    def _import_aliases(self, statement: "cst.Import", alias: "cst.ImportAlias") -> List["cst.ImportAlias"]:
        dotted = _dotted(alias.name)
        compat = cst.ImportAlias(name=cst.Name("scipy_misc_compat"))
        if alias.asname is not None:
            if dotted == _MISC:
                return [alias.with_changes(name=cst.parse_expression("scipy_misc_compat.misc"))]
            if dotted == _PILUTIL:
                return [alias.with_changes(name=cst.parse_expression("scipy_misc_compat.legacy"))]
            return [alias]
        if dotted.split(".")[0] != "scipy":
            return [alias]
        misc_uses = self.finder.scipy_imports.misc_uses.get(id(statement), 0)
        other_uses = self.finder.scipy_imports.other_uses.get(id(statement), 0)
        if _is_misc(dotted):  # `import scipy.misc`: scipy stays bound only if something else uses it
            return [cst.ImportAlias(name=cst.Name("scipy")), compat] if other_uses else [compat]
        if misc_uses and dotted == "scipy" and not other_uses:
            return [compat]
        return [alias, compat] if misc_uses else [alias]

    def leave_ImportFrom(self, original: "cst.ImportFrom", updated: "cst.ImportFrom") -> "cst.BaseSmallStatement":
        if updated.relative or updated.module is None:
            return updated
        module = _dotted(updated.module)
        if module == _PILUTIL or module == _MISC and self._only_image_names(updated):
            return updated.with_changes(module=cst.Name("scipy_misc_compat"))
        if module == _MISC:
            return updated.with_changes(module=cst.parse_expression("scipy_misc_compat.misc"))
        if module == "scipy" and not isinstance(updated.names, cst.ImportStar):
            return self._split_from_scipy(updated)
        return updated

    @staticmethod
    def _only_image_names(statement: "cst.ImportFrom") -> bool:
        return not isinstance(statement.names, cst.ImportStar) and \
            all(_dotted(alias.name) in IMAGE_NAMES for alias in statement.names)

    @staticmethod
    def _split_from_scipy(statement: "cst.ImportFrom") -> "cst.BaseSmallStatement":
        assert not isinstance(statement.names, cst.ImportStar)  # the caller checked
        misc = [alias for alias in statement.names if _dotted(alias.name) == "misc"]
        if not misc:
            return statement
        rest = [alias for alias in statement.names if _dotted(alias.name) != "misc"]
        compat = statement.with_changes(module=cst.Name("scipy_misc_compat"),
                                        names=[misc[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)])
        if not rest:
            return compat
        rest[-1] = rest[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        return cst.FlattenSentinel([statement.with_changes(names=rest), compat])  # type: ignore[return-value]

    def leave_Module(self, original: "cst.Module", updated: "cst.Module") -> "cst.Module":
        return updated.with_changes(body=_without_repeated_imports(updated.body))

    def leave_IndentedBlock(self, original: "cst.IndentedBlock", updated: "cst.IndentedBlock") -> "cst.IndentedBlock":
        return updated.with_changes(body=_without_repeated_imports(updated.body))

    def leave_SimpleStatementLine(self, original: "cst.SimpleStatementLine",
                                  updated: "cst.SimpleStatementLine") -> "cst.BaseStatement":
        """A statement became two (``from scipy import misc, ndimage``, ``import scipy``): one line each."""
        if len(original.body) == 1 and len(updated.body) == 2:
            first = updated.with_changes(body=[updated.body[0].with_changes(semicolon=cst.MaybeSentinel.DEFAULT)])
            second = cst.SimpleStatementLine(body=[updated.body[1]], leading_lines=[])
            return cst.FlattenSentinel([first, second])  # type: ignore[return-value]
        return updated


_COMPAT_IMPORT = "import scipy_misc_compat"


def _without_repeated_imports(body: Sequence["cst.BaseStatement"]) -> List["cst.BaseStatement"]:
    """A block's statements without a second ``import scipy_misc_compat`` line: a rewritten
    ``import scipy.misc`` next to ``import scipy`` or an existing ``import scipy_misc_compat``
    would otherwise import it twice (ruff F811). The first one stays, where it was."""
    kept: List["cst.BaseStatement"] = []
    seen = False
    for statement in body:
        single = isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1 and \
            cst.Module(body=[]).code_for_node(statement.body[0]).strip() == _COMPAT_IMPORT
        if single and seen:
            continue
        seen = seen or single
        kept.append(statement)
    return kept


def rewritten_spelling(alias: LegacyAlias, module_expression: str) -> str:
    """What ``migrate`` writes for ``alias``, ``module_expression`` being how the file names its module."""
    assert alias.rewrite is not None
    if alias.rewrite.startswith("."):
        return (module_expression or alias.shown.rsplit(".", 1)[0]) + alias.rewrite
    return alias.rewrite


def _syntax_error(source: str, path: str, error: Any) -> str:
    """Where the source stops being Python, and why: Python's own parser says it best (libcst reports
    the token after the error, often on the next line); libcst's position where Python accepts it."""
    try:
        compile(source, path, "exec", flags=0x400, dont_inherit=True)  # ast.PyCF_ONLY_AST: parse, do not run
    except SyntaxError as python_error:
        return "line %d, column %d: %s" % (python_error.lineno or 0, python_error.offset or 0, python_error.msg)
    except ValueError as python_error:  # a NUL byte
        return str(python_error)
    message = error.message.split(": expected one of")[0]  # not the list of every token it could take
    return "line %d, column %d: %s" % (error.raw_line, error.raw_column + 1, message)


def analyse_source(source: str, path: str = "<source>", cell: Optional[int] = None,
                   rewrite: bool = False) -> SourceReport:
    """Find the uses of ``scipy.misc`` in ``source``; with ``rewrite``, also the migrated source.

    Examples
    --------
    >>> report = analyse_source("import scipy.misc as sm\\nsm.imsave('a.png', x)\\n", rewrite=True)
    >>> [(use.line, use.column, use.name, use.kind) for use in report.uses]
    [(1, 1, 'scipy.misc', 'import'), (2, 1, 'scipy.misc.imsave', 'call')]
    >>> print(report.new_source, end="")
    import scipy_misc_compat.misc as sm
    sm.imsave('a.png', x)
    """
    require_libcst()
    try:
        module = cst.parse_module(source)
    except cst.ParserSyntaxError as error:
        return SourceReport(syntax_error=_syntax_error(source, path, error))
    wrapper = MetadataWrapper(module)
    finder = _Finder(path, wrapper.module, cell)
    wrapper.visit(finder)
    finder.uses.sort(key=lambda use: (use.line, use.column))
    report = SourceReport(uses=finder.uses, new_source=source)
    if rewrite and finder.uses and report.understood:
        report.new_source = wrapper.visit(_Rewriter(finder)).code
    return report


__all__ = ["Use", "SourceReport", "analyse_source", "require_libcst", "replacement_for", "rewritten_spelling",
           "IMAGE_NAMES", "MISC_NAMES", "DATA_CHANGING", "REMOVED_METHODS"]
