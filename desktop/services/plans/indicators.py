"""Plan indicators and the values measured against them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from ... import clock
from ...errors import NotFound
from ...models import Indicator, IndicatorValue
from ...storage import Database
from ..core.records import IndicatorInfo, IndicatorValueInfo
from ..core.validation import check_number, check_text, parse_date


def _value_info(v: IndicatorValue) -> IndicatorValueInfo:
    return IndicatorValueInfo(v.id, v.measured_on, v.value, v.source, v.note)


def _info(ind: Indicator, values: list[IndicatorValue]) -> IndicatorInfo:
    history = [_value_info(v) for v in sorted(values, key=lambda v: (v.measured_on, v.id))]
    return IndicatorInfo(
        ind.id,
        ind.plan_id,
        ind.field,
        ind.name,
        ind.unit_of_measure,
        ind.target_text,
        ind.operator,
        ind.target_value,
        ind.target_year,
        ind.attribute,
        history[-1] if history else None,
        history,
        ind.version,
    )


def list_indicators(db: Database, *, plan_id: int) -> list[IndicatorInfo]:
    with db.read() as s:
        inds = list(
            s.scalars(
                select(Indicator)
                .where(Indicator.plan_id == plan_id, Indicator.archived.is_(False))
                .order_by(Indicator.position, Indicator.id)
            )
        )
        values: dict[int, list[IndicatorValue]] = {}
        if inds:
            for v in s.scalars(
                select(IndicatorValue).where(IndicatorValue.indicator_id.in_([i.id for i in inds]))
            ):
                values.setdefault(v.indicator_id, []).append(v)
        return [_info(i, values.get(i.id, [])) for i in inds]


def set_indicator_value(
    db: Database,
    *,
    indicator_id: int,
    value: float | str,
    measured_on: str | dt.date | None = None,
    source: str = "",
    note: str = "",
) -> IndicatorInfo:
    """Record a measured value of an indicator (a later value does not erase earlier ones)."""
    number = check_number(value, field="value", label="指标值")
    assert number is not None  # not optional
    when = parse_date(measured_on, field="measured_on", label="统计日期") or clock.today()
    source = check_text(source, field="source", label="数据来源", max_len=200)
    note = check_text(note, field="note", label="说明", max_len=4000)
    with db.write() as s:
        ind = s.get(Indicator, indicator_id)
        if ind is None:
            raise NotFound(f"找不到编号为 {indicator_id} 的指标。", field="indicator_id")
        s.add(
            IndicatorValue(
                indicator_id=ind.id,
                measured_on=when,
                value=number,
                source=source,
                note=note,
                entered_by=db.operator,
            )
        )
        s.flush()
        return _info(
            ind, list(s.scalars(select(IndicatorValue).where(IndicatorValue.indicator_id == ind.id)))
        )


def delete_indicator_value(db: Database, *, value_id: int) -> None:
    with db.write() as s:
        v = s.get(IndicatorValue, value_id)
        if v is None:
            raise NotFound(f"找不到编号为 {value_id} 的指标值。", field="value_id")
        s.delete(v)
