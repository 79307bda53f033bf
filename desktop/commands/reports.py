"""report monthly, report notices and export ledger: the printed and exported outputs."""

from __future__ import annotations

import argparse
import sys

from ..errors import PlanDeskError
from ..services.core.validation import parse_date
from ..services.reporting.bulletin import write_bulletin
from ..services.reporting.ledger import export_ledger
from ..services.reporting.monthly import write_monthly_report
from ..services.reporting.notices import NOTICE_FIELDS, issue_notices, notice_settings, set_notice_settings
from . import group, open_db


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    rep = group(sub, "report", "生成报表")
    p = rep.add_parser("monthly", help="月度进展报告（PDF；输出文件名以 .docx 结尾时为 Word）")
    p.add_argument("--plan", type=int, metavar="PLAN_ID", help="方案编号（默认全部方案）")
    p.add_argument("--month", required=True, metavar="YYYY-MM", help="报告月份")
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf|FILE.docx")
    p.add_argument("--unit", metavar="NAME", help="只报告一个责任单位（可用简称）")
    p.add_argument("--brief", action="store_true", help="领导简报：只含总体情况和逾期任务")
    p.add_argument("--exclude-done", action="store_true", help="进展部分不列已完成的任务")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help="统计截止日期（默认月末或今天）")
    p.add_argument("--office", default="", metavar="NAME", help="报送单位（默认方案印发机关）")
    p.set_defaults(func=cmd_monthly)

    p = rep.add_parser("notices", help="催办通知（PDF），并记入催办记录；--preview 只出预览稿")
    p.add_argument("--plan", type=int, required=True, metavar="PLAN_ID")
    p.add_argument("--as-of", required=True, metavar="YYYY-MM-DD", help="统计截止日期（成文日期为印发当天）")
    p.add_argument(
        "-o", "--output", required=True, metavar="FILE.pdf|DIR", help="输出文件；与 --per-unit 同用时为文件夹"
    )
    p.add_argument("--per-unit", action="store_true", help="每个单位一个 PDF 文件")
    p.add_argument(
        "--within", type=int, metavar="DAYS", help="同时催办几天内到期的任务（默认取预警规则的临期天数）"
    )
    p.add_argument("--unit", action="append", metavar="NAME", help="只催办这些单位（可重复）")
    p.add_argument("--report-by", metavar="YYYY-MM-DD", help="要求报送进展的日期（默认印发后 5 个工作日）")
    p.add_argument("--office", default="", metavar="NAME", help="发文机关（默认方案印发机关）")
    p.add_argument("--number-from", type=int, metavar="N", help="起始文号（默认接续本年已发文号）")
    p.add_argument("--preview", action="store_true", help="只生成预览稿：不编文号、不记催办")
    p.set_defaults(func=cmd_notices)

    p = rep.add_parser("bulletin", help="督查通报（PDF 或 .docx）：第N期按年编号，印发时取号")
    p.add_argument("--plan", type=int, required=True, metavar="PLAN_ID")
    p.add_argument("--month", required=True, metavar="YYYY-MM", help="通报月份")
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf|FILE.docx")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help="统计截止日期（默认月末或今天）")
    p.add_argument("--draft", action="store_true", help="只出草稿，不取期号")
    p.add_argument("--requirements", metavar="TEXT", help="五、下一步工作要求（保存为本方案以后通报的要求）")
    p.set_defaults(func=cmd_bulletin)

    exp = group(sub, "export", "导出方案、台账等")
    p = exp.add_parser("ledger", help="工作台账（Excel）：每条分工一行")
    p.add_argument("--plan", type=int, metavar="PLAN_ID", help="方案编号（默认全部方案）")
    p.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help="统计截止日期（默认今天）：台账按当天的情况列出")
    p.set_defaults(func=cmd_ledger)

    office = group(sub, "office", "本单位公文设置：通知的发文机关、机关代字、联系人、抄送、印发机关")
    p = office.add_parser("show", help="显示本单位公文设置")
    p.set_defaults(func=cmd_office_show)
    p = office.add_parser("set", help="修改本单位公文设置（未给出的项保持不变）")
    for option, key in (
        ("--name", "office"),
        ("--prefix", "prefix"),
        ("--contact", "contact_person"),
        ("--phone", "contact_phone"),
        ("--cc", "cc"),
        ("--printer", "printer"),
    ):
        p.add_argument(option, dest=key, metavar="TEXT", help=NOTICE_FIELDS[key][0])
    p.set_defaults(func=cmd_office_set)


def cmd_monthly(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        written = write_monthly_report(
            db,
            plan_id=args.plan,
            month=args.month,
            path=args.output,
            unit=args.unit,
            brief=args.brief,
            include_done=not args.exclude_done,
            office=args.office,
            as_of=parse_date(args.as_of, field="as_of", label="统计截止日期"),
        )
    print(f"已生成 {written.path}：{written.summary_text}", file=sys.stderr)
    return 0


def cmd_notices(args: argparse.Namespace) -> int:
    as_of = parse_date(args.as_of, field="as_of", label="统计截止日期")
    if as_of is None:
        raise PlanDeskError("请用 --as-of 给出统计截止日期，例如 --as-of 2026-06-30。", field="as_of")
    with open_db(args) as db:
        rendered = issue_notices(
            db,
            plan_id=args.plan,
            as_of=as_of,
            path=args.output,
            one_file=not args.per_unit,
            due_within_days=args.within,
            units=args.unit,
            report_by=parse_date(args.report_by, field="report_by", label="报送日期"),
            office=args.office,
            doc_number_start=args.number_from,
            preview=args.preview,
        )
    for r in rendered:
        number = f"（预览）{r.doc_number}" if args.preview else r.doc_number
        print(f"{number}\t{r.unit}\t{len(r.assignment_ids)} 项\t{r.path}")
    if rendered and rendered[0].font_note:
        print(rendered[0].font_note, file=sys.stderr)
    return 0


def cmd_bulletin(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        out, bulletin = write_bulletin(
            db,
            plan_id=args.plan,
            month=args.month,
            path=args.output,
            as_of=parse_date(args.as_of, field="as_of", label="统计截止日期"),
            issue=not args.draft,
            requirements_text=args.requirements,
        )
    print(f"已生成 {out}：{bulletin.masthead} {bulletin.year}年第{bulletin.issue}期", file=sys.stderr)
    return 0


def cmd_ledger(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        out = export_ledger(
            db,
            plan_id=args.plan,
            path=args.output,
            as_of=parse_date(args.as_of, field="as_of", label="统计截止日期"),
        )
    print(f"已导出 {out}", file=sys.stderr)
    return 0


def _print_office(settings: object) -> None:
    for key, (label, _limit) in NOTICE_FIELDS.items():
        print(f"{label}：{getattr(settings, key) or '（未设置）'}")


def cmd_office_show(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        _print_office(notice_settings(db))
    return 0


def cmd_office_set(args: argparse.Namespace) -> int:
    values = {key: getattr(args, key) for key in NOTICE_FIELDS if getattr(args, key) is not None}
    if not values:
        raise PlanDeskError("没有给出要修改的项（--name、--prefix、--contact、--phone、--cc、--printer）。")
    with open_db(args) as db:
        _print_office(set_notice_settings(db, **values))
    return 0
