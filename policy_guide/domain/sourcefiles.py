"""Reading source files: strict UTF-8, YAML that remembers line numbers, front matter.

YAML here keeps every value as text (apart from empty values) so that `1.10` stays the
version "1.10" and a bad date reaches the schema as text, where it gets a clear message.
Every mapping and list remembers the line each entry started on, so a schema error can be
reported at its line.

Whatever a file holds, reading it is bounded work: a file larger than the library's limit
is refused before it is read, and YAML's aliases (which copy a value wherever `*name` is
written, so a few lines can stand for millions of values) and very deep nesting (which
crashes the YAML reader) are refused before anything is built from them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import SourceError
from .sourcetext import check_characters

_NULL_TAG = "tag:yaml.org,2002:null"


class _Lines:
    """Mixin for parsed YAML containers: `line` is where the container starts and `lines`
    maps each key or index to the line it is on (1-based, in the whole file)."""

    line: int = 0

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.lines: dict = {}


class LineDict(_Lines, dict):
    """A YAML mapping that knows the line of each key."""


class LineList(_Lines, list):
    """A YAML sequence that knows the line of each item."""


#: libyaml's parser (C) when PyYAML was built with it, which keeps line numbers too and reads
#: a policy's YAML several times faster; the pure Python one otherwise.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _TextLoader(_SAFE_LOADER):
    """A safe loader that resolves only empty values; everything else stays a string."""

    line_offset = 0


_TextLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag == _NULL_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _DuplicateKey(Exception):
    def __init__(self, key: str, line: int):
        self.key, self.line = key, line


def _construct_mapping(loader: _TextLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1 + loader.line_offset
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        key_line = key_node.start_mark.line + 1 + loader.line_offset
        if key in result:
            raise _DuplicateKey(str(key), key_line)
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = key_line
    return result


def _construct_sequence(loader: _TextLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList()
    result.line = node.start_mark.line + 1 + loader.line_offset
    for index, item in enumerate(node.value):
        result.append(loader.construct_object(item, deep=True))
        result.lines[index] = item.start_mark.line + 1 + loader.line_offset
    return result


_TextLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_TextLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def plain_text(text: str) -> str:
    """Text as the library reads it, whatever editor saved it: without the byte-order mark
    Windows Notepad puts at the start, and with Windows (or old Mac) line endings made
    ordinary ones."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def refuse_links(root: Path) -> None:
    """Only files kept in the repository are read: no symbolic link anywhere under `root`
    (policy_source/), nor `root` itself, so nothing outside the repository is ever read."""
    for path in [root, *sorted(root.rglob("*"))]:
        if path.is_symlink():
            kind = "folder" if path.is_dir() else "file"
            raise SourceError(
                path,
                f"This {kind} is a link to somewhere else (a symbolic link), not a {kind} "
                "kept in the repository. The library reads only what the repository holds.",
                f"Replace the link with the {kind} itself, and commit that.")


#: The largest a source file may be, unless library.yml says otherwise (its own limit).
DEFAULT_SIZE_LIMIT_KB = 1024
#: How deeply YAML may nest lists and blocks: the sources need five levels at most.
YAML_DEPTH_LIMIT = 16


def read_text(path: Path, limit_kb: int = DEFAULT_SIZE_LIMIT_KB) -> str:
    """The file's text; a clear error if it is missing, larger than `limit_kb`, not UTF-8,
    or holds a character that reorders the text shown (safety.BIDI_CONTROLS)."""
    try:
        size = path.stat().st_size
        if size > limit_kb * 1024:
            raise SourceError(
                path,
                f"This file is {size // 1024:,} KB, more than the {limit_kb:,} KB a source "
                "file may be. Building a page from a file this size would hold up every "
                "change to the guide.",
                "Check that nothing was pasted in by mistake, such as a whole document or "
                "a picture. If the policy really needs a longer file, a developer can raise "
                "'source_file_kb' under 'limits:' in policy_source/library.yml.")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SourceError(
            path,
            "This file is missing.",
            f"Every policy folder needs {path.name}. Copy it from another policy folder "
            "and edit it.",
        ) from None
    try:
        text = plain_text(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise SourceError(
            path,
            f"This line is not UTF-8 text (byte 0x{raw[error.start]:02x}). This often happens "
            "when text is pasted from an old word-processor file.",
            "Save the file with UTF-8 encoding (most editors offer it under 'Save as' or "
            "'Encoding'), or retype the characters on this line, such as curly quotes or dashes.",
            line,
        ) from None
    check_characters(text, path)
    return text


def _refuse_aliases_and_depth(text: str, path: Path, line_offset: int) -> None:
    """Walk YAML's events (a flat stream, which no input can make deep or large) and stop at
    an anchor or alias, or at nesting deeper than YAML_DEPTH_LIMIT."""
    depth = 0
    for event in yaml.parse(text, Loader=_SAFE_LOADER):
        line = event.start_mark.line + 1 + line_offset
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise SourceError(
                path,
                "This uses a YAML anchor or alias ('&name' or '*name'), which copies a value "
                "to other places. Policy files write every value out where it belongs, so "
                "each can be read, reviewed and changed on its own.",
                "Write the value out in full wherever it is needed, and remove the '&' or "
                "'*' name.", line)
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > YAML_DEPTH_LIMIT:
                raise SourceError(
                    path,
                    f"Lists and blocks here are nested more than {YAML_DEPTH_LIMIT} deep. "
                    "No policy file needs that many levels.",
                    "Check the indentation and the '[' and '{' brackets on this line.", line)
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1


def parse_yaml(text: str, path: Path, line_offset: int = 0) -> Any:
    """Parse YAML text, reporting syntax errors and repeated keys at their line."""
    loader = _TextLoader(text)
    loader.line_offset = line_offset
    try:
        _refuse_aliases_and_depth(text, path, line_offset)
        return loader.get_single_data()
    except _DuplicateKey as error:
        raise SourceError(
            path,
            f"'{error.key}' appears twice in the same block.",
            f"Keep one '{error.key}:' line and delete the other.",
            error.line,
        ) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 + line_offset if mark else None
        raise SourceError(
            path,
            f"This is not valid YAML: {error.problem or error.context}.",
            "Check the indentation (spaces, not tabs, lined up with the lines above), that "
            "every 'name: value' line has a space after the colon, and that text containing "
            "a colon or starting with a quote is wrapped in quotes.",
            line,
        ) from None
    finally:
        loader.dispose()


@dataclass(frozen=True)
class MarkdownSource:
    """A Markdown file split into its front matter and body."""

    path: Path
    meta: Any
    body: str
    body_line: int  # file line number of the body's first line
    text: str = ""  # the whole file, front matter and all


def read_markdown(path: Path, limit_kb: int = DEFAULT_SIZE_LIMIT_KB) -> MarkdownSource:
    """Read a Markdown file with YAML front matter between two '---' lines."""
    return split_markdown(read_text(path, limit_kb), path)


def split_markdown(text: str, path: Path) -> MarkdownSource:
    """Split Markdown text into front matter and body; `path` names it in messages."""
    lines = plain_text(text).splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise SourceError(
            path,
            "The file must start with a front matter block: a line '---', the details "
            "such as 'title:', and another line '---'.",
            "Copy the opening block from the same file in another policy folder.",
            1,
        )
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            meta = parse_yaml("".join(lines[1:index]), path, line_offset=1)
            return MarkdownSource(path, meta, "".join(lines[index + 1:]), index + 2,
                                  "".join(lines))
    raise SourceError(
        path,
        "The front matter block at the top is never closed.",
        "Add a line with just '---' after the last 'name: value' line of the block.",
        1,
    )


def line_for(data: Any, loc: tuple) -> int | None:
    """The file line of the value at `loc` in parsed YAML (the closest known line)."""
    line = getattr(data, "line", None) or None
    node = data
    for step in loc:
        lines = getattr(node, "lines", None)
        if lines is None or step not in lines:
            break
        line = lines[step]
        node = node[step]
    return line
