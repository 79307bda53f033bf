"""Responsible units: lookup by name or alias, creation, listing."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...errors import PlanDeskError
from ...models import UNIT_KINDS, Unit, UnitAlias
from ...storage import Database
from .hanzi import fold_traditional
from .validation import check_text


@dataclass(frozen=True)
class UnitInfo:
    id: int
    uid: str
    name: str
    kind: str
    aliases: list[str]


# Direction marks and embeddings (LRM, RLM, ALM, LRE…PDF, LRI…PDI), zero-width characters and the BOM:
# invisible, so a name carrying them looks like a known unit but would not match it.
_INVISIBLE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]")
# Also invisible: variation selectors and the Hangul and Braille blanks, which are letters to Unicode.
_BLANKS = re.compile("[\ufe00-\ufe0f\U000e0100-\U000e01ef\u115f\u1160\u3164\uffa0\u2800]")
# Brackets as the importer's alias table writes them (NFKC turns the full-width ones into ASCII first).
_BRACKETS = str.maketrans({"(": "（", ")": "）", "[": "〔", "]": "〕", "【": "〔", "】": "〕"})


def clean_unit_name(name: str) -> str:
    """A unit name as it is matched and stored: NFKC (full-width letters and digits as ordinary ones),
    without invisible marks, control characters and whitespace, traditional characters folded to simplified
    (區市場監管局 is 区市场监管局), brackets in their Chinese form. Empty when nothing visible is left."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", name or ""))
    text = "".join(ch for ch in _BLANKS.sub("", text) if unicodedata.category(ch) not in ("Cc", "Cf", "Cs"))
    return fold_traditional(re.sub(r"\s+", "", text)).translate(_BRACKETS).strip("，,、；;。")


def check_unit_name(
    name: str, *, field: str = "unit", label: str = "单位名称", location: str | None = None
) -> str:
    """The cleaned name; a name with nothing visible in it (only spaces or invisible marks) is refused."""
    key = clean_unit_name(name)
    if not key:
        shown = "".join(f"U+{ord(c):04X}" for c in (name or "")[:6] if not c.isprintable() or c.isspace())
        raise PlanDeskError(
            f"{label}为空" + (f"（只有空白或不可见字符 {shown}）" if shown else "") + "，请填写单位全称。",
            field=field,
            location=location,
        )
    return key


def find_unit(s: Session, name: str) -> Unit | None:
    """A unit by its canonical name or one of its aliases."""
    key = clean_unit_name(name)
    if not key:
        return None
    unit = s.scalar(select(Unit).where(Unit.name == key))
    if unit is None:
        unit = s.scalar(select(Unit).join(UnitAlias).where(UnitAlias.alias == key))
    if unit is None:
        canonical = canonical_unit_name(key)
        if canonical != key:
            unit = s.scalar(select(Unit).where(Unit.name == canonical))
    if unit is None:
        unit = _stored_unclean(s, key)
    if unit is None:
        local = local_matches(s, key)
        unit = local[0] if len(local) == 1 else None
    return unit


def _stored_unclean(s: Session, key: str) -> Unit | None:
    """A unit stored before names were cleaned as they are now (traditional or full-width characters,
    ASCII brackets) whose name or alias cleans to ``key``."""
    for unit_id, stored in (
        *s.execute(select(Unit.id, Unit.name)).tuples(),
        *s.execute(select(UnitAlias.unit_id, UnitAlias.alias)).tuples(),
    ):
        if stored != key and clean_unit_name(stored) == key:
            return s.get(Unit, unit_id)
    return None


def local_matches(s: Session, key: str) -> list[Unit]:
    """Units a short local name (市数据局, 市市场监管局) can mean, trying each city the database knows."""
    from ...importers.units import canonical_unit, city_of

    if not key.startswith(("市", "区", "县")):
        return []
    names = list(s.scalars(select(Unit.name)))
    cities = {c for c in map(city_of, names) if c}
    wanted = {canonical_unit(key, c) for c in cities} - {key}
    return list(s.scalars(select(Unit).where(Unit.name.in_(wanted)).order_by(Unit.name))) if wanted else []


def canonical_unit_name(name: str) -> str:
    """The name a unit is kept under (市发改委 → 市发展和改革委员会), from the importer's alias table."""
    try:
        from ...importers.units import canonical_unit
    except ImportError:  # pragma: no cover - the alias table ships with the importer
        return name
    return canonical_unit(name)


def unit_kind_of(name: str) -> str:
    """The kind of unit a name denotes (one of UNIT_KINDS; ``other`` when unsure)."""
    try:
        from ...importers.units import unit_kind
    except ImportError:  # pragma: no cover
        return "other"
    kind = unit_kind(name)
    return kind if kind in UNIT_KINDS else "other"


def resolve_unit(s: Session, name: str, *, field: str = "unit") -> Unit:
    """The unit a user named; an unknown name is an error that suggests close matches."""
    check_unit_name(name, field=field)
    unit = find_unit(s, name)
    if unit is not None:
        return unit
    several = local_matches(s, clean_unit_name(name))
    if len(several) > 1:
        raise PlanDeskError(
            f"“{name}”可以指多个单位：{'、'.join(u.name for u in several)}，请写全称。", field=field
        )
    names = list(s.scalars(select(Unit.name)))
    close = difflib.get_close_matches(clean_unit_name(name), names, n=3, cutoff=0.5)
    hint = f"是否指：{'、'.join(close)}？" if close else "请先添加该单位，或检查名称。"
    raise PlanDeskError(f"未知单位“{name}”。{hint}", field=field)


def ensure_unit(
    s: Session, name: str, *, kind: str | None = None, field: str = "unit", location: str | None = None
) -> Unit:
    """Find a unit or create it (imports name units the database has not seen yet); a name with nothing
    visible in it is refused, naming ``field`` and ``location``."""
    raw = check_unit_name(name, field=field, location=location)
    unit = find_unit(s, name)
    if unit is None:
        canonical = clean_unit_name(canonical_unit_name(raw)) or raw
        unit = Unit(name=canonical, kind=kind or unit_kind_of(canonical))
        s.add(unit)
        s.flush()
        if raw != canonical and s.scalar(select(UnitAlias).where(UnitAlias.alias == raw)) is None:
            s.add(UnitAlias(unit_id=unit.id, alias=raw))
    return unit


def list_units(db: Database) -> list[UnitInfo]:
    with db.read() as s:
        units = s.scalars(select(Unit).order_by(Unit.name)).all()
        aliases: dict[int, list[str]] = {}
        for unit_id, alias in s.execute(select(UnitAlias.unit_id, UnitAlias.alias)):
            aliases.setdefault(unit_id, []).append(alias)
        return [UnitInfo(u.id, u.uid, u.name, u.kind, sorted(aliases.get(u.id, []))) for u in units]


def add_unit(db: Database, *, name: str, kind: str = "bureau", aliases: list[str] | None = None) -> UnitInfo:
    name = check_text(name, field="name", label="单位名称", max_len=200, required=True)
    check_unit_name(name, field="name")
    if kind not in UNIT_KINDS:
        raise PlanDeskError(f"单位类型“{kind}”无效。", field="kind")
    for alias in aliases or []:
        if alias and alias.strip():
            check_unit_name(alias, field="aliases", label=f"别名“{alias}”")
    with db.write() as s:
        if find_unit(s, name) is not None:
            raise PlanDeskError(f"单位“{name}”已存在。", field="name")
        unit = Unit(name=clean_unit_name(name), kind=kind)
        s.add(unit)
        s.flush()
        for alias in aliases or []:
            alias = clean_unit_name(alias)
            if alias and alias != unit.name:
                if find_unit(s, alias) is not None:
                    raise PlanDeskError(f"别名“{alias}”已属于另一单位。", field="aliases")
                s.add(UnitAlias(unit_id=unit.id, alias=alias))
        s.flush()
        return UnitInfo(
            unit.id, unit.uid, unit.name, unit.kind, sorted(clean_unit_name(a) for a in aliases or [])
        )
