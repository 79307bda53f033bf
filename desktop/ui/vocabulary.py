"""PlanDesk's vocabulary (statuses, roles, node kinds, plan levels, indicator attributes) as the window shows it.

The names live in desktop.status, shared with the reports, which stay Chinese. Listing them here puts them in the
translation catalogue; the window translates a name from its code with ``status_name(code)``, ``role_name(code)``,
``level_name(code)``, ``kind_name(code)`` and ``attribute_name(code)`` (or a Chinese name with
``vocabulary(name)``). tests/ui/test_translations.py keeps this list in step with desktop.status.

The services also hand the window a few sentences they build in Chinese (a warning's 说明, the time left on a
督办事项, the reporting rule, the scoring methods). The window shows them in its own language with ``sentence``:
each pattern below is the service's own format with its values as ``{0}``, ``{1}``…, so the Chinese window shows
the service's text unchanged and a translated window shows the translated pattern around the same values (plan
data in a value, such as a milestone's title, stays as it is). A text that fits no pattern is shown as it came.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache

from PySide6.QtCore import QCoreApplication

from ..services.core.status import ATTRIBUTE_NAMES, KIND_NAMES, LEVEL_NAMES, ROLE_NAMES, STATUS_NAMES


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - Qt's name, which lupdate and our script read
    """Qt's marker, typed: the text itself, found by scripts/update_translations.py under ``context``."""
    return text


NAMES = (
    # statuses
    QT_TRANSLATE_NOOP("Vocabulary", "未开始"),
    QT_TRANSLATE_NOOP("Vocabulary", "进行中"),
    QT_TRANSLATE_NOOP("Vocabulary", "已完成"),
    QT_TRANSLATE_NOOP("Vocabulary", "已逾期"),
    QT_TRANSLATE_NOOP("Vocabulary", "暂缓"),
    QT_TRANSLATE_NOOP("Vocabulary", "未分配"),
    # roles
    QT_TRANSLATE_NOOP("Vocabulary", "牵头"),
    QT_TRANSLATE_NOOP("Vocabulary", "配合"),
    # plan levels
    QT_TRANSLATE_NOOP("Vocabulary", "国家"),
    QT_TRANSLATE_NOOP("Vocabulary", "省级"),
    QT_TRANSLATE_NOOP("Vocabulary", "市级"),
    QT_TRANSLATE_NOOP("Vocabulary", "区县"),
    # node kinds
    QT_TRANSLATE_NOOP("Vocabulary", "方案"),
    QT_TRANSLATE_NOOP("Vocabulary", "章"),
    QT_TRANSLATE_NOOP("Vocabulary", "节"),
    QT_TRANSLATE_NOOP("Vocabulary", "任务"),
    QT_TRANSLATE_NOOP("Vocabulary", "专栏"),
    QT_TRANSLATE_NOOP("Vocabulary", "条目"),
    QT_TRANSLATE_NOOP("Vocabulary", "目标"),
    QT_TRANSLATE_NOOP("Vocabulary", "保障措施"),
    # indicator attributes
    QT_TRANSLATE_NOOP("Vocabulary", "约束性"),
    QT_TRANSLATE_NOOP("Vocabulary", "预期性"),
)


def tr(text: str) -> str:
    return QCoreApplication.translate("Vocabulary", text)


def vocabulary(name: str) -> str:
    return tr(name)


def status_name(code: str) -> str:
    """未开始/进行中/… of a status code ("" is 未分配)."""
    return tr(STATUS_NAMES[code]) if code in STATUS_NAMES else code


def role_name(code: str) -> str:
    return tr(ROLE_NAMES[code]) if code in ROLE_NAMES else code


def level_name(code: str) -> str:
    return tr(LEVEL_NAMES[code]) if code in LEVEL_NAMES else code


def kind_name(code: str) -> str:
    return tr(KIND_NAMES[code]) if code in KIND_NAMES else code


def attribute_name(code: str) -> str:
    return tr(ATTRIBUTE_NAMES[code]) if code in ATTRIBUTE_NAMES else code


def unit_with_role(unit: str, role: str) -> str:
    """A unit with its role, 西安市市场监督管理局（牵头）."""
    return tr("{0}（{1}）").format(unit, role_name(role))


# -- the names of the supervision services, by code ----------------------------------------------------------


def source_name(code: str) -> str:
    """The 督办事项 sources (desktop.services.supervision.items.SOURCE_NAMES)."""
    names = {
        "instruction": tr("领导批示件"),
        "meeting": tr("会议议定事项"),
        "proposal": tr("建议提案"),
        "letter": tr("群众来信"),
    }
    return names.get(code, code)


def collection_title(year: int) -> str:
    """The title the services give a year's 督办事项 collection (items._collection)."""
    return tr("{0}年督办事项").format(year)


def escalation_name(code: str) -> str:
    """The 督查 levels (desktop.services.supervision.escalation.LEVEL_NAMES)."""
    names = {"notice": tr("提示"), "urge": tr("催办"), "supervise": tr("督办"), "interview": tr("约谈")}
    return names.get(code, code)


def workflow_state_name(code: str) -> str:
    """The hand-off states (desktop.services.supervision.workflow.STATE_NAMES)."""
    names = {
        "assigned": tr("已交办"),
        "acknowledged": tr("已签收"),
        "reported": tr("已反馈"),
        "accepted": tr("审核通过"),
        "returned": tr("已退回"),
        "closed": tr("已办结"),
        "struck_off": tr("已销号"),
    }
    return names.get(code, code)


def workflow_step_name(code: str) -> str:
    """The hand-off steps (desktop.services.supervision.workflow.STEP_NAMES)."""
    names = {
        "assign": tr("交办"),
        "acknowledge": tr("签收"),
        "report": tr("反馈"),
        "accept": tr("审核通过"),
        "return": tr("退回"),
        "close": tr("办结"),
        "strike": tr("销号"),
        "extension_request": tr("延期申请"),
        "extension_approve": tr("同意延期"),
        "extension_refuse": tr("不同意延期"),
    }
    return names.get(code, code)


def decision_name(code: str) -> str:
    """An extension request's decision (desktop.services.supervision.workflow.DECISION_NAMES)."""
    names = {"pending": tr("待审批"), "approved": tr("已同意"), "refused": tr("不同意")}
    return names.get(code, code)


def ledger_state_name(code: str) -> str:
    """A month in the 报送台账 (desktop.services.supervision.report_register.STATE_NAMES)."""
    names = {"on_time": tr("按时"), "late": tr("迟报"), "missing": tr("未报"), "pending": tr("未到期")}
    return names.get(code, code)


def point_event_name(code: str) -> str:
    """The events the point rule scores (desktop.services.supervision.points.EVENTS)."""
    names = {
        "on_time": tr("按时反馈"),
        "late": tr("迟报"),
        "missing": tr("未报"),
        "overdue": tr("逾期"),
        "returned": tr("被退回"),
        "closed_on_time": tr("按期办结"),
        "closed_late": tr("逾期办结"),
    }
    return names.get(code, code)


# -- the services' sentences -----------------------------------------------------------------------------------

Part = Callable[[str], "str | None"]  # a value's own translation, or None when it fits none of its patterns
Pattern = tuple[str, dict[int, Part]]


@cache
def _regex(pattern: str) -> re.Pattern[str]:
    pieces = re.split(r"\{(\d+)\}", pattern)
    return re.compile(
        "".join(re.escape(p) if i % 2 == 0 else f"(?P<v{p}>.+?)" for i, p in enumerate(pieces)), re.S
    )


def _render(text: str, patterns: Sequence[Pattern]) -> str | None:
    for pattern, parts in patterns:
        found = _regex(pattern).fullmatch(text)
        if found is None:
            continue
        values = found.groupdict()
        shown: list[str] = []
        for i in range(len(values)):
            value: str | None = values[f"v{i}"]
            if i in parts:
                value = parts[i](value or "")
            if value is None:
                break
            shown.append(value)
        else:
            return tr(pattern).format(*shown)
    return None


def _one_of(patterns: Sequence[Pattern]) -> Part:
    return lambda text: _render(text, patterns)


def _listed(part: Part) -> Part:
    """Values the service listed with "；" between them, each translated by ``part``."""

    def render(text: str) -> str | None:
        shown = [part(piece) for piece in text.split("；")]
        if any(s is None for s in shown):
            return None
        return tr("；").join(s for s in shown if s is not None)

    return render


def _event(text: str) -> str | None:
    codes = {
        "按时反馈": "on_time",  # i18n: keep - the service's name, matched to find the code
        "迟报": "late",  # i18n: keep
        "未报": "missing",  # i18n: keep
        "逾期": "overdue",  # i18n: keep
        "被退回": "returned",  # i18n: keep
        "按期办结": "closed_on_time",  # i18n: keep
        "逾期办结": "closed_late",  # i18n: keep
    }
    return point_event_name(codes[text]) if text in codes else None


# workdays.remaining_text: the time left (or past) in working or calendar days.
_REMAINING_PLAIN: list[Pattern] = [
    (QT_TRANSLATE_NOOP("Vocabulary", "未定期限"), {}),
    (QT_TRANSLATE_NOOP("Vocabulary", "今日到期"), {}),
    (QT_TRANSLATE_NOOP("Vocabulary", "剩余0个工作日（截止日 {0} 为休息日）"), {}),
    (QT_TRANSLATE_NOOP("Vocabulary", "剩余0天（截止日 {0} 为休息日）"), {}),
    (QT_TRANSLATE_NOOP("Vocabulary", "剩余{0}个工作日"), {}),
    (QT_TRANSLATE_NOOP("Vocabulary", "剩余{0}天"), {}),
    (QT_TRANSLATE_NOOP("Vocabulary", "已逾期{0}个工作日"), {}),
    (QT_TRANSLATE_NOOP("Vocabulary", "已逾期{0}天"), {}),
    (QT_TRANSLATE_NOOP("Vocabulary", "已过截止日期 {0}（其后均为休息日）"), {}),
]
REMAINING: list[Pattern] = [
    *_REMAINING_PLAIN,
    (QT_TRANSLATE_NOOP("Vocabulary", "{0}（按周一至周五估算）"), {0: _one_of(_REMAINING_PLAIN)}),
]
# DeadlineRule.text: a 督办事项's period.
RULES: list[Pattern] = [
    (QT_TRANSLATE_NOOP("Vocabulary", "{0}个工作日"), {}),
    (QT_TRANSLATE_NOOP("Vocabulary", "{0}天"), {}),
]
# warnings.assess and compute_warnings: the 说明 of a warning.
_LATE: list[Pattern] = [(QT_TRANSLATE_NOOP("Vocabulary", "已逾期 {0} 天"), {}), *REMAINING]
_WHEN: list[Pattern] = [
    (QT_TRANSLATE_NOOP("Vocabulary", "今天到期"), {}),
    (QT_TRANSLATE_NOOP("Vocabulary", "距截止日期还有 {0} 天"), {}),
    *REMAINING,
]
_REACHED: list[Pattern] = [
    (QT_TRANSLATE_NOOP("Vocabulary", "尚未报送进度"), {}),
    (QT_TRANSLATE_NOOP("Vocabulary", "实际完成 {0}%"), {}),
]


def _milestone(title: str) -> str:
    return tr("节点") if title == "节点" else title  # i18n: keep - the service's name of an untitled one


WARNINGS: dict[str, list[Pattern]] = {
    "overdue": [(QT_TRANSLATE_NOOP("Vocabulary", "{0}（截止日期 {1}）"), {0: _one_of(_LATE)})],
    "due_soon": [(QT_TRANSLATE_NOOP("Vocabulary", "{0}（截止日期 {1}），完成 {2}%"), {0: _one_of(_WHEN)})],
    "lagging": [(QT_TRANSLATE_NOOP("Vocabulary", "序时进度 {0}%，报告进度 {1}%，落后 {2} 个百分点"), {})],
    "no_feedback": [(QT_TRANSLATE_NOOP("Vocabulary", "本期（{0}）尚未报送进展"), {})],
    "checkpoint": [
        (
            QT_TRANSLATE_NOOP("Vocabulary", "节点目标“{0}”未达成：{1} 前应完成 {2}%，{3}"),
            {0: _milestone, 3: _one_of(_REACHED)},
        )
    ],
}
# report_register.DueRule.text: when a month's report is due.
_DUE: list[Pattern] = [
    (QT_TRANSLATE_NOOP("Vocabulary", "每月{0}日前报送当月进展"), {}),
    (QT_TRANSLATE_NOOP("Vocabulary", "次月{0}日前报送当月进展"), {}),
]
DUE_RULES: list[Pattern] = [
    *_DUE,
    (QT_TRANSLATE_NOOP("Vocabulary", "{0}（遇节假日顺延至下一个工作日）"), {0: _one_of(_DUE)}),
]
# points.method_text and scoring.weights_text: the two scoring methods.
_POINTS: list[Pattern] = [
    (QT_TRANSLATE_NOOP("Vocabulary", "{0} {1}分/月"), {0: _event}),
    (QT_TRANSLATE_NOOP("Vocabulary", "{0} {1}分/项"), {0: _event}),
    (QT_TRANSLATE_NOOP("Vocabulary", "{0} {1}分/次"), {0: _event}),
]
METHODS: list[Pattern] = [
    (
        QT_TRANSLATE_NOOP(
            "Vocabulary", "计分办法：{0}。报送以{1}为准；逾期按统计日仍未完成且已过截止日期计。"
        ),
        {0: _listed(_one_of(_POINTS)), 1: _one_of(DUE_RULES)},
    ),
    (
        QT_TRANSLATE_NOOP(
            "Vocabulary",
            "计分办法（按权重）：按时反馈率×{0} + 办结率×{1} − 逾期 {2}分/项 − 被退回 {3}分/次，最低 0 分；"
            "按时报送：{4}；逾期按统计日仍未完成且已过截止日期计；"
            "本月应报而从未报送的单位排在报送过的单位之后，得分相同者名次并列。",
        ),
        {4: _one_of(DUE_RULES)},
    ),
]
# points._reporting_events and _work_events: what a scored event was.
POINT_DETAILS: list[Pattern] = [
    (QT_TRANSLATE_NOOP("Vocabulary", "{0} 应于 {1} 前报送，未报 {2} 项"), {}),
    (QT_TRANSLATE_NOOP("Vocabulary", "{0} 应于 {1} 前报送，{2} 报送，迟 {3} 个工作日"), {}),
    (QT_TRANSLATE_NOOP("Vocabulary", "{0} 于 {1} 报送（应于 {2} 前）"), {}),
    (QT_TRANSLATE_NOOP("Vocabulary", "截止 {0}，未完成"), {}),
    (QT_TRANSLATE_NOOP("Vocabulary", "截止 {0}"), {}),
    (QT_TRANSLATE_NOOP("Vocabulary", "退回"), {}),
]


def sentence(text: str, patterns: Sequence[Pattern]) -> str:
    """A service's sentence in the window's language (see the module's docstring); unknown text as it came."""
    shown = _render(text, patterns)
    return text if shown is None else shown


def warning_reason(rule: str, reason: str) -> str:
    """The 说明 of a warning (warnings.Alert) from its rule and the values in its reason."""
    return sentence(reason, WARNINGS.get(rule, []))


def package_kind_name(code: str) -> str:
    """What an exchange package holds (desktop.services.exchange.packages.KIND_NAMES)."""
    names = {
        "plan": tr("方案"),
        "units": tr("单位"),
        "nodes": tr("条目"),
        "assignments": tr("分工"),
        "progress": tr("进展"),
        "indicators": tr("指标"),
        "values": tr("指标值"),
        "revisions": tr("修订原文"),
        "item_sources": tr("督办来源"),
        "checkpoints": tr("节点目标"),
        "escalations": tr("督查单"),
    }
    return names.get(code, code)
