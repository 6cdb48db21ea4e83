"""Safe YAML reading that keeps the source position of every key and value.

PyYAML composes the document into nodes (no Python objects are constructed, so no
language-specific tag can run code); `to_tree` then walks the nodes into plain
dicts, lists and scalars, refusing unknown tags, duplicate keys, alias bombs and
runaway nesting, and records where each value and key came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from generator.diagnostics import Diagnostic, Position, Severity
from generator.problems import Problem

try:  # the C composer is several times faster; positions are the same
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path = tuple[str | int, ...]

MAX_DEPTH = 40
MAX_NODES = 200_000

_STANDARD_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\Z")
_NULL = {"", "~", "null", "Null", "NULL"}


class YamlInt(int):
    """A whole number read from YAML that remembers how it was written."""

    yaml_source: str


class YamlFloat(float):
    """A decimal number read from YAML that remembers how it was written."""

    yaml_source: str


def _int(text: str) -> YamlInt:
    value = YamlInt(int(text))
    value.yaml_source = text
    return value


def _float(text: str) -> YamlFloat:
    value = YamlFloat(float(text))
    value.yaml_source = text
    return value


@dataclass
class SourceMap:
    """Where each value (by path) and each mapping key (by the path it opens) starts."""

    file: str
    values: dict[Path, Position] = field(default_factory=dict)
    keys: dict[Path, Position] = field(default_factory=dict)

    def value(self, path: Path) -> Position | None:
        """Return the position of the value at ``path``, or of its nearest known parent."""
        for end in range(len(path), -1, -1):
            found = self.values.get(path[:end])
            if found is not None:
                return found
        return None

    def key(self, path: Path) -> Position | None:
        """Return the position of the key that opens ``path``, else of its value."""
        return self.keys.get(path) or self.value(path)


class YamlProblem(Exception):
    """Raised inside the walk when the document cannot be read safely."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


_COMMENT_AFTER = re.compile(r"([ \t]+)#(.*)")
_KEY_LINE = re.compile(r"(?:- +)*([A-Za-z_][\w-]*):(?: |$)")


class _Walker:
    def __init__(self, file: str, lines: list[str] | None = None) -> None:
        self.map = SourceMap(file)
        self.problems: list[Diagnostic] = []
        self.visited = 0
        self.lines = lines or []

    def comment_after(self, node: yaml.ScalarNode) -> None:
        """Warn when a plain text value is followed on its line by what looks like more
        of its text, not a comment: ``- Leave with #1 priority`` (YAML keeps "Leave
        with"). A comment one space after the value, or with no space after its ``#``,
        is taken for that mistake; two spaces and ``# `` make an intended comment."""
        end = node.end_mark
        if end.line >= len(self.lines):
            return
        found = _COMMENT_AFTER.match(self.lines[end.line], end.column)
        if found is None:
            return
        gap, rest = found.group(1), found.group(2)
        if len(gap) > 1 and rest[:1] in ("", " "):
            return
        lost = "#" + rest.rstrip()
        whole = f"{node.value} {lost}".replace('"', '\\"')
        self.problems.append(Diagnostic(
            Problem.W_YAML_COMMENT,
            f"`{lost}` is read as a comment, so this text ends at “{node.value}”",
            Severity.WARNING,
            position=Position(self.map.file, end.line + 1, found.start(2)),
            hint=f'if it belongs to the text, quote the whole text: "{whole}"; if it is '
            "a comment, put two spaces and `# ` before it",
        ))

    def pos(self, node: yaml.Node) -> Position:
        return Position(self.map.file, node.start_mark.line + 1, node.start_mark.column + 1)

    def walk(self, node: yaml.Node, path: Path, depth: int) -> object:
        self.visited += 1
        if self.visited > MAX_NODES:
            raise YamlProblem(Diagnostic(
                Problem.E_YAML_SIZE, f"the outline expands to more than {MAX_NODES:,} values",
                position=self.pos(node),
                hint="anchors and aliases (&name, *name) may expand too far; write the values out",
            ))
        if depth > MAX_DEPTH:
            raise YamlProblem(Diagnostic(
                Problem.E_YAML_DEPTH, f"the outline nests deeper than {MAX_DEPTH} levels",
                position=self.pos(node), hint="an outline needs only a few levels of nesting",
            ))
        self.map.values.setdefault(path, self.pos(node))
        if node.tag not in _STANDARD_TAGS:
            self.problems.append(Diagnostic(
                Problem.E_YAML_TAG, f"the tag `{node.tag}` is not allowed in an outline",
                position=self.pos(node),
                hint="outlines hold plain text, numbers, lists and mappings; remove the tag",
            ))
            return None
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.walk(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        return self.mapping(node, path, depth)

    def scalar(self, node: yaml.ScalarNode) -> object:
        text = node.value
        if node.style:  # quoted or block text is always text (plain is None or "")
            return text
        if node.tag.endswith(":null") and text in _NULL:
            return None
        if node.tag.endswith(":int") and _INT.match(text):
            return _int(text)
        if node.tag.endswith(":float") and _FLOAT.match(text):
            return _float(text)
        self.comment_after(node)
        return text

    def mapping(self, node: yaml.MappingNode, path: Path, depth: int) -> dict[str, object]:
        result: dict[str, object] = {}
        seen: dict[str, Position] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _STANDARD_TAGS:
                self.problems.append(Diagnostic(
                    Problem.E_YAML_KEY, "a key must be plain text", position=self.pos(key_node),
                    hint="write keys as `name: value`",
                ))
                continue
            key = key_node.value
            key_pos = self.pos(key_node)
            if key in seen:
                first = seen[key]
                self.problems.append(Diagnostic(
                    Problem.E_YAML_DUPLICATE,
                    f"the key `{key}` appears twice in the same mapping "
                    f"(first at line {first.line})",
                    position=key_pos, related=(first,),
                    hint="keep one of them; YAML would silently use only the last",
                ))
                continue
            seen[key] = key_pos
            self.map.keys[(*path, key)] = key_pos
            result[key] = self.walk(value_node, (*path, key), depth + 1)
        return result


def _nesting_problem(text: str, file: str) -> Diagnostic | None:
    """Return a problem when the text nests deeper than MAX_DEPTH, before parsing it.

    Parsers recurse once per level; checking first keeps a hostile file from
    exhausting the stack. Counts flow brackets and block indentation levels.
    """
    stack: list[int] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(stripped)
        while stack and stack[-1] >= indent:
            stack.pop()
        stack.append(indent)
        dashes = 0
        rest = stripped
        while rest.startswith("- "):
            dashes += 1
            rest = rest[2:].lstrip(" ")
        brackets = depth = 0
        for char in rest:
            if char in "[{":
                depth += 1
                brackets = max(brackets, depth)
            elif char in "]}":
                depth -= 1
        if len(stack) + dashes + brackets > MAX_DEPTH * 2:
            return Diagnostic(
                Problem.E_YAML_DEPTH, f"the outline nests deeper than {MAX_DEPTH} levels",
                position=Position(file, number, indent + 1),
                hint="an outline needs only a few levels of nesting",
            )
    return None


def _over_indented(text: str, mark: yaml.Mark | None) -> str | None:
    """Return a hint when the line in error is a key indented further than the keys of
    the line before it (``minutes:`` pushed in under a slide's ``title:``), else None."""
    if mark is None:
        return None
    lines = text.splitlines()
    if mark.line >= len(lines):
        return None
    line = lines[mark.line]
    key = _KEY_LINE.match(line.lstrip(" "))
    before = next((lines[i] for i in range(mark.line - 1, -1, -1)
                   if lines[i].strip() and not lines[i].lstrip().startswith("#")), None)
    if key is None or before is None:
        return None
    above = _KEY_LINE.match(before.lstrip(" "))
    if above is None or not before[before.index(":", len(before) - len(before.lstrip(" "))) + 1:
                                   ].strip():
        return None  # the line above opens a mapping or a list: deeper is right there
    indent = len(line) - len(line.lstrip(" "))
    column = len(before) - len(before.lstrip(" ")) + above.start(1)
    if indent <= column:
        return None
    return (f"`{key.group(1)}:` is indented further than `{above.group(1)}:` on the line "
            f"above, so YAML does not read it as a key of its own; start it in the same "
            f"column as `{above.group(1)}:`")


def _parse_problem(exc: yaml.MarkedYAMLError, text: str, file: str) -> Diagnostic:
    """Return a clear diagnostic for a YAML syntax error."""
    mark = exc.problem_mark or exc.context_mark
    position = Position(file, mark.line + 1, mark.column + 1) if mark else None
    problem = (exc.problem or "the YAML cannot be read").rstrip(".")
    hint = "check the indentation and the quoting on this line and the one before it"
    line = text.splitlines()[mark.line] if mark and mark.line < len(text.splitlines()) else ""
    if "\t" in problem or "'\\t'" in problem or "\t" in line[: (mark.column + 1 if mark else 0)]:
        problem = "a tab character is used for indentation"
        hint = "YAML indents with spaces only; replace the tab with spaces"
    elif (over := _over_indented(text, mark)) is not None:
        hint = over
    elif "mapping values are not allowed" in problem:
        hint = "a value that contains ': ' must be quoted, e.g. \"Time: 10:30\""
    elif "found character" in problem and "cannot start any token" in problem:
        hint = "quote the text, e.g. \"@team\" or \"`code`\""
    return Diagnostic(Problem.E_YAML_SYNTAX, f"cannot parse: {problem}", position=position,
                      hint=hint)


def to_tree(text: str, file: str) -> tuple[object, SourceMap, list[Diagnostic]]:
    """Return the plain data of a YAML document, where each part came from, and problems.

    The data is dicts, lists, str, `YamlInt`, `YamlFloat` and None. Syntax errors,
    refused tags, duplicate keys and over-deep or over-large documents are reported
    as diagnostics; on a syntax error the data is None.
    """
    walker = _Walker(file, text.splitlines())
    deep = _nesting_problem(text, file)
    if deep is not None:
        return None, walker.map, [deep]
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        return None, walker.map, [_parse_problem(exc, text, file)]
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked reader errors
        return None, walker.map, [Diagnostic(Problem.E_YAML_SYNTAX, f"cannot parse: {exc}")]
    if node is None or (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")
                        and not node.style):
        return None, walker.map, [Diagnostic(
            Problem.E_EMPTY, "the outline is empty", position=Position(file, 1, 1),
            hint="start with `title:` and `sections:`; `make-deck init` writes a starter outline",
        )]
    try:
        tree = walker.walk(node, (), 0)
    except YamlProblem as problem:
        return None, walker.map, [*walker.problems, problem.diagnostic]
    return tree, walker.map, walker.problems
