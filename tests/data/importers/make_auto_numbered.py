"""Builds auto_numbered.docx: a plan whose headings are numbered by Word's automatic numbering."""

from pathlib import Path
import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

d = docx.Document()
numbering = d.part.numbering_part.element
numbering.append(
    parse_xml(f"""
<w:abstractNum {nsdecls("w")} w:abstractNumId="100">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:suff w:val="nothing"/></w:lvl>
</w:abstractNum>""")
)
# an abstractNum must come before every w:num
first_num = numbering.find(qn("w:num"))
first_num.addprevious(numbering[-1])
numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="100"><w:abstractNumId w:val="100"/></w:num>'))

# chapters through their style, as Word's outline numbering does
style = d.styles["Heading 1"].element
ppr = style.get_or_add_pPr()
ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="100"/></w:numPr>'))


def numbered(text: str, level: int) -> None:
    p = d.add_paragraph(text)
    p._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="100"/></w:numPr>')
    )


d.add_paragraph("某县2026年营商环境提升行动方案")
d.add_paragraph("为持续优化营商环境，制定本方案。")
d.add_heading("提升政务服务", level=1)
numbered("推进政务服务标准化", 1)
numbered("编制事项清单。全面梳理政务服务事项。（责任单位：县政务服务中心）", 2)
numbered("规范办事指南。统一办事指南要素。（责任单位：县政务服务中心、县司法局）", 2)
numbered("推进政务服务便利化", 1)
numbered("推行帮办代办。建设帮办代办队伍。（牵头单位：县政务服务中心；配合单位：各乡镇人民政府）", 2)
d.add_heading("优化市场环境", level=1)
numbered("维护公平竞争", 1)
numbered("清理妨碍统一市场的规定。（责任单位：县市场监管局）", 2)
numbered("规范涉企收费。（责任单位：县发展改革局、县财政局）", 2)
numbered("加强信用监管。（责任单位：县发展改革局）", 2)
d.add_heading("保障措施", level=1)
numbered("加强组织领导", 1)
d.add_paragraph("县政府成立工作专班，统筹推进各项任务。")
d.save(Path(__file__).with_name("auto_numbered.docx"))
