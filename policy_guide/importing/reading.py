"""A Word document as the import reads it: blocks in document order, each knowing the Word
paragraph it came from, with the number Word shows beside it.

python-docx opens the document and gives its styles, runs, hyperlinks, comments and the
numbering part; this module walks the body in order (looking inside content controls, which
python-docx's own iteration passes over) and keeps what a policy needs: the text with its
bold, italic, links and footnote marks; headings; Word's numbers (numbering.py) or numbers
typed by hand; tables with their merged cells; and the things the owner must look at
(pictures, text boxes, comments), as notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.table import Table as WordTable
from docx.text.paragraph import Paragraph as WordParagraph
from docx.text.run import Run

from .numbering import ListNumbers, Shown

_RELATIONSHIP = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_A_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
_WP_DOCPR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_V_IMAGEDATA = "{urn:schemas-microsoft-com:vml}imagedata"
_HEADING_STYLE = re.compile(r"heading\s*([1-9])$", re.IGNORECASE)
_FIELD_TARGET = re.compile(r'^\s*(REF|PAGEREF|HYPERLINK)\s+("?)([^"\s\\]+)\2(.*)$', re.IGNORECASE)
#: A number typed at the start of a paragraph: "4.", "4.2", "4.2.1", "1.0"
TYPED_NUMBER = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,3}){0,4})\.?(?:\s+|\t)(?=\S)")


@dataclass
class Inline:
    """A piece of a paragraph's text, with how it is shown."""

    text: str = ""
    bold: bool = False
    italic: bool = False
    href: str | None = None  # a link out of the document
    bookmark: str | None = None  # a link (or cross-reference field) to a place in it
    #: "text"; or "footnote" (text: the footnote's id), "picture" (text: its description,
    #: if it has one) or "text box" (text: its words), each shown in its own way
    kind: str = "text"


@dataclass
class Paragraph:
    number: int  # the Word paragraph it is, counting from 1 through the body
    inlines: list[Inline]
    style: str  # the style's name, such as "Heading 1" or "List Paragraph"
    heading: int | None  # its heading level (1 to 9), from its style or outline level
    shown: Shown | None  # the number Word shows beside it, if any
    bookmarks: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(piece.text for piece in self.inlines if piece.kind == "text").strip()

    def excerpt(self, words: int = 8) -> str:
        found = self.text.split()
        return " ".join(found[:words]) + (" ..." if len(found) > words else "")


@dataclass
class Cell:
    paragraphs: list[Paragraph]
    merged: str | None = None  # "across" or "down" when Word merged it with its neighbour


@dataclass
class Table:
    number: int  # the table's place among the document's tables, from 1
    after: int  # the Word paragraph just before it (0 if it comes first)
    rows: list[list[Cell]]


@dataclass
class Note:
    """Something the owner must look at, with the Word paragraph it is in."""

    paragraph: int
    kind: str  # picture, text box, comment, style, merged cell, contents, number, reference
    what: str


@dataclass
class Document:
    name: str  # the file's name
    title: str | None  # from the Title style, or the file's properties
    blocks: list[Paragraph | Table]
    footnotes: dict[str, list[Paragraph]]
    notes: list[Note]


@dataclass(frozen=True)
class _Style:
    """What the import needs of one style, read once (python-docx looks a style up by
    scanning every style, which is slow for each of a long document's paragraphs)."""

    name: str
    outline: int | None  # its heading level, from its outline level (1 to 9)
    bold: bool  # for a character style: whether its text is bold
    italic: bool


def _styles(document) -> dict[str, _Style]:
    """Every style by its id, with what it inherits ('based on') filled in."""
    own: dict[str, tuple[str, int | None, bool | None, bool | None, str | None]] = {}
    for style in document.styles.element.findall(qn("w:style")):
        name = style.find(qn("w:name"))
        outline = style.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
        based = style.find(qn("w:basedOn"))
        properties = style.find(qn("w:rPr"))

        def flag(tag: str) -> bool | None:
            found = properties.find(qn(tag)) if properties is not None else None
            return None if found is None else found.get(qn("w:val"), "1") not in ("0", "false")
        try:
            level = int(outline.get(qn("w:val"))) + 1 if outline is not None else None
        except (TypeError, ValueError):
            level = None
        own[style.get(qn("w:styleId"))] = (
            name.get(qn("w:val")) if name is not None else style.get(qn("w:styleId")),
            level, flag("w:b"), flag("w:i"), based.get(qn("w:val")) if based is not None else None)
    found = {}
    for style_id, (name, level, bold, italic, based) in own.items():
        seen = {style_id}
        while based in own and based not in seen and None in (level, bold, italic):
            seen.add(based)
            _, parent_level, parent_bold, parent_italic, based = own[based]
            level = level if level is not None else parent_level
            bold = bold if bold is not None else parent_bold
            italic = italic if italic is not None else parent_italic
        found[style_id] = _Style(name, level if level and level <= 9 else None,
                                 bool(bold), bool(italic))
    return found


def _heading_level(element, style: _Style | None) -> int | None:
    name = style.name if style else ""
    match = _HEADING_STYLE.match(name.strip())
    if match:
        return int(match.group(1))
    outline = element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
    if outline is not None:
        try:
            level = int(outline.get(qn("w:val"))) + 1
        except (TypeError, ValueError):
            return None
        return level if level <= 9 else None
    return style.outline if style else None


def _list_of(element) -> tuple[str | None, int | None]:
    """The list and level a paragraph or paragraph style names itself (its w:numPr), if any."""
    num = element.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
    if num is None:
        return None, None
    num_id, ilvl = num.find(qn("w:numId")), num.find(qn("w:ilvl"))
    return (num_id.get(qn("w:val")) if num_id is not None else None,
            int(ilvl.get(qn("w:val"))) if ilvl is not None else None)


def _style_numbering(document) -> dict[str, tuple[str | None, int | None]]:
    """Each paragraph style's list and level, following 'based on' to where it is set."""
    own: dict[str, tuple[str | None, int | None, str | None]] = {}
    for style in document.styles.element.findall(qn("w:style")):
        num_id, ilvl = _list_of(style)
        based = style.find(qn("w:basedOn"))
        own[style.get(qn("w:styleId"))] = (num_id, ilvl,
                                           based.get(qn("w:val")) if based is not None else None)
    resolved: dict[str, tuple[str | None, int | None]] = {}
    for style_id in own:
        num_id, ilvl, based = own[style_id]
        seen = {style_id}
        while num_id is None and based in own and based not in seen:
            seen.add(based)
            num_id, parent_ilvl, based = own[based]
            ilvl = ilvl if ilvl is not None else parent_ilvl
        resolved[style_id] = (num_id, ilvl)
    return resolved


class _Reader:
    def __init__(self, path: Path):
        self.document = docx.Document(str(path))
        self.part = self.document.part
        numbering = None
        try:
            numbering = self.part.numbering_part.element
        except (KeyError, NotImplementedError):
            pass
        self.lists = ListNumbers.of(numbering)
        self.styles = _style_numbering(self.document)
        self.style_info = _styles(self.document)
        self.paragraphs = 0
        self.tables = 0
        self.notes: list[Note] = []
        self.blocks: list[Paragraph | Table] = []
        self.comments = {str(comment.comment_id): comment.text.strip()
                         for comment in self._comments()}

    def _comments(self):
        try:
            return list(self.document.comments)
        except (KeyError, AttributeError, NotImplementedError):
            return []

    # -- paragraphs ------------------------------------------------------------------------

    def paragraph(self, element, parent, in_table: bool = False) -> Paragraph:
        word = WordParagraph(element, parent)
        if not in_table:
            self.paragraphs += 1
        number = self.paragraphs
        style_id = element.style or "Normal"
        style = self.style_info.get(style_id)
        style_name = style.name if style else "Normal"
        num_id, ilvl = _list_of(element)
        if num_id is None:
            num_id, style_ilvl = self.styles.get(style_id, (None, None))
            ilvl = style_ilvl if ilvl is None else ilvl
        shown = self.lists.number(num_id, ilvl, style_id, self.styles)
        found = Paragraph(number, [], style_name, _heading_level(element, style), shown)
        self._content(element, word, found, [])
        return found

    def _content(self, element, word: WordParagraph, found: Paragraph, fields: list) -> None:
        for child in element:
            tag = child.tag
            if tag == qn("w:r"):
                self._run(child, word, found, fields)
            elif tag == qn("w:hyperlink"):
                relationship = child.get(_RELATIONSHIP)
                anchor = child.get(qn("w:anchor"))
                href = None
                if relationship and relationship in self.part.rels:
                    href = self.part.rels[relationship].target_ref
                start = len(found.inlines)
                self._content(child, word, found, fields)
                for piece in found.inlines[start:]:
                    if href:
                        piece.href = href + (f"#{anchor}" if anchor else "")
                    elif anchor:
                        piece.bookmark = anchor
            elif tag == qn("w:fldSimple"):
                fields.append([child.get(qn("w:instr")) or "", True])
                self._content(child, word, found, fields)
                fields.pop()
            elif tag in (qn("w:sdt"), qn("w:smartTag"), qn("w:customXml")):
                content = child.find(qn("w:sdtContent")) if tag == qn("w:sdt") else child
                if content is not None:
                    self._content(content, word, found, fields)
            elif tag == qn("w:bookmarkStart"):
                found.bookmarks.append(child.get(qn("w:name")) or "")
            elif tag == qn("w:commentRangeStart"):
                comment = self.comments.get(child.get(qn("w:id")))
                if comment is not None:
                    self.notes.append(Note(found.number, "comment",
                                           f"a comment in Word: \"{comment}\" (not imported)"))

    def _run(self, element, word: WordParagraph, found: Paragraph, fields: list) -> None:
        run = Run(element, word)
        for child in element:
            tag = child.tag
            if tag == qn("w:fldChar"):
                kind = child.get(qn("w:fldCharType"))
                if kind == "begin":
                    fields.append(["", False])
                elif kind == "separate" and fields:
                    fields[-1][1] = True
                elif kind == "end" and fields:
                    fields.pop()
            elif tag == qn("w:instrText") and fields and not fields[-1][1]:
                fields[-1][0] += child.text or ""
            elif tag == qn("w:footnoteReference"):
                found.inlines.append(Inline(child.get(qn("w:id")) or "", kind="footnote"))
        if any(not result for _, result in fields):
            return  # a field's instructions, not text a reader sees
        self._pictures(element, found)
        self._text_boxes(element, found)
        text = run.text
        if not text:
            return
        character = self.style_info.get(element.style) if element.style else None
        piece = Inline(text, bold=run.bold if run.bold is not None else bool(
            character and character.bold), italic=run.italic if run.italic is not None else bool(
            character and character.italic))
        for instruction, _ in fields:
            target = _FIELD_TARGET.match(instruction)
            if target and target.group(1).upper() == "HYPERLINK":
                piece.href = target.group(3)
            elif target and target.group(1).upper() == "REF":
                piece.bookmark = target.group(3)
            elif instruction.strip().upper().startswith("TOC"):
                return
        found.inlines.append(piece)

    def _pictures(self, element, found: Paragraph) -> None:
        for properties in element.iter(_WP_DOCPR):
            if any(parent.tag == _MC_FALLBACK for parent in properties.iterancestors()):
                continue
            graphic = properties.getparent()
            if graphic is None or next(graphic.iter(_A_BLIP), None) is None:
                continue
            alt = (properties.get("descr") or properties.get("title") or "").strip()
            found.inlines.append(Inline(alt, kind="picture"))
            self.notes.append(Note(
                found.number, "picture",
                f"a picture described as \"{alt}\": the description is kept in the text, the "
                "picture is not" if alt else
                "a picture with no description: not imported (a [To write: ...] mark is in "
                "its place)"))
        for image in element.iter(_V_IMAGEDATA):
            if any(parent.tag == _MC_FALLBACK for parent in image.iterancestors()):
                continue  # the old-style copy Word keeps beside a modern picture
            found.inlines.append(Inline(kind="picture"))
            self.notes.append(Note(found.number, "picture",
                                   "an old-style picture with no description: not imported"))

    def _text_boxes(self, element, found: Paragraph) -> None:
        for box in element.iter(qn("w:txbxContent")):
            if any(parent.tag == _MC_FALLBACK for parent in box.iterancestors()):
                continue
            text = " ".join(" ".join(t.text or "" for t in p.iter(qn("w:t"))).strip()
                            for p in box.iter(qn("w:p"))).strip()
            found.inlines.append(Inline(text, kind="text box"))
            self.notes.append(Note(found.number, "text box",
                                   f"a text box saying \"{text}\": its words were put in a "
                                   "paragraph of their own after this one; check where they "
                                   "belong" if text else "an empty text box: left out"))

    # -- tables ----------------------------------------------------------------------------

    def table(self, element, parent) -> Table:
        self.tables += 1
        word = WordTable(element, parent)
        found = Table(self.tables, self.paragraphs, [])
        for row_element in element.findall(qn("w:tr")):
            row: list[Cell] = []
            for cell_element in row_element.findall(qn("w:tc")):
                span, merge = cell_element.grid_span, cell_element.vMerge
                paragraphs = [self.paragraph(p, word, in_table=True)
                              for p in cell_element.iter(qn("w:p"))]
                if merge == "continue":
                    row.append(Cell([], "down"))
                else:
                    row.append(Cell(paragraphs))
                row.extend(Cell([], "across") for _ in range(span - 1))
            found.rows.append(row)
        return found

    # -- the document ----------------------------------------------------------------------

    def body(self, container, parent) -> None:
        for child in container:
            if child.tag == qn("w:p"):
                self.blocks.append(self.paragraph(child, parent))
            elif child.tag == qn("w:tbl"):
                self.blocks.append(self.table(child, parent))
            elif child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    self.body(content, parent)

    def footnotes(self) -> dict[str, list[Paragraph]]:
        part = next((rel.target_part for rel in self.part.rels.values()
                     if rel.reltype.endswith("/footnotes") and not rel.is_external), None)
        if part is None:
            return {}
        element = getattr(part, "element", None)
        if element is None:
            element = parse_xml(part.blob)
        notes = {}
        for note in element.findall(qn("w:footnote")):
            if note.get(qn("w:type")) in ("separator", "continuationSeparator",
                                          "continuationNotice"):
                continue
            paragraphs = [self.paragraph(p, self.document, in_table=True)
                          for p in note.findall(qn("w:p"))]
            notes[note.get(qn("w:id"))] = paragraphs
        return notes


def read_document(path: Path) -> Document:
    """The document at `path`, already checked by wordfile.check_word_file."""
    reader = _Reader(path)
    reader.body(reader.document.element.body, reader.document._body)
    footnotes = reader.footnotes()
    title = None
    for block in reader.blocks:
        if isinstance(block, Paragraph) and block.style.lower() == "title" and block.text:
            title = block.text
            break
    title = title or (reader.document.core_properties.title or "").strip() or None
    return Document(path.name, title, reader.blocks, footnotes, reader.notes)
