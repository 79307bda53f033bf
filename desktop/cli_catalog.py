"""The commands ``plandesk --help`` lists, by name and one line each, without loading them.

Loading every command module imports the services, SQLAlchemy, reportlab, openpyxl and python-docx (about a
second); the overview of commands needs none of that. tests/test_cli.py checks this list against the commands
the modules register, so it cannot drift from them.
"""

from __future__ import annotations

COMMANDS: tuple[tuple[str, str], ...] = (
    ("info", "数据库位置、结构版本与数据量"),
    ("list", "列出方案及其编号"),
    ("assign", "把条目分配给单位，输出分工记录编号"),
    ("edit", "修改已有的分工记录（只改给出的字段）"),
    ("progress", "为分工记录登记一条进展"),
    ("units", "列出已知单位及其别名"),
    ("import", "导入方案文件（txt/docx/pdf/ofd/xlsx/html），输出导入审阅"),
    ("adopt", "按文件分工：把方案原文的责任单位清单转为分工记录"),
    ("plan", "方案属性与生命周期：修改、归档、删除"),
    ("node", "更正条目：责任单位清单、类型"),
    ("export", "导出方案、台账等"),
    ("history", "查看操作记录（谁在何时改了什么）"),
    ("check", "检查数据库完整性与 PlanDesk 数据规则，发现问题时退出码为 2"),
    ("backup", "立即备份数据库（SQLite）"),
    ("restore", "用备份文件替换当前数据库（被替换的数据库先自动备份）"),
    ("unit-login", "为单位设置 PostgreSQL 登录账号（该账号只能登记本单位的进展和办理步骤）"),
    ("warnings", "预警：逾期（红）、未报送（橙）、临期与序时进度滞后（黄）"),
    ("reporting", "报送情况：本期哪些单位已报送、哪些未报送"),
    ("score", "考核：各单位按时反馈率、办结率、逾期、退回与得分排名"),
    ("month", "月度关账与趋势"),
    ("workflow", "督办流程：签收、反馈、审核通过、退回、办结、销号、查看记录"),
    ("extension", "延期申请与审批"),
    ("link", "把本方案条目关联到上级方案条目（--remove 取消）"),
    ("coverage", "对接情况：上级方案中未对接的条款、本方案中未关联的任务"),
    ("evidence", "为进展记录添加佐证材料（复制到材料库），或列出"),
    ("report", "生成报表"),
    ("office", "本单位公文设置：通知的发文机关、机关代字、联系人、抄送、印发机关"),
    ("workbook", "单位进展反馈表：导出给各单位、导入填好的表"),
    ("package", "办公室之间的交换包：导出、导入"),
    ("evaluate", "中期评估、年度评估：指标结论与预测、任务进度，评估报告（PDF 或 Word）"),
    ("baseline", "设置指标的基期年份和基期值（评估用）"),
    ("items", "督办事项：领导批示件、会议议定事项、建议提案、来信的登记与列表"),
    ("workdays", "法定工作日：按节假日与调休计算期限，导入新年度放假安排"),
    ("reporting-ledger", "报送台账：各单位每月按时、迟报、未报及报送日期"),
    ("points", "考核计分：按计分办法逐项计分并排名，可列出每个单位的计分明细"),
    ("reporting-rule", "报送要求：每月几日前报送，遇节假日是否顺延"),
    ("point-rule", "计分办法：显示或修改各事项分值（例如 --set 被退回=-3）"),
    ("escalation", "督查单：提示 → 催办 → 督办 → 约谈"),
    ("checkpoint", "节点目标：任务的阶段日期与预期完成百分比"),
)
