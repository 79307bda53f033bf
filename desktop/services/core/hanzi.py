"""Traditional characters in unit names folded to their simplified forms (區市場監管局 → 区市场监管局).

Where the table came from: the character pairs of OpenCC's ``data/dictionary/TSCharacters.txt``
(https://github.com/BYVoid/OpenCC, Apache-2.0; read at commit 5249273a3e5606852f088c9a8b23522145d94f78),
which follows the 《通用规范汉字表》 correspondence of traditional and standard characters. Only characters
that occur in the names of Chinese government bodies and institutions were taken (区县乡镇、厅局委办、
发展改革、农业农村、市场监管、卫生健康、规划、审计、财政、税务、资源、环境 … and common place names), and only
where the fold is safe:

- the traditional character has one simplified form in TSCharacters.txt; for 開劃戰線買諮, which list a rare
  second form, the first (the one standard names use: 开 划 战 线 买 咨) is taken;
- the traditional character is not itself a standard simplified character (it is no key of OpenCC's
  STCharacters.txt), so a name already written in simplified characters never changes.

No new dependency: OpenCC itself is not installed, and whole-text conversion (phrases, regional variants) is
more than matching a unit's name needs. Add a pair here when an office meets a unit name it misses.
"""

from __future__ import annotations

_TRADITIONAL = (
    "區縣廳會發與農業監測資訊經濟組織衛園環計審財稅場處鄉鎮辦員學術態設運輸務遊軍應國產統醫療體廣電視綜執"
    "訪數據機關檔館傳編總團婦聯協殘氣規繪糧儲備郵銀證鐵質標準檢驗藥認價營節貿僑對臺灣華東陽漢龍門長寧興慶"
    "鄭連蘇貴陝遼紀黨議圖書勞動個為萬億職導領專項險級網絡碼歸屬廠礦鋼鹽煙賣貨車輛駕綠風災護預報戶權廢變遷"
    "進際來臨時實點構條簡貧養殯愛樓舊島濱漁獸裝軌轉飛維穩遠選舉嚴藝劇歷遺義鄰韓習頭幹莊灘彎順蘭灤濰滬閩贛"
    "晉魯瓊雲內觀詢論評覈試調類幣銷倉庫籌範嶺鶴齊塢廈閘兒遞貸債鑒鑑汙濁淨黃隊開劃戰線買諮"
)
_SIMPLIFIED = (
    "区县厅会发与农业监测资讯经济组织卫园环计审财税场处乡镇办员学术态设运输务游军应国产统医疗体广电视综执"
    "访数据机关档馆传编总团妇联协残气规绘粮储备邮银证铁质标准检验药认价营节贸侨对台湾华东阳汉龙门长宁兴庆"
    "郑连苏贵陕辽纪党议图书劳动个为万亿职导领专项险级网络码归属厂矿钢盐烟卖货车辆驾绿风灾护预报户权废变迁"
    "进际来临时实点构条简贫养殡爱楼旧岛滨渔兽装轨转飞维稳远选举严艺剧历遗义邻韩习头干庄滩弯顺兰滦潍沪闽赣"
    "晋鲁琼云内观询论评核试调类币销仓库筹范岭鹤齐坞厦闸儿递贷债鉴鉴污浊净黄队开划战线买咨"
)
FOLD = str.maketrans(_TRADITIONAL, _SIMPLIFIED)


def fold_traditional(text: str) -> str:
    """``text`` with the traditional characters of the table replaced by their simplified forms."""
    return text.translate(FOLD)
