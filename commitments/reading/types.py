"""Dataclasses the reading package returns. Plain Python: no Django import here or anywhere in reading/."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class DecodedDocument:
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "gb18030", "utf-16", "docx", "pdf"
    format: str  # "txt", "docx", "pdf"


@dataclass(frozen=True)
class Part:
    kind: str  # "review" | "plan" | "self" | "other"
    title: str
    start: int
    end: int
    horizon: int | None = None  # a five-year plan part's last year (“十四五” → 2025); None for the year's plan


@dataclass(frozen=True)
class Section:
    part: str  # kind of the part it belongs to
    title: str
    start: int
    end: int
    level: int = 1  # 1 = （一）heading; 2 = lead phrase inside it (落实就业优先政策) — added by the reading package


@dataclass(frozen=True)
class Commitment:
    kind: str  # "target" | "milestone"
    indicator: str
    value: float | None
    unit: str
    stretch_value: float | None
    qualifier: str  # hedge words joined with "+", e.g. "力争+以上"
    quote: str  # == text[start:end]
    start: int
    end: int
    section: str
    category: str
    deadline: str | None
    horizon: int | None = None  # a five-year plan's goal: its last year (“十四五” → 2025); None for the year's goals


@dataclass(frozen=True)
class Outcome:
    indicator: str
    value: float
    unit: str
    qualifier: str
    quote: str
    start: int
    end: int
    section: str
    period: str | None = None  # "2016-2020" for an outcome of a five-year review (五年来); None for the last year
    estimated: bool = False  # 预计全年实现地区生产总值295亿元: an estimate, replaced when a final figure arrives


@dataclass
class Extraction:
    region: str | None
    parent_region: str | None
    level: str | None  # 国家 | 省 自治区 直辖市 | 地级市 自治州 盟 地区 | 县 自治县 旗 县级市 市辖区 … (divisions.py)
    plan_year: int | None
    review_year: int | None
    region_code: str | None = None  # official 6-digit division code (130628); 100000 for the State Council
    title: str = ""
    delivered_on: str | None = None  # ISO date when the text states it
    parts: list[Part] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    vague_work: int = 0  # clauses of the plan that promise work but no checkable result (加快推进…, 深化…)

    def as_json(self) -> dict:
        """The stable JSON shape of `extract_report --json` (items sorted by start)."""
        data = asdict(self)
        for key in ("parts", "sections", "commitments", "outcomes"):
            data[key] = sorted(data[key], key=lambda item: (item["start"], item["end"]))
        return data


class UnreadableDocument(ValueError):
    """A file that cannot be turned into text; the message is shown to the user as is (简体中文)."""
