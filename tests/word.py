"""Word files for the import tests, written the way Word writes them: numbering defined in
the numbering part (abstract lists and their instances, levels linked to heading styles,
restarts), styles, hyperlinks through relationships, bookmarks and REF fields, footnotes in
their own part, comments, merged table cells, tracked changes. python-docx writes the
package; the parts it has no API for are written as Word's XML."""

from __future__ import annotations

import itertools
import struct
import zlib
from io import BytesIO
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
DECIMAL_LEVELS = [("decimal", "%1."), ("decimal", "%1.%2"), ("decimal", "%1.%2.%3"),
                  ("lowerLetter", "(%4)")]


def _element(tag: str, **attributes: str):
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), str(value))
    return element


class WordFile:
    def __init__(self, title: str | None = None):
        self.document = docx.Document()
        self.numbering = self.document.part.numbering_part.element
        self._ids = itertools.count(10)
        self._bookmarks = itertools.count(1)
        self._footnotes = None
        if title:
            self.document.add_paragraph(title, style="Title")

    # -- numbering -------------------------------------------------------------------------

    def list_definition(self, levels: list[tuple[str, str]], styles: dict[int, str] | None = None,
                        restart: dict[int, int] | None = None) -> str:
        """An abstract list with `levels` (format, pattern); some levels linked to paragraph
        styles (level -> style id) or with w:lvlRestart. Returns its id."""
        abstract_id = str(next(self._ids))
        abstract = _element("w:abstractNum", abstractNumId=abstract_id)
        abstract.append(_element("w:multiLevelType", val="multilevel"))
        for index, (fmt, text) in enumerate(levels):
            level = _element("w:lvl", ilvl=index)
            level.append(_element("w:start", val=1))
            level.append(_element("w:numFmt", val=fmt))
            if restart and index in restart:
                level.append(_element("w:lvlRestart", val=restart[index]))
            if styles and index in styles:
                level.append(_element("w:pStyle", val=styles[index]))
            level.append(_element("w:lvlText", val=text if fmt != "bullet" else "\u2022"))
            abstract.append(level)
        # Word keeps every abstract list before the first list instance
        first_num = self.numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            self.numbering.append(abstract)
        return abstract_id

    def list_instance(self, abstract_id: str, start_at: dict[int, int] | None = None) -> str:
        num_id = str(next(self._ids))
        num = _element("w:num", numId=num_id)
        num.append(_element("w:abstractNumId", val=abstract_id))
        for level, start in (start_at or {}).items():
            override = _element("w:lvlOverride", ilvl=level)
            override.append(_element("w:startOverride", val=start))
            num.append(override)
        self.numbering.append(num)
        return num_id

    def link_style(self, style_name: str, num_id: str, level: int) -> None:
        """Number a paragraph style (Heading 1, say) with a list level, as Word does when a
        multilevel list is linked to headings."""
        style = self.document.styles[style_name]
        properties = style.element.get_or_add_pPr()
        num_pr = _element("w:numPr")
        num_pr.append(_element("w:ilvl", val=level))
        num_pr.append(_element("w:numId", val=num_id))
        properties.insert(0, num_pr)

    # -- paragraphs ------------------------------------------------------------------------

    def paragraph(self, *pieces, style: str | None = None, num: str | None = None,
                  level: int = 0):
        """A paragraph of `pieces`: plain strings, or (text, 'b'/'i'/'bi')."""
        paragraph = self.document.add_paragraph(style=style)
        for piece in pieces:
            text, fmt = (piece, "") if isinstance(piece, str) else piece
            run = paragraph.add_run(text)
            run.bold = "b" in fmt or None
            run.italic = "i" in fmt or None
        if num is not None:
            properties = paragraph._p.get_or_add_pPr()
            num_pr = _element("w:numPr")
            num_pr.append(_element("w:ilvl", val=level))
            num_pr.append(_element("w:numId", val=num))
            properties.append(num_pr)
        return paragraph

    def heading(self, text: str, level: int = 1):
        return self.document.add_paragraph(text, style=f"Heading {level}")

    def link(self, paragraph, text: str, url: str) -> None:
        r_id = self.document.part.relate_to(url, RT.HYPERLINK, is_external=True)
        link = _element("w:hyperlink")
        link.set(qn("r:id"), r_id)
        run = _element("w:r")
        run.append(_element("w:rStyle", val="Hyperlink"))
        text_element = _element("w:t")
        text_element.text = text
        run.append(text_element)
        link.append(run)
        paragraph._p.append(link)

    def bookmark(self, paragraph, name: str) -> None:
        number = next(self._bookmarks)
        paragraph._p.insert(1, _element("w:bookmarkEnd", id=number))
        paragraph._p.insert(1, _element("w:bookmarkStart", id=number, name=name))

    def reference(self, paragraph, bookmark: str, shown: str) -> None:
        """A cross-reference field to a numbered paragraph, showing its number (REF \\r)."""
        def run(*children):
            element = _element("w:r")
            for child in children:
                element.append(child)
            return element
        instruction = _element("w:instrText")
        instruction.set(qn("xml:space"), "preserve")
        instruction.text = f" REF {bookmark} \\r \\h "
        result = _element("w:t")
        result.text = shown
        for element in (run(_element("w:fldChar", fldCharType="begin")), run(instruction),
                        run(_element("w:fldChar", fldCharType="separate")), run(result),
                        run(_element("w:fldChar", fldCharType="end"))):
            paragraph._p.append(element)

    def footnote(self, paragraph, text: str) -> None:
        if self._footnotes is None:
            element = parse_xml(
                f"<w:footnotes {nsdecls('w')}>"
                '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
                "</w:footnote>"
                '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
                "<w:continuationSeparator/></w:r></w:p></w:footnote></w:footnotes>")
            self._footnotes = XmlPart(PackURI("/word/footnotes.xml"), FOOTNOTES_TYPE, element,
                                      self.document.part.package)
            self.document.part.relate_to(self._footnotes, RT.FOOTNOTES)
        notes = self._footnotes.element
        note_id = str(len(notes.findall(qn("w:footnote"))) - 1)
        notes.append(parse_xml(
            f'<w:footnote {nsdecls("w")} w:id="{note_id}"><w:p><w:r><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'))
        reference = _element("w:r")
        reference.append(_element("w:footnoteReference", id=note_id))
        paragraph._p.append(reference)

    def text_box(self, paragraph, text: str) -> None:
        """A text box beside the paragraph, as older Word versions write one (VML)."""
        paragraph._p.append(parse_xml(
            f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape style="width:200pt;height:40pt">'
            f"<v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
            "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"))

    def comment(self, paragraph, text: str) -> None:
        self.document.add_comment(paragraph.runs, text=text, author="Reviewer", initials="R")

    def tracked_insertion(self, paragraph, text: str) -> None:
        inserted = parse_xml(
            f'<w:ins {nsdecls("w")} w:id="901" w:author="Reviewer" w:date="2026-11-01T10:00:00Z">'
            f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:ins>')
        paragraph._p.append(inserted)

    def table(self, rows: list[list[str]], merge_across: tuple[int, int] | None = None,
              merge_down: tuple[int, int] | None = None):
        """A table of `rows`; merge_across (row, column) merges that cell with the one to its
        right, merge_down with the one below, as Word stores merged cells."""
        table = self.document.add_table(rows=len(rows), cols=len(rows[0]))
        for row_index, row in enumerate(rows):
            for column, text in enumerate(row):
                table.cell(row_index, column).text = text
        if merge_across:
            row, column = merge_across
            table.cell(row, column).merge(table.cell(row, column + 1))
        if merge_down:
            row, column = merge_down
            table.cell(row, column).merge(table.cell(row + 1, column))
        return table

    def control_table(self, facts: list[tuple[str, str]]):
        return self.table([list(pair) for pair in facts])

    def save(self, path: Path) -> Path:
        self.document.save(str(path))
        return path


# -- the sample policies the tests import ------------------------------------------------

#: The long policy: eight sections of five to six clauses (45 in all), some with numbered
#: sub-paragraphs, and the clauses of sections 3 and 6 with headings of their own.
SECTIONS = ["Purpose", "Scope", "Definitions", "Roles and responsibilities",
            "Making a request", "Deciding a request", "Monitoring", "Review"]
CLAUSES = {1: 6, 2: 5, 3: 6, 4: 6, 5: 5, 6: 6, 7: 5, 8: 6}
SUBS = {(4, 2): 3, (5, 1): 2, (6, 6): 4}
HEADED = (3, 6)


def sentence(section: int, clause: int) -> str:
    return (f"Rule {section} {clause} says what employees in part {section} must do, "
            f"and why it matters to the service.")


def long_policy(path: Path, restart_at: int = 6) -> Path:
    """A Word policy numbered by one multi-level list (1, 1.1, 1.1.1) linked to Heading 1
    and Heading 2. The second half uses a second instance of the same list that restarts
    section numbering at `restart_at` (as a document pasted together from two files does),
    and an unnumbered Heading 3 inside section 4 that clause numbering continues across."""
    word = WordFile("Flexible Working Policy")
    word.control_table([("Version", "3.2"), ("Approved by", "Personnel Committee"),
                        ("Date approved", "14 May 2026"),
                        ("Policy owner", "Head of Human Resources"),
                        ("Next review date", "14/05/2028"),
                        ("Replaces", "Flexible Working Procedure (2019)")])
    word.paragraph("How employees can ask to change when and where they work, and how "
                   "managers decide.")
    abstract = word.list_definition(DECIMAL_LEVELS, styles={0: "Heading1", 1: "Heading2"})
    first = word.list_instance(abstract)
    second = word.list_instance(abstract, start_at={0: restart_at})
    word.link_style("Heading 1", first, 0)
    for number, title in enumerate(SECTIONS, start=1):
        instance = first if number < 6 else second
        if number == 6:
            word.paragraph(title, style="Heading 1", num=second, level=0)
        else:
            word.heading(title, 1)
        for clause in range(1, CLAUSES[number] + 1):
            if number == 4 and clause == 4:
                word.heading("For managers", 3)
            if number in HEADED:
                word.paragraph(f"Clause heading {number} {clause}", style="Heading 2",
                               num=instance, level=1)
                word.paragraph(sentence(number, clause))
            else:
                word.paragraph(sentence(number, clause), style="List Paragraph",
                               num=instance, level=1)
            for sub in range(1, SUBS.get((number, clause), 0) + 1):
                word.paragraph(f"Sub-paragraph {number} {clause} {sub} of the rule.",
                               style="List Paragraph", num=instance, level=2)
    return word.save(path)


def hand_numbered(path: Path) -> Path:
    """Numbers typed into the text, as in a policy written before anyone set up Word's
    numbering, with a sentence that starts with a number as a trap."""
    word = WordFile("Lone Working Policy")
    word.paragraph("1. Introduction", style="Heading 1")
    word.paragraph("1.1 This policy keeps employees who work alone safe.")
    word.paragraph("1.2 It applies to every employee who works alone at any time.")
    word.paragraph("2. Scope", style="Heading 1")
    word.paragraph("2.1 Employees who visit residents at home.")
    word.paragraph("2.1.1 This includes visits made outside normal hours.")
    word.paragraph("3 days' notice is needed before a planned lone visit.")
    word.paragraph("2.2 Employees who work alone in Council buildings.")
    word.paragraph("3.0 Roles and responsibilities", style="Heading 1")
    word.paragraph("3.1 Managers make sure a risk assessment is done, see paragraph 2.2.")
    return word.save(path)


def tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b""))


def structured(path: Path, tracked: bool = False) -> Path:
    """Everything a clause can hold: emphasis, nested bullets, a lettered list, a table
    with a merged cell, a footnote, a web link, cross-references typed and as a field, a
    comment and two pictures (one described); no document control."""
    word = WordFile("Dignity at Work Policy")
    abstract = word.list_definition(DECIMAL_LEVELS, styles={0: "Heading1"})
    num = word.list_instance(abstract)
    word.link_style("Heading 1", num, 0)
    bullets = word.list_instance(word.list_definition([("bullet", ""), ("bullet", "")]))
    letters = word.list_instance(word.list_definition([("lowerLetter", "(%1)")]))
    word.heading("Purpose")
    target = word.paragraph("Everyone has the right to be treated with ", ("dignity", "b"),
                            " and ", ("respect", "i"), ".", num=num, level=1)
    word.bookmark(target, "_Ref500")
    word.comment(target, "Check this wording with the unions")
    word.heading("Scope")
    covered = word.paragraph("It covers these people, as paragraph 1.1 explains:",
                             num=num, level=1)
    word.footnote(covered, "Agency workers are covered by their agency's policy too.")
    word.paragraph("employees", num=bullets, level=0)
    word.paragraph("those on fixed-term contracts", num=bullets, level=1)
    word.paragraph("volunteers", num=bullets, level=0)
    word.paragraph("in a Council building;", num=letters, level=0)
    word.paragraph("at an event run by the Council.", num=letters, level=0)
    linked = word.paragraph("Read the", num=num, level=1)
    word.link(linked, " ACAS guide", "https://www.acas.org.uk/bullying")
    linked.add_run(" and clause ")
    word.reference(linked, "_Ref500", "1.1")
    linked.add_run(".")
    word.table([["Behaviour", "Example", "Who to tell"],
                ["Bullying", "Shouting at someone", "Your manager"],
                ["Harassment", "Unwanted comments", "Human Resources"]],
               merge_down=(1, 2))
    pictured = word.paragraph("The steps are shown below.", num=num, level=1)
    pictured.add_run().add_picture(BytesIO(tiny_png()))
    pictured._p.xpath(".//wp:docPr")[0].set("descr", "Flow chart of the three steps")
    bare = word.paragraph("A second chart.", num=num, level=1)
    bare.add_run().add_picture(BytesIO(tiny_png()))
    if tracked:
        word.tracked_insertion(bare, " An added sentence.")
    steps = word.list_instance(word.list_definition([("decimal", "%1.")]))
    word.paragraph("How to complain.", num=num, level=1)
    word.paragraph("Write down what happened.", num=steps, level=0)
    word.paragraph("Tell your manager.", num=steps, level=0)
    quoted = word.paragraph("Treat others as you would like to be treated.", style="Quote")
    word.text_box(quoted, "Call the employee helpline at any time")
    word.heading("Roles & responsibilities")
    word.paragraph("Managers act on every complaint within five working days.",
                   num=num, level=1)
    word.paragraph(HOSTILE, num=num, level=1)
    return word.save(path)


#: Words in a Word file that would be markup, script or an attribute if they were not
#: written as text.
HOSTILE = ('Type <script>alert("x")</script> or <b onclick="x()">this</b> & &copy; '
           '*not bold* [not a link](https://example.invalid) {#not-an-anchor} _plain_')


def plain_paragraphs(path: Path) -> Path:
    """No numbers, no headings: a short note of a policy in plain paragraphs."""
    word = WordFile()
    word.paragraph("Car sharing")
    word.paragraph("Employees may share cars for journeys made on Council business.")
    word.paragraph("Each driver must have business insurance.")
    return word.save(path)


def headings_only(path: Path) -> Path:
    """Headings and paragraphs with no numbers at all, shown or typed."""
    word = WordFile("Expenses Policy")
    word.heading("Purpose", 1)
    word.heading("Why we pay expenses", 2)
    word.paragraph("We pay back what employees spend on Council business.")
    word.heading("Scope", 1)
    word.heading("Who can claim", 2)
    word.paragraph("Every employee can claim.")
    word.heading("What you cannot claim", 2)
    word.paragraph("Travel from home to your usual place of work.")
    return word.save(path)


def never_restarting(path: Path) -> Path:
    """A list whose second level never restarts (w:lvlRestart 0): Word shows 1.1, 1.2, then
    2.3, 2.4 under section 2, and the draft must say so."""
    word = WordFile("Car Parking Policy")
    abstract = word.list_definition(DECIMAL_LEVELS, styles={0: "Heading1"}, restart={1: 0})
    num = word.list_instance(abstract)
    word.link_style("Heading 1", num, 0)
    word.heading("Purpose")
    word.paragraph("Parking is for people who need it for their work.", num=num, level=1)
    word.paragraph("Spaces are shared fairly between teams.", num=num, level=1)
    word.heading("Scope")
    word.paragraph("It covers every Council car park.", num=num, level=1)
    word.paragraph("It covers visitors' spaces too.", num=num, level=1)
    return word.save(path)
