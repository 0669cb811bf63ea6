"""The numbers Word shows beside paragraphs, which a .docx file does not store as text.

Word keeps a list's definition in the numbering part: each "abstract" list has up to nine
levels, each with a start value, a number format (1, a, A, i, I, bullet, none) and a
pattern such as "%1.%2." that builds the shown number from the counters of the levels above.
A paragraph joins a list directly (w:numPr: a list instance and a level) or through its
style (Heading 1 linked to level 1, say). Every list instance that shares an abstract list
shares its counters, so numbering continues across headings and other lists, unless the
instance restarts a level (w:startOverride). Using a level resets the levels below it, unless
a level says otherwise (w:lvlRestart). `ListNumbers.number` walks the paragraphs in order
and gives each the number Word shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.oxml.ns import qn

_FORMATS = ("decimal", "decimalZero", "lowerLetter", "upperLetter", "lowerRoman",
            "upperRoman", "bullet", "none", "ordinal", "cardinalText", "ordinalText")
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _roman(number: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def _letters(number: int) -> str:
    # Word's letters: a..z, then aa..zz, then aaa...
    if number < 1:
        return ""
    letter = "abcdefghijklmnopqrstuvwxyz"[(number - 1) % 26]
    return letter * ((number - 1) // 26 + 1)


def formatted(number: int, fmt: str) -> str:
    if fmt == "decimalZero":
        return f"{number:02d}"
    if fmt == "lowerLetter":
        return _letters(number)
    if fmt == "upperLetter":
        return _letters(number).upper()
    if fmt == "lowerRoman":
        return _roman(number)
    if fmt == "upperRoman":
        return _roman(number).upper()
    if fmt in ("bullet", "none"):
        return ""
    return str(number)


@dataclass(frozen=True)
class Level:
    start: int
    fmt: str  # one of _FORMATS (others read as decimal)
    text: str  # the pattern, such as "%1.%2"
    restart: int | None  # w:lvlRestart: None for the default, 0 for never
    legal: bool  # w:isLgl: every level shown as a decimal number
    style: str | None  # the paragraph style this level belongs to, if any

    @property
    def bullet(self) -> bool:
        return self.fmt == "bullet"


@dataclass(frozen=True)
class Shown:
    """The number a paragraph shows, and where it comes from."""

    label: str  # as Word shows it: "4.2", "(b)", "•"; "" for a level shown without one
    level: int  # 0 for the top level
    list_id: str  # the abstract list: paragraphs with the same one share counters
    fmt: str
    bullet: bool
    counters: tuple[int, ...]  # the counter of each level down to this one


def _int(element, name: str, default: int | None = None) -> int | None:
    child = element.find(qn(name)) if element is not None else None
    value = child.get(qn("w:val")) if child is not None else None
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _val(element, name: str) -> str | None:
    child = element.find(qn(name)) if element is not None else None
    return child.get(qn("w:val")) if child is not None else None


def _level(element) -> Level:
    fmt = _val(element, "w:numFmt") or "decimal"
    legal = element.find(qn("w:isLgl"))
    return Level(start=_int(element, "w:start", 1) or 0, fmt=fmt if fmt in _FORMATS else "decimal",
                 text=_val(element, "w:lvlText") or "", restart=_int(element, "w:lvlRestart"),
                 legal=legal is not None and legal.get(qn("w:val"), "1") not in ("0", "false"),
                 style=_val(element, "w:pStyle"))


@dataclass
class _Instance:
    abstract: str
    overrides: dict[int, int]  # level -> start value, applied on first use
    levels: dict[int, Level]  # levels the instance redefines
    used: bool = False


@dataclass
class ListNumbers:
    """The lists of one document, and the counters while its paragraphs are read in order."""

    abstracts: dict[str, dict[int, Level]] = field(default_factory=dict)
    instances: dict[str, _Instance] = field(default_factory=dict)
    style_links: dict[str, str] = field(default_factory=dict)  # abstract -> its style's list
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def of(cls, numbering_element) -> "ListNumbers":
        lists = cls()
        if numbering_element is None:
            return lists
        for abstract in numbering_element.findall(qn("w:abstractNum")):
            key = abstract.get(qn("w:abstractNumId"))
            lists.abstracts[key] = {int(lvl.get(qn("w:ilvl"), "0")): _level(lvl)
                                    for lvl in abstract.findall(qn("w:lvl"))}
            link = _val(abstract, "w:numStyleLink")
            if link:
                lists.style_links[key] = link
        for num in numbering_element.findall(qn("w:num")):
            overrides, levels = {}, {}
            for override in num.findall(qn("w:lvlOverride")):
                index = int(override.get(qn("w:ilvl"), "0"))
                start = _int(override, "w:startOverride")
                if start is not None:
                    overrides[index] = start
                redefined = override.find(qn("w:lvl"))
                if redefined is not None:
                    levels[index] = _level(redefined)
            lists.instances[num.get(qn("w:numId"))] = _Instance(
                _val(num, "w:abstractNumId") or "", overrides, levels)
        return lists

    def _abstract_of(self, num_id: str, styles: dict[str, tuple[str | None, int | None]]) -> str | None:
        instance = self.instances.get(num_id)
        if instance is None:
            return None
        abstract = instance.abstract
        # A list defined by a numbering style points at the style, whose list has the levels.
        for _ in range(3):
            link = self.style_links.get(abstract)
            linked = styles.get(link) if link else None
            if not linked or not linked[0] or linked[0] not in self.instances:
                break
            abstract = self.instances[linked[0]].abstract
        return abstract

    def level_of(self, abstract: str, index: int, instance: _Instance | None) -> Level | None:
        if instance is not None and index in instance.levels:
            return instance.levels[index]
        return self.abstracts.get(abstract, {}).get(index)

    def number(self, num_id: str | None, ilvl: int | None, style_id: str | None,
               styles: dict[str, tuple[str | None, int | None]]) -> Shown | None:
        """Count one paragraph (in document order) and give the number it shows, or None if
        it is not numbered. `styles` gives each paragraph style's own (list, level)."""
        if num_id is None or num_id == "0":
            return None
        abstract = self._abstract_of(num_id, styles)
        if abstract is None or abstract not in self.abstracts:
            return None
        instance = self.instances[num_id]
        if ilvl is None:
            # A style's level comes from the list level that names the style, else level 1.
            ilvl = next((index for index, lvl in self.abstracts[abstract].items()
                         if style_id and lvl.style == style_id), 0)
        level = self.level_of(abstract, ilvl, instance)
        if level is None:
            return None
        counters = self.counters.setdefault(abstract, {})
        if not instance.used:
            instance.used = True
            for index, start in instance.overrides.items():
                counters[index] = start - 1
                for deeper in [key for key in counters if key > index]:
                    del counters[deeper]
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        for deeper in [key for key in counters if key > ilvl]:
            deeper_level = self.level_of(abstract, deeper, instance)
            restart = deeper_level.restart if deeper_level else None
            if restart is None or (restart != 0 and ilvl <= restart - 1):
                del counters[deeper]
        values = []
        for index in range(ilvl + 1):
            shown = self.level_of(abstract, index, instance)
            values.append(counters.get(index, shown.start if shown else 1))
        label = level.text
        for index in range(8, -1, -1):
            placeholder = f"%{index + 1}"
            if placeholder in label:
                shown = self.level_of(abstract, index, instance)
                fmt = "decimal" if (level.legal and index < ilvl) or shown is None else shown.fmt
                label = label.replace(placeholder, formatted(values[index] if index < len(values)
                                                             else 1, fmt))
        return Shown(label.strip(), ilvl, abstract, level.fmt, level.bullet, tuple(values))
