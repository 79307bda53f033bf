"""``plandesk items …`` (督办事项 register) and ``plandesk workdays …`` (法定工作日)."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt

from ..errors import PlanDeskError
from ..services.core import workdays
from ..services.core.validation import parse_date, parse_period
from ..services.supervision import item_import, items
from . import group, open_db, print_json


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    it = group(sub, "items", "督办事项：领导批示件、会议议定事项、建议提案、来信的登记与列表")
    p = it.add_parser("add", help="登记一件督办事项（截止日期按来源的办理时限计算，工作日扣除节假日）")
    p.add_argument("title", metavar="TITLE", help="事项名称")
    p.add_argument("--source", required=True, help="来源：领导批示件 | 会议议定事项 | 建议提案 | 群众来信")
    p.add_argument("--received", required=True, metavar="YYYY-MM-DD", help="交办日期（期限自次日起算）")
    p.add_argument("--unit", required=True, help="牵头（责任）单位")
    p.add_argument("--co", action="append", default=[], metavar="UNIT", help="配合单位，可重复")
    p.add_argument("--rule", default="", help="办理时限，例如 5个工作日、30天（默认按来源的规则）")
    p.add_argument("--text", default="", help="批示内容或事项内容")
    p.add_argument("--leader", default="", help="批示人")
    p.add_argument("--instructed", default=None, metavar="YYYY-MM-DD", help="批示日期")
    p.add_argument("--doc-ref", default="", help="原件文号")
    p.add_argument("--meeting", default="", help="会议名称")
    p.add_argument("--session", default="", help="会议期次")
    p.add_argument("--number", default="", help="建议提案编号")
    p.add_argument("--sender", default="", help="来信人")
    p.add_argument("--contact", default="", help="联系人")
    p.add_argument("--new-unit", action="store_true", help="单位不存在时新建")
    p.set_defaults(func=cmd_items_add)

    p = it.add_parser("list", help="列出督办事项及剩余时限")
    p.add_argument("--year", type=int, default=None)
    p.add_argument("--source", default=None, help="只列出一种来源")
    p.add_argument("--as-of", default=None, metavar="YYYY-MM-DD", help="按该日计算剩余时限")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=cmd_items_list)

    p = it.add_parser("import", help="从 Excel 清单导入督办事项（先预览列对应与错误）")
    p.add_argument("file", metavar="FILE.xlsx")
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=COL",
        help="指定列对应，例如 title=B、unit=E；字段：" + "、".join(item_import.FIELDS),
    )
    p.add_argument("--preview", action="store_true", help="只预览，不导入")
    p.add_argument("--new-unit", action="store_true", help="单位不存在时新建")
    p.set_defaults(func=cmd_items_import)

    p = it.add_parser("withdraw", help="撤销登记错误的督办事项（尚无任何办理记录时）")
    p.add_argument("node_id", type=int, metavar="NODE_ID")
    p.set_defaults(func=cmd_items_withdraw)

    p = it.add_parser("rules", help="各来源的默认办理时限（--set 修改，例如 --set 领导批示件=3个工作日）")
    p.add_argument("--set", action="append", default=[], metavar="来源=时限")
    p.set_defaults(func=cmd_items_rules)

    wd = group(sub, "workdays", "法定工作日：按节假日与调休计算期限，导入新年度放假安排")
    p = wd.add_parser("deadline", help="计算起算日期后 N 个工作日（或 N 天）的截止日期")
    p.add_argument("start", metavar="YYYY-MM-DD")
    p.add_argument("rule", metavar="RULE", help="例如 5个工作日、30天")
    p.set_defaults(func=cmd_workdays_deadline)
    p = wd.add_parser("load", help="导入放假安排文件（CSV 或 JSON，格式见 docs/holiday_calendar.md）")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=cmd_workdays_load)
    p = wd.add_parser("calendar", help="显示已有日历的年份，或列出某月每天是否上班")
    p.add_argument("--month", default=None, metavar="YYYY-MM")
    p.set_defaults(func=cmd_workdays_calendar)


def cmd_items_add(args: argparse.Namespace) -> int:
    received = parse_date(args.received, field="received", label="交办日期")
    assert received is not None
    draft = items.ItemDraft(
        title=args.title,
        source=items.source_code(args.source),
        received_on=received,
        unit=args.unit,
        cooperating=tuple(args.co),
        rule=args.rule,
        text=args.text,
        leader=args.leader,
        instructed_on=parse_date(args.instructed, field="instructed", label="批示日期"),
        doc_ref=args.doc_ref,
        meeting_name=args.meeting,
        meeting_session=args.session,
        proposal_number=args.number,
        sender=args.sender,
        contact_person=args.contact,
    )
    with open_db(args) as db:
        info = items.register_item(db, draft=draft, create_units=args.new_unit)
    print(
        f"已登记 {info.year}年督办事项 {info.source_name}{info.label}{info.title}（条目 {info.node_id}）："
        f"{info.unit}，{info.rule}，截止 {info.deadline}"
    )
    if info.calendar_note:
        print(info.calendar_note)
    return 0


def cmd_items_list(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        rows = items.list_items(db, year=args.year, source=args.source, as_of=args.as_of)
    if args.json:
        print_json([dataclasses.asdict(r) for r in rows])
        return 0
    if not rows:
        print("没有督办事项。")
    for r in rows:
        ref = r.doc_ref or r.meeting_name + r.meeting_session or r.proposal_number or r.sender
        print(
            f"{r.node_id}\t{r.source_name}{r.label}\t{r.title}\t{r.unit}\t{r.received_on}\t{r.rule}\t"
            f"{r.deadline}\t{r.remaining}\t{ref}"
        )
    return 0


def _mapping(pairs: list[str]) -> dict[str, str] | None:
    if not pairs:
        return None
    out: dict[str, str] = {}
    for pair in pairs:
        name, sep, col = pair.partition("=")
        if not sep or not col.strip().isalpha():
            raise PlanDeskError(f"列对应“{pair}”无效，应写作 字段=列字母，例如 title=B。", field="map")
        out[name.strip()] = col.strip().upper()
    return out


def cmd_items_import(args: argparse.Namespace) -> int:
    mapping = _mapping(args.map)
    with open_db(args) as db:
        preview = item_import.preview_items_workbook(
            db, path=args.file, mapping=mapping, create_units=args.new_unit
        )
        print(f"工作表 {preview.sheet}，表头在第{preview.header_row}行。列对应：")
        for name, letter in preview.mapping.items():
            print(f"  {item_import.FIELDS[name][0]} ← {letter}列“{preview.headers.get(letter, '')}”")
        print(f"可导入事项 {len(preview.drafts)} 件。")
        if preview.unknown_units:
            print("新单位：" + "、".join(preview.unknown_units))
        for e in preview.errors:
            print(f"错误 {e}")
        if preview.errors:
            print("有错误，未导入任何事项。")
            return 1
        if args.preview:
            return 0
        ids = item_import.import_items_workbook(
            db, path=args.file, mapping=mapping, create_units=args.new_unit
        )
    print(f"已导入 {len(ids)} 件督办事项。")
    return 0


def pairs(values: list[str], what: str) -> dict[str, str]:
    """KEY=VALUE options, refused plainly when the = is missing."""
    out: dict[str, str] = {}
    for value in values:
        key, sep, rest = value.partition("=")
        if not sep or not key.strip() or not rest.strip():
            raise PlanDeskError(f"“{value}”应写作 {what}。", field="set")
        out[key.strip()] = rest.strip()
    return out


def cmd_items_withdraw(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        items.withdraw_item(db, node_id=args.node_id)
    print("已撤销登记。")
    return 0


def cmd_items_rules(args: argparse.Namespace) -> int:
    changes = pairs(args.set, "来源=时限，例如 领导批示件=3个工作日")
    with open_db(args) as db:
        rules = items.set_item_rules(db, rules=changes) if changes else items.item_rules(db)
    for code, rule in rules.items():
        print(f"{items.SOURCE_NAMES[code]}\t{rule.text}")
    return 0


def cmd_workdays_deadline(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        result = workdays.deadline_after(db, start=args.start, rule=args.rule)
    weekday = "一二三四五六日"[result.deadline.weekday()]
    print(f"{result.start} 起 {result.rule.text}：截止 {result.deadline}（星期{weekday}）")
    if result.note:
        print(result.note)
    return 0


def cmd_workdays_load(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        update = items.apply_calendar(db, path=args.file)
    for y in update.loaded:
        replaced = "（替换了内置日历中的该年）" if y.replaced_library else ""
        print(f"已导入 {y.year} 年放假安排：放假 {y.holidays} 天，调休上班 {y.workdays} 天{replaced}")
    for m in update.moved:
        print(f"督办事项 {m.node_id} {m.title}：截止日期 {m.old} → {m.new}")
    return 0


def cmd_workdays_calendar(args: argparse.Namespace) -> int:
    with open_db(args) as db:
        cov = workdays.calendar_coverage(db)
        cal = workdays.work_calendar(db)
    if args.month:
        period = parse_period(args.month, field="month")
        year, month = int(period[:4]), int(period[5:])
        day = dt.date(year, month, 1)
        while day.month == month:
            print(
                f"{day}\t星期{'一二三四五六日'[day.weekday()]}\t{'上班' if cal.is_workday(day) else '休息'}"
            )
            day += dt.timedelta(days=1)
        if not cal.knows(year):
            print(workdays.calendar_note([year]))
        return 0
    print(f"内置日历：{cov.library}，{cov.library_years[0]}—{cov.library_years[1]}年")
    print("导入的年份：" + ("、".join(str(y) for y in cov.loaded_years) if cov.loaded_years else "无"))
    return 0
