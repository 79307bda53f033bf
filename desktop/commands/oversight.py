"""``plandesk reporting-ledger`` (报送台账), ``points`` (考核计分), ``escalation`` (督查单), ``checkpoint`` (节点目标)."""

from __future__ import annotations

import argparse
import dataclasses

from ..errors import PlanDeskError
from ..services.supervision import checkpoints, escalation, points
from ..services.supervision import report_register as reporting_ledger
from . import group, open_db, print_json
from .items import pairs


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("reporting-ledger", help="报送台账：各单位每月按时、迟报、未报及报送日期")
    p.add_argument("--from", dest="first", required=True, metavar="YYYY-MM")
    p.add_argument("--to", dest="last", default=None, metavar="YYYY-MM", help="默认与 --from 相同")
    p.add_argument("--plan", type=int, default=None, metavar="PLAN_ID", help="默认全部方案与督办事项")
    p.add_argument("--as-of", default=None, metavar="YYYY-MM-DD", help="统计日期（默认今天）")
    p.add_argument("--xlsx", default=None, metavar="FILE.xlsx", help="导出报送台账")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=cmd_reporting_ledger)

    p = sub.add_parser("points", help="考核计分：按计分办法逐项计分并排名，可列出每个单位的计分明细")
    p.add_argument("--from", dest="first", required=True, metavar="YYYY-MM")
    p.add_argument("--to", dest="last", default=None, metavar="YYYY-MM")
    p.add_argument("--plan", type=int, default=None, metavar="PLAN_ID")
    p.add_argument("--as-of", default=None, metavar="YYYY-MM-DD")
    p.add_argument("--unit", default=None, help="列出该单位的计分明细")
    p.add_argument("--xlsx", default=None, metavar="FILE.xlsx", help="导出排名与计分明细")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_points)

    p = sub.add_parser("reporting-rule", help="报送要求：每月几日前报送，遇节假日是否顺延")
    p.add_argument("--day", type=int, default=None, help="报送日（1–31）")
    month = p.add_mutually_exclusive_group()
    month.add_argument("--next-month", action="store_true", default=None, help="次月的报送日前报送当月进展")
    month.add_argument("--same-month", dest="next_month", action="store_false", help="当月的报送日前报送")
    postpone = p.add_mutually_exclusive_group()
    postpone.add_argument(
        "--postpone", dest="next_workday", action="store_true", default=None, help="遇节假日顺延"
    )
    postpone.add_argument("--no-postpone", dest="next_workday", action="store_false", help="遇节假日不顺延")
    p.set_defaults(func=cmd_reporting_rule)

    p = sub.add_parser("point-rule", help="计分办法：显示或修改各事项分值（例如 --set 被退回=-3）")
    p.add_argument("--set", action="append", default=[], metavar="事项=分值")
    p.set_defaults(func=cmd_point_rule)

    esc = group(sub, "escalation", "督查单：提示 → 催办 → 督办 → 约谈")
    p = esc.add_parser("issue", help="为分工记录发督查单（默认升一级）")
    p.add_argument("assignment_id", type=int, metavar="ASSIGNMENT_ID")
    p.add_argument("--level", default=None, help="提示 | 催办 | 督办 | 约谈（默认比当前高一级）")
    p.add_argument("--reason", required=True, help="督查事由")
    p.add_argument("--actor", default=None, metavar="NAME")
    p.add_argument("--at", default=None, metavar="YYYY-MM-DD", help="补录纸质督查单的日期")
    p.set_defaults(func=cmd_escalation_issue)
    p = esc.add_parser("history", help="分工记录的督查级别与历次督查单")
    p.add_argument("assignment_id", type=int, metavar="ASSIGNMENT_ID")
    p.set_defaults(func=cmd_escalation_history)
    p = esc.add_parser("rules", help="升级规则：逾期几个工作日、近12个月几次迟报或未报升到各级")
    p.add_argument("--overdue", action="append", default=[], metavar="级别=工作日")
    p.add_argument("--repeated", action="append", default=[], metavar="级别=次数")
    p.set_defaults(func=cmd_escalation_rules)
    p = esc.add_parser("check", help="按规则列出应升级的分工记录（--apply 同时发督查单）")
    p.add_argument("--plan", type=int, default=None, metavar="PLAN_ID")
    p.add_argument("--as-of", default=None, metavar="YYYY-MM-DD")
    p.add_argument("--apply", action="store_true", help="按规则发督查单")
    p.set_defaults(func=cmd_escalation_check)

    cp = group(sub, "checkpoint", "节点目标：任务的阶段日期与预期完成百分比")
    p = cp.add_parser("add", help="为任务添加一个节点目标")
    p.add_argument("node_id", type=int, metavar="NODE_ID")
    p.add_argument("--due", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--percent", required=True, metavar="N", help="到该日应完成的百分比")
    p.add_argument("--title", default="", help="节点内容")
    p.set_defaults(func=cmd_checkpoint_add)
    p = cp.add_parser("quarterly", help="按季度末添加四个节点目标")
    p.add_argument("node_id", type=int, metavar="NODE_ID")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--percents", default="25,50,75,100", metavar="A,B,C,D")
    p.set_defaults(func=cmd_checkpoint_quarterly)
    p = cp.add_parser("list", help="列出任务的节点目标及是否达成")
    p.add_argument("node_id", type=int, metavar="NODE_ID")
    p.add_argument("--as-of", default=None, metavar="YYYY-MM-DD")
    p.set_defaults(func=cmd_checkpoint_list)
    p = cp.add_parser("missed", help="列出方案中已过期未达成的节点目标")
    p.add_argument("--plan", type=int, required=True, metavar="PLAN_ID")
    p.add_argument("--as-of", default=None, metavar="YYYY-MM-DD")
    p.set_defaults(func=cmd_checkpoint_missed)
    p = cp.add_parser("remove", help="删除一个节点目标")
    p.add_argument("checkpoint_id", type=int, metavar="CHECKPOINT_ID")
    p.set_defaults(func=cmd_checkpoint_remove)


def cmd_reporting_ledger(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        ledger = reporting_ledger.reporting_ledger(
            db, first=args.first, last=args.last or args.first, plan_id=args.plan, as_of=args.as_of
        )
    if args.xlsx:
        reporting_ledger.export_reporting_ledger(ledger, args.xlsx)
    if args.json:
        print_json([{**dataclasses.asdict(c), "state_name": c.state_name} for c in ledger.cells])
        return 0
    print(f"报送要求：{ledger.rule}；统计至 {ledger.as_of}")
    print("单位\t" + "\t".join(ledger.periods) + "\t按时\t迟报\t未报")
    for unit in ledger.units:
        cells = []
        for period in ledger.periods:
            c = ledger.cell(unit, period)
            if c is None:
                cells.append("—")
            elif c.reported_on is not None and c.state in ("on_time", "late"):
                cells.append(f"{c.state_name} {c.reported_on:%m-%d}")
            else:
                cells.append(c.state_name)
        n = ledger.counts(unit)
        print(f"{unit}\t" + "\t".join(cells) + f"\t{n['on_time']}\t{n['late']}\t{n['missing']}")
    if args.xlsx:
        print(f"已导出：{args.xlsx}")
    return 0


def cmd_points(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        ranking = points.point_ranking(
            db, first=args.first, last=args.last or args.first, plan_id=args.plan, as_of=args.as_of
        )
    if args.xlsx:
        points.export_point_ranking(ranking, args.xlsx)
    if args.json:
        print_json(dataclasses.asdict(ranking))
        return 0
    if args.unit:
        events = [e for e in ranking.events if e.unit == args.unit or args.unit in e.unit]
        total = sum(e.points for e in events)
        for e in events:
            print(f"{e.on}\t{e.name}\t{e.points:+g}\t{e.node}\t{e.detail}")
        print(f"合计 {total:g} 分")
        return 0
    print(ranking.method)
    names = [name for name, _ in points.EVENTS.values()]
    print("名次\t单位\t得分\t" + "\t".join(names))
    for u in ranking.units:
        print(f"{u.rank}\t{u.unit}\t{u.points:g}\t" + "\t".join(str(u.counts[k]) for k in points.EVENTS))
    return 0


def cmd_escalation_issue(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        row = escalation.escalate(
            db,
            assignment_id=args.assignment_id,
            level=args.level,
            reason=args.reason,
            actor=args.actor,
            at=args.at,
        )
    print(f"分工记录 {row.assignment_id}：已发{row.level_name}单（{row.at:%Y-%m-%d}）")
    return 0


def cmd_escalation_history(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        rows = escalation.escalation_history(db, assignment_id=args.assignment_id)
    if not rows:
        print("尚未发过督查单。")
        return 0
    print(f"当前级别：{rows[-1].level_name}（共 {len(rows)} 次）")
    for r in rows:
        how = "手工" if r.rule == "manual" else "按规则"
        print(f"{r.at:%Y-%m-%d}\t{r.level_name}\t{how}\t{r.actor or '—'}\t{r.reason}")
    return 0


def cmd_escalation_check(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        proposals = escalation.propose_escalations(db, as_of=args.as_of, plan_id=args.plan)
        if args.apply:
            escalation.apply_escalation_rules(db, as_of=args.as_of, plan_id=args.plan)
    if not proposals:
        print("没有需要升级的分工记录。")
    for p in proposals:
        now = escalation.LEVEL_NAMES[p.current] if p.current else "无"
        print(f"{p.assignment_id}\t{p.unit}\t{p.node}\t{now} → {p.level_name}\t{p.reason}")
    if args.apply and proposals:
        print(f"已发督查单 {len(proposals)} 份。")
    return 0


def _print_checkpoints(rows: list[checkpoints.CheckpointInfo]) -> None:
    if not rows:
        print("没有节点目标。")
    for c in rows:
        actual = f"{c.actual_percent}%" if c.actual_percent is not None else "未报"
        print(f"{c.id}\t{c.due}\t预期 {c.expected_percent}%\t实际 {actual}\t{c.state_name}\t{c.title}")


def cmd_checkpoint_add(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        checkpoints.add_checkpoints(db, node_id=args.node_id, targets=[(args.due, args.percent, args.title)])
        _print_checkpoints(checkpoints.list_checkpoints(db, node_id=args.node_id))
    return 0


def cmd_checkpoint_quarterly(args: argparse.Namespace) -> int:
    try:
        percents = [int(p) for p in args.percents.replace("，", ",").split(",")]
    except ValueError:
        raise PlanDeskError(f"百分比“{args.percents}”无效，应写作 25,50,75,100。", field="percents") from None
    with open_db(args) as db:
        checkpoints.add_quarterly_checkpoints(db, node_id=args.node_id, year=args.year, percents=percents)
        _print_checkpoints(checkpoints.list_checkpoints(db, node_id=args.node_id))
    return 0


def cmd_checkpoint_list(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        _print_checkpoints(checkpoints.list_checkpoints(db, node_id=args.node_id, as_of=args.as_of))
    return 0


def cmd_checkpoint_missed(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        rows = checkpoints.missed_checkpoints(db, plan_id=args.plan, as_of=args.as_of)
    if not rows:
        print("没有未达成的节点目标。")
    for m in rows:
        c = m.checkpoint
        actual = f"{c.actual_percent}%" if c.actual_percent is not None else "未报"
        print(f"{m.node}\t{c.unit}\t{c.due}\t预期 {c.expected_percent}%\t实际 {actual}\t{c.title}")
    return 0


def cmd_checkpoint_remove(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        checkpoints.remove_checkpoint(db, checkpoint_id=args.checkpoint_id)
    print("已删除节点目标。")
    return 0


def cmd_reporting_rule(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        if args.day is not None or args.next_month is not None or args.next_workday is not None:
            rule = reporting_ledger.set_due_rule(
                db, day=args.day, next_month=args.next_month, next_workday=args.next_workday
            )
        else:
            rule = reporting_ledger.due_rule(db)
    print(f"报送要求：{rule.text}")
    return 0


def _number(key: str, value: str) -> float:
    try:
        return float(value) if "." in value else int(value)
    except ValueError:
        raise PlanDeskError(f"“{key}”的分值“{value}”不是数字。", field="set") from None


def cmd_point_rule(args: argparse.Namespace) -> int:
    changes = {k: _number(k, v) for k, v in pairs(args.set, "事项=分值，例如 被退回=-3").items()}
    with open_db(args) as db:
        rule = points.set_point_rule(db, points=changes) if changes else points.point_rule(db)
        reporting = reporting_ledger.due_rule(db).text
    print(points.method_text(rule, reporting))
    return 0


def _counts(values: list[str], what: str) -> dict[str, int]:
    out = {}
    for key, value in pairs(values, what).items():
        if not value.isdigit():
            raise PlanDeskError(f"“{key}”的阈值“{value}”应为正整数。", field="set")
        out[key] = int(value)
    return out


def cmd_escalation_rules(args: argparse.Namespace) -> int:
    overdue = _counts(args.overdue, "级别=工作日，例如 督办=8")
    repeated = _counts(args.repeated, "级别=次数，例如 约谈=3")
    with open_db(args) as db:
        if overdue or repeated:
            rules = escalation.set_escalation_rules(db, overdue=overdue, repeated=repeated)
        else:
            rules = escalation.escalation_rules(db)
    for key, title, unit in (
        ("overdue_workdays", "逾期", "个工作日"),
        ("repeated_months", "近12个月迟报或未报", "次"),
    ):
        steps = "，".join(f"{escalation.LEVEL_NAMES[level]} ≥{n}{unit}" for level, n in rules[key].items())
        print(f"{title}：{steps}")
    return 0
