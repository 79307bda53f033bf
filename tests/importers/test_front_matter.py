"""Plans saved as public copies: markdown front matter, bold headings, download links, crawler chrome."""

from __future__ import annotations

from desktop.importers.plan_parser import parse_plan

MARKDOWN = """# 某市人民政府办公厅印发《关于加快发展科技服务业的若干意见》

**发布日期**: 2025-05-27
**发布机构**: 某市科学技术委员会
**原文链接**: [http://example.gov.cn/a.html](http://example.gov.cn/a.html)

---

某府办发〔2025〕11号

各区人民政府，市政府各委、办、局：

　　为加快科技服务业发展，现提出如下意见。

　**一、提升科技服务供给质量**

**（一）推动科技创新资源开放**

　　加大大型科学仪器向社会开放力度。（责任单位：市科委、市发展改革委）

　　推动高校院所实验室向合作企业开放。（责任单位：市教委、各区政府）

**（二）强化科技咨询服务**

　　培育一批科技咨询机构。（责任单位：市科委）

某市人民政府办公厅
2025年5月17日

【原文下载】
- [关于加快发展科技服务业的若干意见.pdf](/files/a.pdf )
"""


def test_markdown_copy_reads_like_the_plan() -> None:
    plan = parse_plan(MARKDOWN)
    assert plan.title == "关于加快发展科技服务业的若干意见"
    assert plan.doc_number == "某府办发〔2025〕11号"
    assert plan.metadata["发布机构"] == "某市科学技术委员会"
    chapter = plan.nodes[0]
    assert (chapter.label, chapter.title) == ("一、", "提升科技服务供给质量")
    assert [s.label + s.title for s in chapter.children] == [
        "（一）推动科技创新资源开放",
        "（二）强化科技咨询服务",
    ]
    assert all("*" not in n.title + n.text and "原文下载" not in n.text for n in plan.walk())


def test_two_notes_under_a_section_make_two_tasks() -> None:
    section = parse_plan(MARKDOWN).nodes[0].children[0]
    assert [[u.raw for u in t.units] for t in section.children] == [
        ["市科委", "市发展改革委"],
        ["市教委", "各区政府"],
    ]
    assert section.units == []


def test_crawler_page_chrome_is_not_the_title() -> None:
    text = (
        "标题: 关于印发某区水污染防治工作方案的通知\n发布时间: 2015-12-30 11:39\n"
        "==================== 正文 ====================\n"
        "当前位置： 首页政务公开区管委会文件 关于印发某区水污染防治工作方案的通知 时间：2015-12-30 微信 微博 QQ空间 "
        "某综管〔2015〕278号某区管委会关于印发水污染防治工作方案的通知各乡镇人民政府：现将《某区水污染防治工作方案》"
        "印发给你们，请认真贯彻执行。某区管委会2015年12月25日某区水污染防治工作方案为加大水污染防治力度，制定本方案。"
        "一、主要任务（一）控制污染物排放。取缔小型企业。（区环境局牵头，区经济局等参与）来源：某区政府网"
    )
    plan = parse_plan(text)
    assert plan.title == "某区水污染防治工作方案"
    assert plan.doc_number == "某综管〔2015〕278号"
    assert "来源" not in plan.walk()[-1].text


def test_review_lists_what_was_removed() -> None:
    from desktop.importers.review import review_lines

    text = (
        "当前位置： 首页政务公开 关于印发某方案的通知 时间：2015-12-30 微信 微博 QQ空间 一、主要任务\n"
        "（一）做好工作。\n推进建设，完善机制，落实责任到人。（区环境局牵头）\n推进建设，完善机制，落实责任到人。\n"
    )
    lines = "\n".join(review_lines(parse_plan(text)))
    assert "已删除的网页文字" in lines and "QQ空间" in lines
    assert "已删除的重复段落" in lines and "原文：推进建设，完善机制，落实责任到人。" in lines


def test_a_jointly_issued_document_keeps_every_signature_whole() -> None:
    from desktop.importers.load import load_plan

    body = "关于推进某市家庭医生签约服务的实施方案\n一、主要任务\n（一）扩大签约服务。推进签约。\n\n"
    two_a_line = (
        "某市卫生健康委员会　　　　某市财政局\n某市人力资源和社会保障局　　　　某市医疗保障局\n2023年8月1日\n"
    )
    plan = load_plan("x.txt", data=(body + two_a_line).encode("utf-8"))
    assert plan.issuer == "某市卫生健康委员会、某市财政局、某市人力资源和社会保障局、某市医疗保障局"
    one_a_line = "某市发展和改革委员会\n某市财政局\n2023年8月1日\n"
    plan = load_plan("x.txt", data=(body + one_a_line).encode("utf-8"))
    assert plan.issuer == "某市发展和改革委员会、某市财政局"
    alone = "某市人民政府办公厅\n2023年8月1日\n"
    plan = load_plan("x.txt", data=(body + alone).encode("utf-8"))
    assert plan.issuer == "某市人民政府办公厅"
