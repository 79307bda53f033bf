"""warnings, reporting, score, month, workflow, extension, link, coverage, evidence: supervision from scripts."""

from __future__ import annotations

import argparse
import dataclasses
from typing import Any

from ..errors import PlanDeskError
from ..services.core.validation import parse_date
from ..services.plans import links as lk
from ..services.reporting import notices, snapshots
from ..services.supervision import assignments, scoring, warnings, workflow
from ..services.supervision import evidence as ev
from . import group, open_db, print_json


def _plain(rows: list[Any]) -> list[dict[str, Any]]:
    return [
        dataclasses.asdict(r) if dataclasses.is_dataclass(r) and not isinstance(r, type) else r._asdict()
        for r in rows
    ]


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("warnings", help="预警：逾期（红）、未报送（橙）、临期与序时进度滞后（黄）")
    p.add_argument("--plan", type=int, required=True, metavar="PLAN_ID")
    p.add_argument("--as-of", default=None, metavar="YYYY-MM-DD", help="按哪一天计算（默认今天）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=cmd_warnings)

    p = sub.add_parser("reporting", help="报送情况：本期哪些单位已报送、哪些未报送")
    p.add_argument("--plan", type=int, required=True, metavar="PLAN_ID")
    p.add_argument("--period", required=True, metavar="YYYY-MM")
    p.add_argument("--notices", metavar="PDF", help="为未报送单位印发催报通知到此 PDF 文件")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=cmd_reporting)

    p = sub.add_parser("score", help="考核：各单位按时反馈率、办结率、逾期、退回与得分排名")
    p.add_argument("--plan", type=int, default=None, metavar="PLAN_ID", help="不指定则统计全部方案")
    p.add_argument("--period", required=True, metavar="YYYY-MM")
    p.add_argument(
        "--method",
        choices=("weights", "points"),
        default=None,
        help="本次按此计分方法：weights 按权重，points 按计分办法；不指定则按设置 scoring.method（考核页所选）",
    )
    p.add_argument(
        "--set-method",
        choices=("weights", "points"),
        default=None,
        help="把本办公室的考核计分方法改为此项并保存（考核页、月报随之改变）",
    )
    p.add_argument("--xlsx", metavar="PATH", help="同时导出排名表到 Excel 文件")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help="统计截止日期（默认月末或今天）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=cmd_score)

    month = group(sub, "month", "月度关账与趋势")
    p = month.add_parser("close", help="关账：冻结该月报告数据（不可撤销）")
    p.add_argument("--plan", type=int, required=True, metavar="PLAN_ID")
    p.add_argument("--period", required=True, metavar="YYYY-MM")
    p.set_defaults(func=cmd_month_close)
    p = month.add_parser("trend", help="已关账月份的逾期数、完成数与任务总数")
    p.add_argument("--plan", type=int, required=True, metavar="PLAN_ID")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=cmd_month_trend)

    p = sub.add_parser("workflow", help="督办流程：签收、反馈、审核通过、退回、办结、销号、查看记录")
    p.add_argument("assignment_id", type=int, metavar="ASSIGNMENT_ID")
    p.add_argument(
        "action",
        choices=["acknowledge", "report", "accept", "return", "close", "strike", "history"],
        help="acknowledge 签收 | report 反馈 | accept 审核通过 | return 退回 | close 办结 | strike 销号 | "
        "history 查看记录",
    )
    p.add_argument("--reason", default="", help="退回理由（退回时必填）")
    p.add_argument("--note", default="", help="说明")
    p.add_argument("--actor", default=None, metavar="NAME", help="办理人（默认 --operator）")
    p.add_argument("--at", default=None, metavar="YYYY-MM-DD", help="补录纸质办理的日期")
    p.add_argument("--period", default=None, metavar="YYYY-MM", help="反馈的报告期")
    p.add_argument("--text", default="", help="反馈的进展情况")
    p.add_argument("--percent", default=None, metavar="N", help="反馈的完成百分比")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=cmd_workflow)

    ext = group(sub, "extension", "延期申请与审批")
    p = ext.add_parser("request", help="提出延期申请")
    p.add_argument("assignment_id", type=int, metavar="ASSIGNMENT_ID")
    p.add_argument("--deadline", required=True, metavar="YYYY-MM-DD", help="申请延期到")
    p.add_argument("--reason", required=True, help="延期理由")
    p.add_argument("--actor", default=None, metavar="NAME")
    p.set_defaults(func=cmd_extension_request)
    p = ext.add_parser("decide", help="审批延期申请")
    p.add_argument("request_id", type=int, metavar="REQUEST_ID")
    choice = p.add_mutually_exclusive_group(required=True)
    choice.add_argument("--approve", action="store_true", help="同意")
    choice.add_argument("--refuse", action="store_true", help="不同意")
    p.add_argument("--note", default="", help="审批意见")
    p.add_argument("--actor", default=None, metavar="NAME")
    p.set_defaults(func=cmd_extension_decide)
    p = ext.add_parser("list", help="列出分工记录的延期申请与截止日期变化")
    p.add_argument("assignment_id", type=int, metavar="ASSIGNMENT_ID")
    p.set_defaults(func=cmd_extension_list)

    p = sub.add_parser("link", help="把本方案条目关联到上级方案条目（--remove 取消）")
    p.add_argument("node_id", type=int, metavar="NODE_ID")
    p.add_argument("target_node_id", type=int, metavar="TARGET_NODE_ID")
    p.add_argument("--remove", action="store_true", help="取消关联")
    p.set_defaults(func=cmd_link)

    p = sub.add_parser("coverage", help="对接情况：上级方案中未对接的条款、本方案中未关联的任务")
    p.add_argument("--plan", type=int, required=True, metavar="PLAN_ID")
    p.add_argument("--parent", type=int, default=None, metavar="PLAN_ID", help="先设置上级方案")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=cmd_coverage)

    p = sub.add_parser("evidence", help="为进展记录添加佐证材料（复制到材料库），或列出")
    p.add_argument("entry_id", type=int, metavar="ENTRY_ID")
    p.add_argument("files", nargs="*", metavar="FILE")
    p.set_defaults(func=cmd_evidence)


def cmd_warnings(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        rows = warnings.compute_warnings(db, plan_id=args.plan, as_of=args.as_of)
    if args.json:
        print_json([{"node": f"{w.node_label}{w.node_title}", **dataclasses.asdict(w)} for w in rows])
        return 0
    if not rows:
        print("没有预警。")
    for w in rows:
        print(
            f"{warnings.COLOUR_NAMES[w.colour]}\t{w.node_label}{w.node_title}\t{w.unit}\t"
            f"{warnings.RULE_NAMES[w.rule]}\t{w.reason}"
        )
    return 0


def cmd_reporting(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        rows = warnings.reporting_status(db, plan_id=args.plan, period=args.period)
        issued = (
            notices.issue_missing_report_notices(db, plan_id=args.plan, period=args.period, path=args.notices)
            if args.notices
            else []
        )
    if args.json:
        print_json(_plain(rows))
    else:
        for u in rows:
            state = (
                "已报送"
                if u.complete
                else f"未报送 {len(u.missing_assignment_ids)} 项（分工记录 "
                + "、".join(str(i) for i in u.missing_assignment_ids)
                + "）"
            )
            print(f"{u.unit}\t{u.reported}/{u.assignments}\t{state}")
    for r in issued:
        print(f"已印发 {r.doc_number}：{r.path}")
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        if args.set_method:
            scoring.set_scoring_method(db, method=args.set_method)
        ranked = scoring.ranking(
            db,
            plan_id=args.plan,
            period=args.period,
            method=args.method,
            as_of=parse_date(args.as_of, field="as_of", label="统计截止日期"),
        )
    rows = ranked.scores
    if args.xlsx:
        scoring.export_scores(
            rows, args.xlsx, period=args.period, method_text=ranked.method_text, as_of=ranked.as_of
        )
    if args.json:
        print_json(_plain(rows))
        return 0
    print(ranked.method_text)
    print("名次\t单位\t分工数\t按时反馈率\t办结率\t逾期\t退回\t得分")
    for r in rows:
        print(
            f"{r.rank}\t{r.unit}\t{r.assignments}\t{r.feedback_on_time_rate:.0%}\t{r.completion_rate:.0%}\t"
            f"{r.overdue}\t{r.returned}\t{r.score:g}"
        )
    return 0


def cmd_month_close(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        m = snapshots.close_month(db, plan_id=args.plan, period=args.period)
    print(f"{m.period} 已关账：任务 {m.tasks}，逾期 {m.overdue}，已完成 {m.done}。{snapshots.FINAL_NOTE}")
    return 0


def cmd_month_trend(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        points = snapshots.trend(db, plan_id=args.plan)
    if args.json:
        print_json(_plain(points))
        return 0
    print("月份\t逾期\t已完成\t任务总数")
    for p in points:
        print(f"{p.period}\t{p.overdue}\t{p.done}\t{p.total}")
    return 0


def _history(rows: list[workflow.StepInfo], as_json: bool) -> None:
    if as_json:
        print_json(_plain(rows))
        return
    for r in rows:
        moved = (
            f"{workflow.state_name(r.from_state)} → {workflow.state_name(r.to_state)}"
            if r.from_state
            else workflow.state_name(r.to_state)
        )
        print(f"{r.at:%Y-%m-%d %H:%M}\t{r.step_name}\t{moved}\t{r.actor or '—'}\t{r.note}")


def cmd_workflow(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        a, who, at = args.assignment_id, args.actor, args.at
        if args.action == "acknowledge":
            workflow.acknowledge(db, assignment_id=a, actor=who, note=args.note, at=at)
        elif args.action == "report":
            if not args.period:
                raise PlanDeskError("反馈需要 --period 报告期和 --text 进展情况。", field="period")
            assignments.add_progress(
                db,
                assignment_id=a,
                period=args.period,
                text=args.text,
                percent=args.percent,
                actor=who,
                reported_on=parse_date(at, field="at"),
                source="cli",
            )
        elif args.action in ("accept", "return"):
            workflow.review(
                db,
                assignment_id=a,
                accept=args.action == "accept",
                reason=args.reason or args.note,
                actor=who,
                at=at,
            )
        elif args.action in ("close", "strike"):
            workflow.close(
                db, assignment_id=a, struck_off=args.action == "strike", note=args.note, actor=who, at=at
            )
        _history(workflow.workflow_history(db, assignment_id=a), args.json)
    return 0


def cmd_extension_request(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        r = workflow.request_extension(
            db,
            assignment_id=args.assignment_id,
            new_deadline=args.deadline,
            reason=args.reason,
            actor=args.actor,
        )
    print(r.id)
    return 0


def cmd_extension_decide(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        r = workflow.decide_extension(
            db, request_id=args.request_id, approve=args.approve, note=args.note, actor=args.actor
        )
    print(f"延期申请 {r.id}：{workflow.DECISION_NAMES[r.decision]}（申请延期至 {r.requested_deadline}）")
    return 0


def cmd_extension_list(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        rows = workflow.extensions(db, assignment_id=args.assignment_id)
        history = workflow.deadline_history(db, assignment_id=args.assignment_id)
    for r in rows:
        print(
            f"{r.id}\t{r.requested_at:%Y-%m-%d}\t{r.old_deadline or '—'} → {r.requested_deadline}\t"
            f"{workflow.DECISION_NAMES[r.decision]}\t{r.reason}"
        )
    kinds = {"original": "原定", "extension": "延期后", "current": "现为"}
    print("截止日期：" + " → ".join(f"{kinds[h.kind]} {h.deadline or '—'}" for h in history))
    return 0


def cmd_link(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        if args.remove:
            lk.unlink(db, node_id=args.node_id, target_node_id=args.target_node_id)
            print("已取消关联。")
        else:
            link = lk.link_nodes(db, node_id=args.node_id, target_node_id=args.target_node_id)
            print(f"已关联：{link.node.label}{link.node.title} → {link.target.label}{link.target.title}")
    return 0


def cmd_coverage(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        if args.parent is not None:
            lk.set_parent_plan(db, plan_id=args.plan, parent_plan_id=args.parent)
        cov = lk.coverage(db, plan_id=args.plan)
    if args.json:
        print_json(dataclasses.asdict(cov))
        return 0
    if cov.parent_plan_id is None:
        print("本方案尚未设置上级方案（用 --parent 设置）。")
    print(f"上级方案中未对接的条款（{len(cov.unlinked_parent_clauses)}）：")
    for n in cov.unlinked_parent_clauses:
        print(f"  {n.id}\t{n.label}{n.title}")
    print(f"本方案中未关联上级条款的任务（{len(cov.unlinked_local_tasks)}）：")
    for n in cov.unlinked_local_tasks:
        print(f"  {n.id}\t{n.label}{n.title}")
    return 0


def cmd_evidence(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        for f in args.files:
            ev.attach_evidence(db, entry_id=args.entry_id, path=f)
        for e in ev.list_evidence(db, entry_id=args.entry_id):
            print(f"{e.id}\t{e.file_name}\t{e.size} 字节\t{e.added_by}\t{e.sha256[:12]}")
    return 0
