"""Canonical names for responsible units, so one bureau is one Unit across all plans."""

from __future__ import annotations

import re

# City-level bureaus: short key → (full official suffix, aliases as printed after "市"/"北京市" ...).
# The key is what a plan of unknown city stores ("市" + key); with a known city the full name is used.
# Extend by adding rows; aliases are matched after whitespace and bracket normalisation.
CITY_BUREAUS: dict[str, tuple[str, tuple[str, ...]]] = {
    "市场监管局": ("市场监督管理局", ("市场监督管理局", "市场监管局")),
    "发展改革委": ("发展和改革委员会", ("发展和改革委员会", "发展改革委", "发改委")),
    "科技局": ("科学技术局", ("科学技术局", "科学技术委员会", "科技局", "科委")),
    "科委中关村管委会": (
        "科学技术委员会、中关村科技园区管理委员会",
        ("科委中关村管委会", "科委、中关村管委会"),
    ),
    "经济信息化局": ("经济和信息化局", ("经济和信息化局", "经济信息化局", "经信局")),
    "工信局": ("工业和信息化局", ("工业和信息化局", "工业信息化局", "工信局")),
    "教委": ("教育委员会", ("教育委员会", "教委")),
    "教育局": ("教育局", ("教育局",)),
    "财政局": ("财政局", ("财政局",)),
    "生态环境局": ("生态环境局", ("生态环境局",)),
    "住房城乡建设委": ("住房和城乡建设委员会", ("住房和城乡建设委员会", "住房城乡建设委", "住建委")),
    "住房城乡建设局": ("住房和城乡建设局", ("住房和城乡建设局", "住房城乡建设局", "住建局")),
    "交通委": ("交通委员会", ("交通委员会", "交通委")),
    "交通局": ("交通运输局", ("交通运输局", "交通局")),
    "卫生健康委": ("卫生健康委员会", ("卫生健康委员会", "卫生健康委", "卫健委")),
    "人社局": ("人力资源和社会保障局", ("人力资源和社会保障局", "人力资源社会保障局", "人社局")),
    "公安局": ("公安局", ("公安局",)),
    "公安局公安交通管理局": ("公安局公安交通管理局", ("公安局公安交通管理局", "公安交管局")),
    "数据局": ("数据局", ("数据局", "大数据局", "数据资源局")),
    "司法局": ("司法局", ("司法局",)),
    "药监局": ("药品监督管理局", ("药品监督管理局", "药监局")),
    "城市管理委": ("城市管理委员会", ("城市管理委员会", "城市管理委", "城管委")),
    "委军民融合办": ("委军民融合发展委员会办公室", ("委军民融合办", "委军民融合发展委员会办公室")),
    "商务局": ("商务局", ("商务局",)),
    "水务局": ("水务局", ("水务局",)),
    "农业农村局": ("农业农村局", ("农业农村局", "农业农村委")),
    "规划自然资源委": ("规划和自然资源委员会", ("规划和自然资源委员会", "规划自然资源委")),
    "自然资源局": ("自然资源和规划局", ("自然资源和规划局", "自然资源局")),
    "统计局": ("统计局", ("统计局",)),
    "应急局": ("应急管理局", ("应急管理局", "应急局")),
    "文化旅游局": ("文化和旅游局", ("文化和旅游局", "文化旅游局", "文旅局")),
    "国资委": ("人民政府国有资产监督管理委员会", ("国资委", "国有资产监督管理委员会")),
    "政务服务局": ("政务服务管理局", ("政务服务管理局", "政务服务局")),
    "税务局": ("税务局", ("税务局",)),
    "政府办公厅": ("人民政府办公厅", ("政府办公厅", "人民政府办公厅")),
}

# National bodies: canonical → aliases.
NATIONAL_BODIES: dict[str, tuple[str, ...]] = {
    "市场监管总局": ("国家市场监督管理总局", "国家市场监管总局", "市场监督管理总局"),
    "国家发展改革委": ("发展改革委", "国家发改委", "国家发展和改革委员会", "发改委"),
    "工业和信息化部": ("工信部",),
    "人力资源社会保障部": ("人社部", "人力资源和社会保障部"),
    "税务总局": ("国家税务总局",),
    "海关总署": (),
    "财政部": (),
    "商务部": (),
    "科技部": ("科学技术部",),
    "教育部": (),
    "农业农村部": (),
    "生态环境部": (),
    "住房城乡建设部": ("住房和城乡建设部",),
    "自然资源部": (),
    "交通运输部": (),
    "国家卫生健康委": ("卫生健康委", "国家卫健委"),
    "人民银行": ("中国人民银行",),
    "银保监会": ("中国银保监会",),
    "证监会": ("中国证监会",),
    "国资委": ("国务院国资委",),
    "药监局": ("国家药监局", "国家药品监督管理局"),
    "国家统计局": ("统计局",),
    "民航局": ("中国民航局",),
    "国际发展合作署": ("国家国际发展合作署",),
    "民政部": (),
    "司法部": (),
    "公安部": (),
    "水利部": (),
    "应急管理部": (),
    "文化和旅游部": (),
    "退役军人部": (),
    "国务院扶贫办": ("扶贫办",),
    "全国总工会": (),
    "共青团中央": (),
    "全国妇联": (),
    "中国残联": (),
    "国家能源局": ("能源局",),
    "国家邮政局": ("邮政局",),
    "国家林草局": ("林草局",),
    "国家知识产权局": ("知识产权局",),
    "国家铁路局": ("铁路局",),
    "国家市场监管总局计量司": (),
}

# Companies and institutions that appear in city plans under varying names.
OTHER_ALIASES: dict[str, tuple[str, ...]] = {
    "国网北京市电力公司": ("国网北京电力公司",),
}

_BRACKETS = str.maketrans(
    {"(": "（", ")": "）", "[": "〔", "]": "〕", "［": "〔", "］": "〕", "【": "〔", "】": "〕"}
)
_CITY_PREFIX = re.compile(r"^(北京|天津|上海|重庆|[\u4e00-\u9fff]{2,3})市(?!场)")
_DISTRICT_GOV = re.compile(r"^([\u4e00-\u9fff]{1,10}?(?:区|县|旗|市))(?:人民)?政府$")
_COLLECTIVE = re.compile(
    r"^(各|有关|相关|其他|其它|试点)|各有关|等有关"
    r"|^(?:省|市|区|县)(?:级|直)?各?(?:其他|其它)?(?:有关|相关)?(?:部门|单位|机构)$"  # 市有关部门, 区直各部门
    r"|^(?:省|市|区|县)(?:级|直)?各[\u4e00-\u9fff]{1,6}(?:部门|单位|机构)$"  # 市直各执法部门
)

_ALIAS_TO_KEY: dict[str, str] = {}
for _key, (_full, _aliases) in CITY_BUREAUS.items():
    for _alias in (*_aliases, _key):
        _ALIAS_TO_KEY[_alias] = _key
_NATIONAL_ALIAS: dict[str, str] = {}
for _canon, _aliases in NATIONAL_BODIES.items():
    _NATIONAL_ALIAS[_canon] = _canon
    for _alias in _aliases:
        _NATIONAL_ALIAS.setdefault(_alias, _canon)
for _canon, _aliases in OTHER_ALIASES.items():
    _NATIONAL_ALIAS[_canon] = _canon
    for _alias in _aliases:
        _NATIONAL_ALIAS[_alias] = _canon


def normalize_name(raw: str) -> str:
    """Drop whitespace and unify bracket forms so printed variants compare equal."""
    return "".join(raw.split()).translate(_BRACKETS).strip("，,、；;。:：")


def _city_key(name: str, city: str | None) -> tuple[str | None, str | None]:
    """Return (city, bureau key) when ``name`` is a city-level bureau, else (None, None)."""
    m = _CITY_PREFIX.match(name)
    if m and name[m.end() :] in _ALIAS_TO_KEY:
        return m.group(1), _ALIAS_TO_KEY[name[m.end() :]]
    if name.startswith("市") and name[1:] in _ALIAS_TO_KEY:
        return city, _ALIAS_TO_KEY[name[1:]]
    return None, None


def canonical_unit(raw: str, city: str | None = None) -> str:
    """Canonical name of a unit; ``city`` (e.g. "北京") resolves short forms such as 市市场监管局."""
    name = normalize_name(raw)
    if not name:
        return name
    city = city.removesuffix("市") if city else None
    unit_city, key = _city_key(name, city)
    if key is not None:
        full = CITY_BUREAUS[key][0]
        return f"{unit_city}市{full}" if unit_city else f"市{key}"
    if name in _NATIONAL_ALIAS:
        return _NATIONAL_ALIAS[name]
    m = _DISTRICT_GOV.match(name)
    if m and not is_collective(name):
        return f"{m.group(1)}人民政府"
    if (
        city
        and name.startswith("市")
        and not name.startswith(("市场", "市级"))
        and len(name) > 2
        and not is_collective(name)
    ):
        # 市自来水集团 in a Beijing plan is 北京市自来水集团: one unit whichever way it is printed.
        return f"{city}{name}"
    return name


def is_known_unit(raw: str, city: str | None = None) -> bool:
    """True when the name is in the alias table or follows a pattern PlanDesk understands."""
    name = normalize_name(raw)
    if _city_key(name, city)[1] is not None or name in _NATIONAL_ALIAS:
        return True
    return unit_kind(name) in ("district_government", "collective")


def is_collective(name: str) -> bool:
    """Collective wording such as 各区政府 or 各有关部门 (many units, not one)."""
    return bool(_COLLECTIVE.search(normalize_name(name)))


def unit_kind(name: str) -> str:
    """One of bureau, district_government, company, institution, collective, other."""
    name = normalize_name(name)
    if is_collective(name):
        return "collective"
    if _DISTRICT_GOV.match(name) or name.endswith(("人民政府", "区政府", "县政府")):
        return "district_government"
    if name.endswith(("公司", "集团", "企业")):
        return "company"
    if name.endswith(("大学", "学院", "研究院", "研究所", "中心", "协会", "学会", "医院", "院", "联合会")):
        return "institution"
    if name.endswith(
        ("局", "委", "办", "部", "署", "厅", "委员会", "管委会", "总局", "行", "会", "处", "室", "政府")
    ):
        return "bureau"
    return "other"


def city_of(issuer_or_title: str) -> str | None:
    """The city a plan belongs to (北京, 西安...) from its issuer or title; None for national plans."""
    m = re.match(r"^(北京|天津|上海|重庆|[\u4e00-\u9fff]{2,3}?)市", normalize_name(issuer_or_title))
    return m.group(1) if m else None
