"""The status vocabulary: one label, one colour, one sentence each, used on every page and in the admin."""

from django.db import models


class Status(models.TextChoices):
    PENDING = "pending", "待评估"
    NOT_STARTED = "not_started", "未启动"
    IN_PROGRESS = "in_progress", "推进中"
    DONE = "done", "已完成"
    EXCEEDED = "exceeded", "超额完成"
    PARTIAL = "partial", "部分完成"
    MISSED = "missed", "未完成"
    ADJUSTED = "adjusted", "已调整"
    UNVERIFIED = "unverified", "待核实"

    @property
    def colour(self) -> str:
        return STATUS_COLOURS[self]

    @property
    def text_colour(self) -> str:
        # White text only on the dark fills; checked for WCAG AA contrast.
        return "#ffffff" if self in _DARK else "#1a1a1a"

    @property
    def definition(self) -> str:
        return STATUS_DEFINITIONS[self]

    @property
    def group(self) -> str:
        """The five buckets of a one-line scorecard: kept, in progress, not started, missed, not yet assessable."""
        return STATUS_GROUPS[self]


STATUS_COLOURS = {
    Status.PENDING: "#d9d9d9",
    Status.NOT_STARTED: "#f2e2c4",
    Status.IN_PROGRESS: "#9cc3e6",
    Status.DONE: "#1e7b3c",
    Status.EXCEEDED: "#0b5229",
    Status.PARTIAL: "#f0b429",
    Status.MISSED: "#b3261e",
    Status.ADJUSTED: "#6f42c1",
    Status.UNVERIFIED: "#fde68a",
}
_DARK = {Status.DONE, Status.EXCEEDED, Status.MISSED, Status.ADJUSTED}

STATUS_DEFINITIONS = {
    Status.PENDING: "年度尚未结束或尚无可核对的证据，暂不评价。",
    Status.NOT_STARTED: "有证据表明该事项尚未开始实施。",
    Status.IN_PROGRESS: "已开始实施，尚未达到承诺的目标。",
    Status.DONE: "有证据表明已达到承诺的目标。",
    Status.EXCEEDED: "有证据表明超过了承诺的目标（或达到了力争目标）。",
    Status.PARTIAL: "有证据表明取得进展，但未完全达到承诺的目标。",
    Status.MISSED: "期限已过，证据表明未达到承诺的目标。",
    Status.ADJUSTED: "目标被政府正式调整或取消，并说明了理由。",
    Status.UNVERIFIED: "已有完成情况的说法，但尚待工作人员核实。",
}

STATUS_GROUPS = {
    Status.PENDING: "pending",
    Status.NOT_STARTED: "not_started",
    Status.IN_PROGRESS: "progress",
    Status.DONE: "kept",
    Status.EXCEEDED: "kept",
    Status.PARTIAL: "missed",
    Status.MISSED: "missed",
    Status.ADJUSTED: "pending",
    Status.UNVERIFIED: "pending",
}

# one word for one state: 待评估 is the word of the tile and of the badge; 未启动 is not progress
GROUP_LABELS = {
    "kept": "已兑现",
    "progress": "推进中",
    "not_started": "未启动",
    "missed": "未兑现",
    "pending": "待评估",
}
