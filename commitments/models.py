from dataclasses import dataclass

from django.conf import settings
from django.db import models, transaction
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from commitments.reading.divisions import COUNTY_LEVELS  # one vocabulary of levels, the reading package's
from commitments.reading.numbers import fmt
from commitments.reading.units import LEVEL_UNITS, RATE_UNITS
from commitments.status import Status


class Category(models.TextChoices):
    ECONOMY = "经济运行", "经济运行"
    INDUSTRY = "产业发展", "产业发展"
    INNOVATION = "科技创新", "科技创新"
    DEMAND = "扩大内需", "扩大内需"
    URBAN = "城乡建设", "城乡建设"
    RURAL = "乡村振兴", "乡村振兴"
    ECOLOGY = "生态环境", "生态环境"
    REFORM = "改革开放", "改革开放"
    LIVELIHOOD = "民生保障", "民生保障"
    SAFETY = "安全稳定", "安全稳定"
    GOVERNANCE = "政府建设", "政府建设"
    OTHER = "其他", "其他"


class Region(models.Model):
    class Level(models.TextChoices):
        """The levels of commitments/reading/divisions.py, from the State Council down to a county."""

        NATIONAL = "国家", "国家（国务院）"
        PROVINCE = "省", "省"
        AUTONOMOUS_REGION = "自治区", "自治区"
        MUNICIPALITY = "直辖市", "直辖市"
        CITY = "地级市", "地级市"
        PREFECTURE = "自治州", "自治州"
        LEAGUE = "盟", "盟"
        AREA = "地区", "地区"
        NEW_AREA = "新区", "新区"
        ZONE = "开发区", "开发区（功能区）"
        DISTRICT = "市辖区", "市辖区"
        COUNTY = "县", "县"
        AUTONOMOUS_COUNTY = "自治县", "自治县"
        BANNER = "旗", "旗"
        AUTONOMOUS_BANNER = "自治旗", "自治旗"
        COUNTY_CITY = "县级市", "县级市"
        FOREST_AREA = "林区", "林区"
        SPECIAL_DISTRICT = "特区", "特区"

    name = models.CharField("名称", max_length=64)
    level = models.CharField("级别", max_length=8, choices=Level.choices)
    code = models.CharField(
        "区划代码", max_length=6, unique=True, null=True, blank=True, help_text="民政部行政区划代码，如 130628"
    )
    published = models.BooleanField(
        "已核实并公开", default=True, help_text="上传报告时新建的地区，经工作人员核实后才在公开页面显示"
    )
    parent = models.ForeignKey(
        "self", verbose_name="上级", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    slug = models.SlugField("网址名", max_length=80, unique=True, allow_unicode=False)

    class Meta:
        verbose_name = verbose_name_plural = "行政区划"
        ordering = ["slug"]
        constraints = [
            models.UniqueConstraint(fields=["parent", "name"], name="region_unique_name_in_parent"),
            models.UniqueConstraint(
                fields=["name"], condition=Q(parent__isnull=True), name="region_unique_top_level_name"
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        return reverse("commitments:region", args=[self.slug])

    @property
    def is_county_level(self) -> bool:
        return self.level in COUNTY_LEVELS

    @property
    def full_name(self) -> str:
        """河东区 → 临沂市河东区; a city or a province is named alone (临沂市, not 山东省临沂市)."""
        return f"{self.parent.name}{self.name}" if self.parent_id and self.is_county_level else self.name


class ReportQuerySet(models.QuerySet):
    def work_reports(self):
        return self.filter(kind=Report.Kind.WORK_REPORT)


class Report(models.Model):
    """A document read into the tracker: a 政府工作报告, or evidence such as a 统计公报."""

    class Kind(models.TextChoices):
        WORK_REPORT = "report", "政府工作报告"
        STATISTICS = "statistics", "统计公报"
        PLAN_EXECUTION = "plan-execution", "计划执行情况报告"
        NEWS = "news", "新闻报道"

    region = models.ForeignKey(Region, verbose_name="地区", on_delete=models.PROTECT, related_name="reports")
    kind = models.CharField("类型", max_length=16, choices=Kind.choices, default=Kind.WORK_REPORT)
    plan_year = models.PositiveSmallIntegerField("计划年度", null=True, blank=True)
    review_year = models.PositiveSmallIntegerField("回顾年度", null=True, blank=True)
    title = models.CharField("标题", max_length=200)
    delivered_on = models.DateField("日期", null=True, blank=True)
    source_file = models.FileField("原始文件", upload_to="reports/%Y/")
    original_name = models.CharField("原文件名", max_length=255)
    encoding = models.CharField("编码", max_length=16)
    text = models.TextField("解码文本")
    checksum = models.CharField("SHA-256", max_length=64, unique=True)
    imported_at = models.DateTimeField("导入时间", auto_now_add=True)
    revised_at = models.DateTimeField("最近修订时间", null=True, blank=True)
    revised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="最近修订人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="导入人", null=True, blank=True, on_delete=models.SET_NULL
    )
    warnings = models.JSONField("提示", default=list, blank=True)
    vague_work = models.PositiveIntegerField(
        "无法核对的工作表述", default=0, help_text="计划部分中只说“加快推进”“深化”等、没有可核对结果的分句数"
    )

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "报告与文件"
        ordering = ["-plan_year", "region__slug"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "plan_year"],
                condition=Q(kind="report"),
                name="report_one_work_report_per_region_year",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("commitments:report", args=[self.pk])


class Part(models.Model):
    class Kind(models.TextChoices):
        REVIEW = "review", "工作回顾"
        PLAN = "plan", "工作安排"
        SELF = "self", "政府自身建设"
        OTHER = "other", "其他"

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="parts")
    kind = models.CharField("类型", max_length=8, choices=Kind.choices)
    title = models.CharField("标题", max_length=300)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()

    class Meta:
        verbose_name = verbose_name_plural = "报告部分"
        ordering = ["report", "start"]
        constraints = [models.CheckConstraint(condition=Q(end__gte=F("start")), name="part_span_ordered")]

    def __str__(self) -> str:
        return self.title


class Section(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="sections")
    part = models.ForeignKey(Part, on_delete=models.CASCADE, related_name="sections", null=True, blank=True)
    title = models.CharField("标题", max_length=300)
    level = models.PositiveSmallIntegerField(
        "层级", default=1, help_text="1 = （一）…；2 = 段首要点，如“落实就业优先政策。”"
    )
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()

    class Meta:
        verbose_name = verbose_name_plural = "报告章节"
        ordering = ["report", "start"]
        constraints = [models.CheckConstraint(condition=Q(end__gte=F("start")), name="section_span_ordered")]

    def __str__(self) -> str:
        return self.title


class Indicator(models.Model):
    class Direction(models.TextChoices):
        HIGHER = "higher", "越高越好"
        LOWER = "lower", "越低越好"

    name = models.CharField("指标", max_length=64, unique=True)
    slug = models.SlugField("网址名", max_length=100, unique=True)
    aliases = models.JSONField("别名", default=list, blank=True)
    base_unit = models.CharField("基本单位", max_length=16, blank=True)
    direction = models.CharField("方向", max_length=8, choices=Direction.choices, default=Direction.HIGHER)
    category = models.CharField("类别", max_length=8, choices=Category.choices, default=Category.OTHER)

    class Meta:
        verbose_name = verbose_name_plural = "指标"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("commitments:indicator", args=[self.slug])


@dataclass(frozen=True)
class Ambition:
    """目标较上年实绩: a target against last year's actual. Amounts compare in percent (9万人 against 10.5万人:
    −14%); rates and shares in percentage points (增长5.5% against 6.3%: 低0.8个百分点), never as a percent
    of a percent."""

    change: float
    points: bool  # percentage points (a rate or a share), else percent

    @property
    def below(self) -> bool:
        return self.change < 0

    def __str__(self) -> str:
        if self.points:  # read after "目标较上年实绩": 低0.8个百分点
            if abs(self.change) < 0.05:
                return "持平"
            return f"{'高' if self.change > 0 else '低'}{fmt(round(abs(self.change), 2))}个百分点"
        change = round(self.change)
        return f"+{change}%" if change > 0 else (f"−{-change}%" if change < 0 else "±0%")


class CommitmentQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True, region__published=True)

    def claim_version(self, pk: int, *, seen: int | None) -> int | None:
        """Takes the next version of a commitment if it still has the version `seen` when the form was opened
        (None: whatever it has now); the new version, or None when a colleague saved it meanwhile."""
        current = self.filter(pk=pk).values_list("version", flat=True).first()
        if current is None or (seen is not None and current != seen):
            return None
        return current + 1 if self.filter(pk=pk, version=current).update(version=current + 1) else None


class NamedByIndicator:
    """An item linked to the indicator table shows the table's name; one the table does not know, its own words."""

    @property
    def indicator_label(self) -> str:
        return self.indicator.name if self.indicator_id else self.indicator_name


class Commitment(NamedByIndicator, models.Model):
    class Kind(models.TextChoices):
        TARGET = "target", "量化目标"
        MILESTONE = "milestone", "工作节点"

    class Origin(models.TextChoices):
        EXTRACTED = "extracted", "自动抽取"
        MANUAL = "manual", "人工添加"

    report = models.ForeignKey(Report, verbose_name="报告", on_delete=models.CASCADE, related_name="commitments")
    region = models.ForeignKey(Region, verbose_name="地区", on_delete=models.PROTECT, related_name="commitments")
    year = models.PositiveSmallIntegerField("年度")
    section = models.ForeignKey(
        Section, verbose_name="章节", null=True, blank=True, on_delete=models.SET_NULL, related_name="commitments"
    )
    category = models.CharField("类别", max_length=8, choices=Category.choices, default=Category.OTHER)
    kind = models.CharField("类型", max_length=10, choices=Kind.choices)
    indicator = models.ForeignKey(
        Indicator, verbose_name="指标", null=True, blank=True, on_delete=models.SET_NULL, related_name="commitments"
    )
    indicator_name = models.CharField("指标（原文）", max_length=100, blank=True)
    value = models.DecimalField("目标值", max_digits=20, decimal_places=4, null=True, blank=True)
    unit = models.CharField("单位", max_length=16, blank=True)
    normalized_value = models.DecimalField("折算值", max_digits=24, decimal_places=4, null=True, blank=True)
    base_unit = models.CharField("折算单位", max_length=16, blank=True)
    qualifier = models.CharField("限定词", max_length=40, blank=True, help_text="以上、左右、力争……，多个用 + 连接")
    stretch_value = models.DecimalField("力争值", max_digits=20, decimal_places=4, null=True, blank=True)
    deadline = models.CharField("期限（原文）", max_length=40, blank=True)
    horizon = models.PositiveSmallIntegerField(
        "规划目标年", null=True, blank=True, help_text="五年规划目标（“十四五”时期、到2025年）的目标年；当年目标留空"
    )
    due_date = models.DateField("截止日期", null=True, blank=True)
    lead_department = models.CharField("牵头单位", max_length=100, blank=True)
    status = models.CharField("进展状态", max_length=12, choices=Status.choices, default=Status.PENDING)
    is_headline = models.BooleanField("主要预期目标", default=False)
    quote = models.TextField("原文")
    start = models.PositiveIntegerField("原文起点", null=True, blank=True)
    end = models.PositiveIntegerField("原文终点", null=True, blank=True)
    origin = models.CharField("来源", max_length=10, choices=Origin.choices, default=Origin.EXTRACTED)
    is_public = models.BooleanField("公开", default=True)
    not_mentioned_next_year = models.BooleanField("次年报告未提及", default=False)
    baseline_outcome = models.ForeignKey(
        "Outcome",
        verbose_name="上年实绩",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="baseline_for",
    )
    ambition_ratio = models.DecimalField("目标/上年实绩", max_digits=10, decimal_places=4, null=True, blank=True)
    version = models.PositiveIntegerField("版本", default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = CommitmentQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "承诺"
        ordering = ["report", "start", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "kind", "start", "end"],
                condition=Q(start__isnull=False),
                name="commitment_unique_span",
            ),
        ]
        indexes = [
            models.Index(fields=["region", "year", "status"]),
            models.Index(fields=["indicator", "year"]),
            models.Index(fields=["status", "year"]),
            # Public lists newest first (search, API): a page is read off the index, not sorted from every row.
            models.Index(fields=["-year", "id"], condition=Q(is_public=True), name="commitment_public_recent"),
            # Public scorecards count by region, year and status without reading the table (SQLite).
            models.Index(
                fields=["region", "year", "status"], condition=Q(is_public=True), name="commitment_public_scorecard"
            ),
        ]

    def __str__(self) -> str:
        return self.quote[:60]

    def get_absolute_url(self) -> str:
        return reverse("commitments:commitment", args=[self.pk])

    @property
    def status_obj(self) -> Status:
        return Status(self.status)

    def latest_update(self):
        return self.updates.order_by("-date", "-created_at", "-pk").first()

    def ambition(self) -> Ambition | None:
        """目标较上年实绩, from the linked baseline (ambition_ratio).

        >>> str(Ambition(-14.3, points=False)), str(Ambition(-0.8, points=True)), str(Ambition(0.5, points=True))
        ('−14%', '低0.8个百分点', '高0.5个百分点')
        """
        if self.ambition_ratio is None:
            return None
        baseline = self.baseline_outcome if self.baseline_outcome_id else None
        if self.unit in RATE_UNITS and baseline and baseline.unit in RATE_UNITS:
            return Ambition(float(self.value) - float(baseline.value), points=True)
        return Ambition((float(self.ambition_ratio) - 1) * 100, points=False)

    def percent_reached(self, reached) -> int | None:
        """Percent of the target reached, for a progress bar; None when it means nothing: no number, a
        lower-is-better indicator, a rate or a level (it is reached or not: the verdict's arithmetic, 序时进度)."""
        if reached is None or not self.value or (self.indicator and self.indicator.direction == "lower"):
            return None
        if self.unit in LEVEL_UNITS:
            return None
        return max(0, min(100, round(float(reached) / float(self.value) * 100)))

    def follow_latest_update(self, *, reason: str) -> bool:
        """The status is the latest progress update's, or 待评估 when none is left; saved with the reason in
        its history and a new version (a colleague editing at the same time is told to reload). True when
        it changed."""
        with transaction.atomic():
            locked = Commitment.objects.select_for_update().get(pk=self.pk)
            latest = locked.latest_update()
            status = latest.status if latest else Status.PENDING
            if status == locked.status:
                return False
            locked.status, locked.version = status, locked.version + 1
            locked._change_reason = reason[:HISTORY_REASON_MAX]
            locked.save(update_fields=["status", "version", "updated_at"])
        self.status, self.version = locked.status, locked.version
        return True


#: simple_history's history_change_reason is a CharField(100)
HISTORY_REASON_MAX = 100


class Outcome(NamedByIndicator, models.Model):
    report = models.ForeignKey(Report, verbose_name="报告", on_delete=models.CASCADE, related_name="outcomes")
    region = models.ForeignKey(Region, verbose_name="地区", on_delete=models.PROTECT, related_name="outcomes")
    year = models.PositiveSmallIntegerField("年度")
    section = models.ForeignKey(
        Section, verbose_name="章节", null=True, blank=True, on_delete=models.SET_NULL, related_name="outcomes"
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name="指标", null=True, blank=True, on_delete=models.SET_NULL, related_name="outcomes"
    )
    indicator_name = models.CharField("指标（原文）", max_length=100, blank=True)
    value = models.DecimalField("实绩值", max_digits=20, decimal_places=4)
    unit = models.CharField("单位", max_length=16, blank=True)
    normalized_value = models.DecimalField("折算值", max_digits=24, decimal_places=4, null=True, blank=True)
    base_unit = models.CharField("折算单位", max_length=16, blank=True)
    qualifier = models.CharField("限定词", max_length=40, blank=True)
    period = models.CharField("时期", max_length=9, blank=True, help_text="五年回顾的实绩（五年来）：如 2016-2020")
    estimated = models.BooleanField(
        "预计数", default=False, help_text="报告写的是预计数（预计全年…）；终值公布后以终值为准"
    )
    quote = models.TextField("原文")
    start = models.PositiveIntegerField("原文起点")
    end = models.PositiveIntegerField("原文终点")

    class Meta:
        verbose_name = verbose_name_plural = "实绩"
        ordering = ["report", "start"]
        constraints = [
            models.UniqueConstraint(fields=["report", "start", "end"], name="outcome_unique_span"),
        ]
        indexes = [
            models.Index(fields=["region", "year"]),
            models.Index(fields=["indicator", "year"]),
            # Newest first (search, API): a page is read off the index, not sorted from every row.
            models.Index(fields=["-year", "id"], name="outcome_recent"),
        ]

    def __str__(self) -> str:
        return self.quote[:60]


def evidence_upload_to(instance, filename: str) -> str:
    return f"evidence/{instance.commitment_id}/{filename}"


class ProgressUpdate(models.Model):
    commitment = models.ForeignKey(Commitment, verbose_name="承诺", on_delete=models.CASCADE, related_name="updates")
    date = models.DateField("日期")
    status = models.CharField("进展状态", max_length=12, choices=Status.choices)
    value_reached = models.DecimalField("已达到值", max_digits=20, decimal_places=4, null=True, blank=True)
    note = models.TextField("说明", blank=True)
    reason = models.CharField("调整/未完成原因", max_length=40, blank=True)
    evidence_url = models.URLField("证据链接", blank=True)
    evidence_file = models.FileField("证据文件", upload_to=evidence_upload_to, blank=True)
    source_outcome = models.ForeignKey(
        Outcome, verbose_name="来源实绩", null=True, blank=True, on_delete=models.SET_NULL
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="填报人", null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField("填报时间", auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "进展"
        ordering = ["-date", "-created_at"]
        indexes = [models.Index(fields=["commitment", "-date"])]

    def __str__(self) -> str:
        return f"{self.date} {self.get_status_display()}"

    def history_reason(self) -> str:
        """The history reason of a status change made by this update: what, when, and why."""
        text = f"进展 {self.date:%Y-%m-%d}：{Status(self.status).label}"
        if self.reason:
            text += f"（{self.reason}）"
        if self.note:
            text += f" {self.note}"
        return text[:HISTORY_REASON_MAX]


class Verification(models.Model):
    """A verdict proposed for a commitment from a later document, waiting for staff to confirm."""

    class State(models.TextChoices):
        PROPOSED = "proposed", "待确认"
        ACCEPTED = "accepted", "已接受"
        REJECTED = "rejected", "已驳回"

    commitment = models.ForeignKey(
        Commitment, verbose_name="承诺", on_delete=models.CASCADE, related_name="verifications"
    )
    outcome = models.ForeignKey(
        Outcome, verbose_name="实绩", null=True, blank=True, on_delete=models.CASCADE, related_name="verifications"
    )
    source = models.ForeignKey(Report, verbose_name="核对文件", on_delete=models.CASCADE, related_name="verifications")
    score = models.FloatField("匹配度", default=0)
    verdict = models.CharField("建议状态", max_length=12, choices=Status.choices)
    arithmetic = models.TextField("计算过程", blank=True)
    # The evidence as written in the later document: the outcome's quote, or for a milestone the sentence
    # that names it (a milestone has no Outcome row).
    quote = models.TextField("核对原文", blank=True)
    start = models.PositiveIntegerField("核对原文起点", null=True, blank=True)
    end = models.PositiveIntegerField("核对原文终点", null=True, blank=True)
    state = models.CharField("处理", max_length=10, choices=State.choices, default=State.PROPOSED)
    # The progress update an accepted verdict became; a later correction edits it (its history keeps both).
    progress_update = models.OneToOneField(
        ProgressUpdate,
        verbose_name="形成的进展",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="verification",
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="确认人", null=True, blank=True, on_delete=models.SET_NULL
    )
    reviewed_at = models.DateTimeField("确认时间", null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "核对建议"
        ordering = ["-score"]
        constraints = [
            models.UniqueConstraint(fields=["commitment", "source"], name="verification_one_per_source"),
        ]

    def __str__(self) -> str:
        return f"{self.commitment} → {self.get_verdict_display()}"


class RegionGrant(models.Model):
    """A staff member may work on a region; a city grant covers its districts."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="region_grants")
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="grants")

    class Meta:
        verbose_name = verbose_name_plural = "地区授权"
        constraints = [models.UniqueConstraint(fields=["user", "region"], name="grant_unique")]

    def __str__(self) -> str:
        return f"{self.user} · {self.region}"


class CommitmentWord(models.Model):
    """A word of a commitment's quote (jieba search mode), so search reads an index instead of every quote.

    Written by commitments.search.index_* at import and on every save; no foreign-key constraint or cascade
    (the admin's delete page would list every word): deleting a commitment deletes its words by signal."""

    word = models.CharField(max_length=32)
    commitment = models.ForeignKey(
        Commitment, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+", db_index=False
    )

    class Meta:
        indexes = [models.Index(fields=["word", "commitment"]), models.Index(fields=["commitment"])]

    def __str__(self) -> str:
        return self.word


class OutcomeWord(models.Model):
    """A word of an outcome's quote; as CommitmentWord."""

    word = models.CharField(max_length=32)
    outcome = models.ForeignKey(
        Outcome, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+", db_index=False
    )

    class Meta:
        indexes = [models.Index(fields=["word", "outcome"]), models.Index(fields=["outcome"])]

    def __str__(self) -> str:
        return self.word
