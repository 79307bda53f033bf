"""Hostile figures, dates, characters and unit names: refused with a Chinese message naming the field and the
place, nothing written; look-alike unit names are the units they look like.

1. Indicator values, bases, stage targets and plan targets must be finite and within ±1e12, at every entry
   point (the services the window calls, the command line, plan documents, exchange packages).
2. Dates lie within 1900–2100 (parse_date), and a character XML cannot hold is refused where a 督办事项 list,
   a feedback workbook, a form or a package brings it, naming the cell or the field.
3. Unit names are NFKC-normalised with traditional characters folded to simplified before matching and
   storing; a name with nothing visible in it is refused.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from rel_helpers import cli, counts, task_ids
from sqlalchemy import func, select

from desktop.errors import ImportRefused, PlanDeskError
from desktop.exchange.package_format import new_signing_key, write_package
from desktop.importers.parsed import ParsedIndicator, ParsedUnit
from desktop.models import Indicator, IndicatorValue, SupervisionItem, Unit
from desktop.services.core.hanzi import _SIMPLIFIED, _TRADITIONAL, fold_traditional
from desktop.services.core.integrity import check_database
from desktop.services.core.units import add_unit, clean_unit_name, ensure_unit, find_unit, list_units
from desktop.services.core.validation import check_number, parse_date, parse_period
from desktop.services.core.workdays import load_calendar
from desktop.services.evaluation.assessment import (
    gather_evaluation,
    get_indicator_base,
    parse_stage_targets,
    render_report,
    set_indicator_base,
)
from desktop.services.exchange.packages import export_package, read_package
from desktop.services.exchange.workbooks import apply_workbooks, export_workbooks
from desktop.services.plans.indicators import list_indicators, set_indicator_value
from desktop.services.plans.plan_import import import_plan
from desktop.services.plans.revision import apply_revision
from desktop.services.supervision.assignments import add_progress, create_assignment
from desktop.services.supervision.item_import import import_items_workbook
from desktop.services.supervision.items import ItemDraft, list_items, register_item
from desktop.storage import Database, open_database

from factories import small_plan

HUGE = "1" + "0" * 400  # float() of it is inf: a long digit string is no safer than "inf"
HOSTILE_TEXT = ["nan", "NaN", "inf", "-Infinity", "1e308", "-1e13", "1000000000001", HUGE, "  ", "abc"]
HOSTILE_NUMBERS: list[Any] = [float("nan"), float("inf"), -float("inf"), 1e308, -1e13, 10**400, True]


def chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def first_indicator(db: Database) -> tuple[int, int]:
    """(plan id, id of the plan's first indicator) of the small plan, imported here."""
    plan_id = task_ids(db)["plan"]
    return plan_id, list_indicators(db, plan_id=plan_id)[0].id


def value_count(db: Database) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(IndicatorValue)) or 0


def no_nan_json(text: str) -> Any:
    def refuse(constant: str) -> Any:
        raise AssertionError(f"the JSON holds {constant}")

    return json.loads(text, parse_constant=refuse)


# -- 1. figures --------------------------------------------------------------------------------------------


def test_check_number_is_finite_and_bounded_and_says_so() -> None:
    assert check_number("５０％", field="v", label="指标值") == 50.0
    assert check_number(" 1e12 ", field="v", label="指标值") == 1e12
    assert check_number(-1e12, field="v", label="指标值") == -1e12
    assert check_number("", field="v", label="指标值", optional=True) is None
    for bad in [*HOSTILE_TEXT, *HOSTILE_NUMBERS]:
        with pytest.raises(PlanDeskError) as err:
            check_number(bad, field="v", label="指标值")
        assert err.value.field == "v" and "指标值" in err.value.message, bad
        if bad not in ("  ", "abc", True):
            assert "1e12" in err.value.message, err.value.message


@pytest.mark.parametrize("value", [*HOSTILE_TEXT, *HOSTILE_NUMBERS], ids=repr)
def test_a_hostile_indicator_value_is_refused_and_nothing_written(db: Database, value: Any) -> None:
    _plan_id, ind = first_indicator(db)
    before = value_count(db)
    with pytest.raises(PlanDeskError) as err:
        set_indicator_value(db, indicator_id=ind, value=value, measured_on="2024-06-30")
    assert err.value.field == "value" and "指标值" in err.value.message and chinese(err.value.message)
    assert value_count(db) == before


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e308", "-1e13", HUGE, float("nan"), 1e308])
def test_a_hostile_base_value_is_refused_and_the_base_unchanged(db: Database, value: Any) -> None:
    _plan_id, ind = first_indicator(db)
    set_indicator_base(db, indicator_id=ind, base_year=2023, base_value="12.5")
    with pytest.raises(PlanDeskError) as err:
        set_indicator_base(db, indicator_id=ind, base_year=2023, base_value=value)
    assert err.value.field == "base_value" and "基期值" in err.value.message and "1e12" in err.value.message
    base = get_indicator_base(db, indicator_id=ind)
    assert (base.base_year, base.base_value) == (2023, 12.5)


@pytest.mark.parametrize("value", [HUGE, "1" + "0" * 13, float("nan"), float("inf"), 1e308])
def test_hostile_stage_targets_are_refused_from_text_and_from_the_form(db: Database, value: Any) -> None:
    _plan_id, ind = first_indicator(db)
    if isinstance(value, str):
        with pytest.raises(PlanDeskError, match="阶段目标值.*1e12") as err:
            parse_stage_targets(f"2030:{value}")
        assert err.value.field == "stage_targets"
    with pytest.raises(PlanDeskError, match="阶段目标值.*1e12") as err:
        set_indicator_base(
            db, indicator_id=ind, base_year=2023, base_value=1, stage_targets=[{"year": 2030, "value": value}]
        )
    assert err.value.field == "stage_targets"
    assert get_indicator_base(db, indicator_id=ind).stage_targets == []
    with pytest.raises(PlanDeskError, match="1900–2100"):
        parse_stage_targets("9999:90")


@pytest.mark.parametrize("value", ["nan", "inf", "1e308", "--value=-1e308", HUGE])
def test_the_baseline_command_refuses_hostile_figures_and_evaluate_stays_printable(
    db: Database, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    plan_id, ind = first_indicator(db)
    set_indicator_value(db, indicator_id=ind, value="20", measured_on="2024-06-30")
    set_indicator_value(db, indicator_id=ind, value="30", measured_on="2024-12-31")
    arg = [value] if value.startswith("--") else ["--value", value]
    code, _out, err = cli(capsys, "--db", db_url, "baseline", str(ind), "--year", "2023", *arg)
    assert code == 1 and "基期值" in err and "1e12" in err and "Traceback" not in err
    code, _out, err = cli(
        capsys,
        "--db",
        db_url,
        "baseline",
        str(ind),
        "--year",
        "2023",
        "--value",
        "10",
        "--stages",
        f"2030:{HUGE}",
    )
    assert code == 1 and "阶段目标值" in err and "1e12" in err
    assert get_indicator_base(db, indicator_id=ind).base_value is None
    code, out, _err = cli(
        capsys, "--db", db_url, "evaluate", "--plan", str(plan_id), "--as-of", "2024-12-31", "--json"
    )
    assert code == 0
    no_nan_json(out)
    for name in ("评估.pdf", "评估.docx"):
        code, _out, err = cli(
            capsys,
            "--db",
            db_url,
            "evaluate",
            "--plan",
            str(plan_id),
            "--as-of",
            "2024-12-31",
            "-o",
            str(tmp_path / name),
        )
        assert code == 0, err
    document = zipfile.ZipFile(tmp_path / "评估.docx").read("word/document.xml").decode("utf-8")
    assert not re.search(r"nan%|inf%|\bnan\b|\binf\b", document)


def test_figures_stored_before_the_checks_are_left_out_of_the_evaluation_and_reported(
    db: Database, tmp_path: Path
) -> None:
    """A database written by an earlier version may hold inf or 1e308: the evaluation and its report still
    print (those figures count as missing), and the database check names them."""
    plan_id, ind = first_indicator(db)
    set_indicator_value(db, indicator_id=ind, value="20", measured_on="2024-06-30")
    set_indicator_value(db, indicator_id=ind, value="30", measured_on="2024-12-31")
    with db.write() as s:
        row = s.get(Indicator, ind)
        assert row is not None
        row.base_year, row.base_value = 2023, float("inf")
        row.stage_targets = [{"year": 2030, "value": 1e308, "text": "1e308"}]
        s.add(
            IndicatorValue(indicator_id=ind, measured_on=dt.date(2024, 9, 30), value=1e308, entered_by="旧版")
        )
    data = gather_evaluation(db, plan_id=plan_id, as_of="2024-12-31", kind="midterm")
    no_nan_json(json.dumps(dataclasses.asdict(data), ensure_ascii=False, default=str))
    render_report(data, tmp_path / "e.pdf")
    render_report(data, tmp_path / "e.docx")
    problems = [p.message for p in check_database(db) if p.check == "indicator"]
    assert any(f"指标 {ind} 的基期值" in p for p in problems) and any("指标值记录" in p for p in problems)
    assert all("1e12" in p for p in problems)


@pytest.mark.parametrize("target", [float("inf"), float("nan"), 1e308, -1e13])
def test_a_plan_document_with_an_absurd_indicator_target_is_refused(db: Database, target: float) -> None:
    task_ids(db)
    before = counts(db)
    plan = small_plan("第二份方案")
    plan.indicators.append(
        ParsedIndicator("研发投入（亿元）", "9" * 400, unit="亿元", target_value=target, year=2025)
    )
    with pytest.raises(ImportRefused) as err:
        import_plan(db, parsed=plan, backup=False)
    message = str(err.value)
    assert "指标“研发投入（亿元）”的目标值" in message and "1e12" in message and "small.txt" in message
    assert counts(db) == before


def test_a_revision_with_an_absurd_target_or_year_is_refused_before_anything_is_written(db: Database) -> None:
    plan_id = task_ids(db)["plan"]
    before = counts(db)
    plan = small_plan()
    plan.indicators[0].target_value = float("inf")
    with pytest.raises(ImportRefused, match="目标值.*1e12"):
        apply_revision(db, plan_id=plan_id, parsed=plan)
    plan = small_plan()
    plan.nodes[0].children[0].children[0].deadline = dt.date(9999, 12, 31)
    with pytest.raises(ImportRefused, match="条目“1.加强计量科技创新”的截止日期.*1900–2100"):
        apply_revision(db, plan_id=plan_id, parsed=plan)
    assert counts(db) == before


# -- packages: the same rules as every other entry point ----------------------------------------------------

ATTACKER_KEY = new_signing_key()


def _package_with_work(db: Database, tmp_path: Path) -> Path:
    ids = task_ids(db)
    a = create_assignment(db, node_id=ids["1."], unit="区市场监管局", deadline="2025-06-30")
    add_progress(db, assignment_id=a.id, period="2024-05", text="完成调研", percent=30)
    ind = list_indicators(db, plan_id=ids["plan"])[0].id
    set_indicator_value(db, indicator_id=ind, value="20", measured_on="2024-06-30")
    pkg = tmp_path / "plan.pdpkg"
    export_package(db, plan_id=ids["plan"], path=pkg)
    return pkg


def _forge(pkg: Path, dest: Path, kind: str, name: str, value: Any) -> Path:
    with zipfile.ZipFile(pkg) as zf:
        manifest, content = json.loads(zf.read("manifest.json")), json.loads(zf.read("content.json"))
    content = copy.deepcopy(content)
    rows = content[kind] if isinstance(content[kind], list) else [content[kind]]
    rows[0][name] = value
    head = {
        k: v for k, v in manifest.items() if k not in ("format", "version", "created_at", "content_sha256")
    }
    write_package(dest, head, content, private_key=ATTACKER_KEY)
    return dest


PACKAGE_CASES = {
    # Below package_check's own limits (1e15, year 2200) but outside the rules of every other entry point.
    "value 1e13": ("values", "value", 1e13, "指标值第 1 条"),
    "target -1e14": ("indicators", "target_value", -1e14, "指标第 1 条"),
    "deadline 2150": ("assignments", "deadline", "2150-06-30", "分工第 1 条"),
    "measured 2199": ("values", "measured_on", "2199-12-31", "指标值第 1 条"),
    "unit of marks": ("units", "name", "\u200b\u2060", "单位第 1 条"),
    "control char": ("progress", "text", "完成\x01调研", "进展第 1 条"),
}


@pytest.mark.parametrize("case", sorted(PACKAGE_CASES))
def test_a_package_is_held_to_the_same_rules_as_every_entry_point(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    kind, name, value, place = PACKAGE_CASES[case]
    bad = _forge(_package_with_work(db, tmp_path), tmp_path / "bad.pdpkg", kind, name, value)
    other_url = str(tmp_path / "other.sqlite3")
    with open_database(other_url) as other:
        with pytest.raises(ImportRefused, match="交换包内容有误") as refused:
            read_package(other, path=bad)
        message = str(refused.value)
        assert place in message and f"字段 {name}" in message, message
        assert any(word in message for word in ("1e12", "1900–2100", "为空", "控制字符")), message
    code, _out, err = cli(capsys, "--db", other_url, "package", "import", str(bad))
    assert code == 1 and place in err and "Traceback" not in err
    with open_database(other_url) as other:
        assert counts(other)["plan"] == 0 and list_units(other) == []


# -- 2. dates and characters XML cannot hold ---------------------------------------------------------------


def test_parse_date_keeps_every_date_within_1900_to_2100() -> None:
    assert parse_date("1900-01-01", field="d") == dt.date(1900, 1, 1)
    assert parse_date("2100年12月31日", field="d") == dt.date(2100, 12, 31)
    assert parse_date(dt.datetime(2026, 5, 1, 8, 30), field="d") == dt.date(2026, 5, 1)
    for bad in (
        "9999-12-31",
        "0001-01-01",
        "1899-12-31",
        "2101-01-01",
        dt.date(9999, 12, 31),
        dt.date(1, 1, 1),
    ):
        with pytest.raises(PlanDeskError, match="超出合理范围，应在 1900–2100 年之间") as err:
            parse_date(bad, field="deadline", label="截止日期")
        assert err.value.field == "deadline" and "截止日期" in err.value.message
    with pytest.raises(PlanDeskError, match="报告期"):
        parse_period("2150-01")


def _items(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "督办清单"
    ws.append(["督办事项", "事项来源", "交办日期", "责任单位", "配合单位", "批示人", "批示内容"])
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def _row(**change: object) -> list[object]:
    row: dict[str, object] = {
        "title": "落实碳计量批示",
        "source": "领导批示",
        "received": "2026-03-02",
        "unit": "区市场监管局",
        "co": None,
        "leader": "王区长",
        "text": "批示内容",
    }
    row.update(change)
    return list(row.values())


def _item_rows(db: Database) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(SupervisionItem)) or 0


@pytest.mark.parametrize(
    "received",
    [dt.datetime(9999, 12, 31), "9999-12-31", dt.datetime(1, 1, 1), "0001-01-01", "2101-01-01"],
    ids=["9999 date", "9999 text", "0001 date", "0001 text", "2101 text"],
)
def test_an_items_list_with_a_date_out_of_range_is_refused_naming_the_cell(
    db: Database, tmp_path: Path, received: object
) -> None:
    task_ids(db)
    before = counts(db)
    f = _items(tmp_path / "清单.xlsx", [_row(), _row(title="第二件", received=received)])
    with pytest.raises(PlanDeskError) as err:
        import_items_workbook(db, path=f)
    message = str(err.value)
    assert "督办清单!C3（交办日期）" in message and "1900–2100" in message and "未导入任何事项" in message
    assert counts(db) == before and _item_rows(db) == 0


def _with_control_character(path: Path, token: str, reference: bytes) -> Path:
    """The workbook at ``path`` with the text ``token`` replaced, in the sheet XML, by ``reference``."""
    out = path.with_name("坏" + path.name)
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            data = src.read(name)
            if name.startswith("xl/worksheets/") or name == "xl/sharedStrings.xml":
                data = data.replace(token.encode("utf-8"), reference)
            dst.writestr(name, data)
    return out


@pytest.mark.parametrize(
    "reference", [b"&#1;", b"\x01", b"&#x1F;", b"&#xFFFF;"], ids=["&#1;", "raw", "1F", "FFFF"]
)
def test_an_items_list_holding_a_character_xml_cannot_is_refused_naming_the_cell(
    db: Database, tmp_path: Path, reference: bytes
) -> None:
    task_ids(db)
    before = counts(db)
    f = _with_control_character(
        _items(tmp_path / "清单.xlsx", [_row(), _row(text="内容MARK")]), "MARK", reference
    )
    with pytest.raises(PlanDeskError) as err:
        import_items_workbook(db, path=f)
    message = str(err.value)
    assert "督办清单!G3" in message and "控制字符" in message and "未导入任何事项" in message, message
    assert counts(db) == before and _item_rows(db) == 0


def test_a_feedback_workbook_holding_a_character_xml_cannot_is_refused_naming_the_cell(
    db: Database, tmp_path: Path
) -> None:
    from desktop.exchange.workbook_format import DATA_SHEET

    ids = task_ids(db)
    create_assignment(db, node_id=ids["1."], unit="区市场监管局", deadline="2025-06-30")
    path = tmp_path / "反馈表.xlsx"
    export_workbooks(db, plan_id=ids["plan"], unit="区市场监管局", out=path, period="2025-01")
    wb = load_workbook(path)
    ws = wb[DATA_SHEET]
    column = next(c.column for c in ws[3] if c.value == "本月进展")
    ws.cell(row=4, column=column, value="完成MARK调研")
    wb.save(path)
    before = counts(db)
    result = apply_workbooks(db, paths=[_with_control_character(path, "MARK", b"&#1;")])
    (file_result,) = result.files
    assert not file_result.applied
    letter = ws.cell(row=4, column=column).column_letter
    assert [p.location for p in file_result.problems] == [f"{DATA_SHEET}!{letter}4"]
    assert "控制字符" in file_result.problems[0].message
    assert counts(db) == before


def _draft(**change: Any) -> ItemDraft:
    base = ItemDraft(
        title="关于加快碳计量中心建设的批示",
        source="instruction",
        received_on=dt.date(2026, 2, 12),
        unit="区市场监管局",
        leader="王区长",
    )
    return dataclasses.replace(base, **change)


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"received_on": dt.date(9999, 12, 31)}, "received_on", "1900–2100"),
        ({"received_on": dt.date(1, 1, 1)}, "received_on", "1900–2100"),
        ({"instructed_on": dt.date(1, 1, 1)}, "instructed_on", "1900–2100"),
        ({"text": "批示\x01内容"}, "text", "控制字符（U+0001）"),
        ({"title": "批\x0b示"}, "title", "控制字符（U+000B）"),
        ({"leader": "王\x1f区长"}, "leader", "控制字符（U+001F）"),
        ({"unit": "\u200b\u2060"}, "unit", "为空"),
        ({"cooperating": ("\u2066\u2069",)}, "cooperating", "为空"),
    ],
)
def test_an_item_from_the_form_or_the_command_line_is_checked_like_a_cell(
    db: Database, change: dict[str, Any], field: str, words: str
) -> None:
    task_ids(db)
    before = counts(db)
    with pytest.raises(PlanDeskError) as err:
        register_item(db, draft=_draft(**change), create_units=True)
    assert err.value.field == field and words in err.value.message, err.value.message
    assert counts(db) == before and list_items(db) == [] and "" not in {u.name for u in list_units(db)}


def test_the_items_command_refuses_a_date_out_of_range(
    db: Database, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    task_ids(db)
    argv = ["items", "add", "批示", "--source", "领导批示件", "--unit", "区市场监管局", "--leader", "王区长"]
    code, _out, err = cli(capsys, "--db", db_url, *argv, "--received", "9999-12-31")
    assert code == 1 and "交办日期" in err and "1900–2100" in err and "Traceback" not in err
    assert list_items(db) == []


def test_a_holiday_notice_beyond_2100_is_refused(db: Database, tmp_path: Path) -> None:
    f = tmp_path / "放假.csv"
    f.write_text("日期,类型\n2150-01-01,休\n", encoding="utf-8")
    with pytest.raises(PlanDeskError, match="1900–2100") as err:
        load_calendar(db, path=f)
    assert err.value.location == "放假.csv 第2行"


# -- 3. unit names -----------------------------------------------------------------------------------------


def test_the_traditional_table_is_one_to_one_and_folds_once() -> None:
    assert len(_TRADITIONAL) == len(_SIMPLIFIED) == len(set(_TRADITIONAL))
    assert not set(_TRADITIONAL) & set(_SIMPLIFIED), "a folded name folds no further"
    assert fold_traditional("區市場監督管理局") == "区市场监督管理局"
    assert fold_traditional("區發展和改革委員會") == "区发展和改革委员会"
    assert fold_traditional("区市场监管局") == "区市场监管局"


@pytest.mark.parametrize(
    "variant",
    [
        "區市場監管局",  # traditional
        "区市場监管局",  # partly traditional
        "区市场监管局\u3000",  # ideographic space
        "區市場監管局；",  # with a full-width semicolon after it
        "區市場監管局\u200b",  # traditional and invisible
    ],
)
def test_a_look_alike_unit_name_is_the_known_unit(db: Database, variant: str) -> None:
    ids = task_ids(db)
    names = sorted(u.name for u in list_units(db))
    plan = small_plan("第二份方案")
    plan.nodes[0].children[0].children[0].units = [ParsedUnit(variant, "lead"), ParsedUnit("區科委", "co")]
    import_plan(db, parsed=plan, backup=False)
    assert sorted(u.name for u in list_units(db)) == names, "no look-alike unit was created"
    a = create_assignment(db, node_id=ids["3."], unit=variant)
    assert a.unit_name == "区市场监管局"
    with pytest.raises(PlanDeskError, match="已存在"):
        add_unit(db, name=variant)


def test_full_width_letters_and_digits_are_the_ordinary_ones(db: Database) -> None:
    task_ids(db)
    added = add_unit(db, name="区第２中学（ＡＢ校区）", aliases=["第２中学"])
    assert (added.name, added.aliases) == ("区第2中学（AB校区）", ["第2中学"])
    with db.write() as s:
        assert ensure_unit(s, "区第2中学(AB校区)").name == "区第2中学（AB校区）"
        assert find_unit(s, "區第２中學（ＡＢ校區）") is not None
    assert clean_unit_name("區\u00a0市場\ufe0f監管局") == "区市场监管局"


def test_a_unit_stored_before_names_were_cleaned_is_still_found(db: Database) -> None:
    task_ids(db)
    with db.write() as s:
        s.add(Unit(name="區審計局", kind="bureau"))
    n = len(list_units(db))
    plan = small_plan("第二份方案")
    plan.nodes[0].children[0].children[0].units = [ParsedUnit("区审计局", "lead")]
    import_plan(db, parsed=plan, backup=False)
    with db.write() as s:
        found = find_unit(s, "区审计局")
        assert found is not None and found.name == "區審計局"
        assert ensure_unit(s, "區審計局").id == found.id
    assert len(list_units(db)) == n


@pytest.mark.parametrize(
    "marks", ["\u200b", "\u200e\u200f", "\u2066\u2069", "\ufeff\u00ad", " \u3000 ", "\u3164"]
)
def test_a_unit_named_only_by_invisible_marks_is_refused(db: Database, tmp_path: Path, marks: str) -> None:
    ids = task_ids(db)
    names = sorted(u.name for u in list_units(db))
    before = counts(db)
    plan = small_plan("第二份方案")
    plan.nodes[0].children[0].children[0].units = [
        ParsedUnit("区市场监管局", "lead"),
        ParsedUnit(marks, "co"),
    ]
    with pytest.raises(ImportRefused) as err:
        import_plan(db, parsed=plan, backup=False)
    assert "条目“1.加强计量科技创新”的责任单位名称为空" in err.value.message and err.value.field == "unit"
    with pytest.raises(PlanDeskError, match="单位名称(不能)?为空") as err:
        add_unit(db, name=marks)
    assert err.value.field == "name"
    if marks.strip():  # a blank alias (spaces only) is an alias left out, as before
        with pytest.raises(PlanDeskError, match="为空"):
            add_unit(db, name="区档案馆", aliases=[marks])
    with pytest.raises(PlanDeskError, match="为空"):
        create_assignment(db, node_id=ids["3."], unit=marks)
    with db.write() as s, pytest.raises(PlanDeskError, match="为空"):
        ensure_unit(s, marks)
    f = _items(tmp_path / "清单.xlsx", [_row(), _row(unit=marks)])
    with pytest.raises(PlanDeskError, match="督办清单!D3（责任单位）：(责任单位为空|不能为空)"):
        import_items_workbook(db, path=f, create_units=True)
    assert counts(db) == before and sorted(u.name for u in list_units(db)) == names
    assert "" not in names


def test_an_items_list_beyond_the_bounds_is_refused_before_anything_is_read_or_locked(
    db: Database, tmp_path: Path
) -> None:
    """10 000 rows once held the write lock six minutes and 400 000 shared strings took 1.2 GB: a list is
    bounded in rows, file size and unpacked size, refused with the bound named, nothing written."""
    from desktop.services.supervision import item_import

    task_ids(db)
    before = counts(db)
    many = _items(
        tmp_path / "长清单.xlsx", [_row(title=f"事项{n}") for n in range(item_import.MAX_ROWS + 30)]
    )
    with pytest.raises(PlanDeskError, match=f"行数超过 {item_import.MAX_ROWS} 行"):
        import_items_workbook(db, path=many)
    big = tmp_path / "大文件.xlsx"
    big.write_bytes(b"PK" + b"\0" * (item_import.MAX_FILE_BYTES + 1))
    with pytest.raises(PlanDeskError, match="过大"):
        import_items_workbook(db, path=big)
    bomb = tmp_path / "压缩炸弹.xlsx"
    good = _items(tmp_path / "好.xlsx", [_row()])
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            dst.writestr(name, src.read(name))
        dst.writestr("xl/padding.bin", b"\0" * (item_import.MAX_INFLATED_BYTES + 1))
    assert bomb.stat().st_size < item_import.MAX_FILE_BYTES
    with pytest.raises(PlanDeskError, match="解压后过大"):
        import_items_workbook(db, path=bomb)
    assert counts(db) == before and _item_rows(db) == 0
    # a list within the bounds still imports, formatting left on empty rows below it ignored
    assert len(import_items_workbook(db, path=_items(tmp_path / "清单.xlsx", [_row(), [None] * 7]))) == 1
