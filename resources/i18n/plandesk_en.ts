<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../../desktop/ui/app.py" line="41"/>
        <source>PlanDesk 规划督办台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="70"/>
        <source>无法打开数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="123"/>
        <source>已完成每日备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="126"/>
        <location filename="../../desktop/ui/app.py" line="128"/>
        <source>每日备份失败：{0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssignmentTableModel</name>
    <message>
        <location filename="../../desktop/ui/detail_pane.py" line="56"/>
        <source>单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_pane.py" line="57"/>
        <source>联系人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_pane.py" line="58"/>
        <source>联系电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_pane.py" line="59"/>
        <source>开始日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_pane.py" line="60"/>
        <source>截止日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_pane.py" line="61"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_pane.py" line="62"/>
        <source>进度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_pane.py" line="63"/>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoverageView</name>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="240"/>
        <source>关联所选任务与上级条款</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="242"/>
        <location filename="../../desktop/ui/supervision/tables.py" line="243"/>
        <source>编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="242"/>
        <source>上级方案中未对接的条款</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="243"/>
        <source>本方案中未关联上级条款的任务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="249"/>
        <source>上级方案：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="274"/>
        <source>请在左侧选择本方案的任务，在右侧选择它所落实的上级条款。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="291"/>
        <source>（未设置）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="303"/>
        <source>本方案尚未设置上级方案。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="305"/>
        <source>上级条款已对接 {0} 条、未对接 {1} 条；本方案任务已关联 {2} 条、未关联 {3} 条</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPane</name>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="121"/>
        <source>任务总数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="121"/>
        <source>已逾期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="121"/>
        <source>进行中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="122"/>
        <source>未开始</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="122"/>
        <source>已完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="122"/>
        <source>暂缓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="123"/>
        <source>未分配</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="123"/>
        <source>近期到期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="129"/>
        <source>逾期任务（按牵头单位）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="202"/>
        <source>全部方案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="202"/>
        <source>本方案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="203"/>
        <source>{0}截至 {1}：共 {2} 项任务，已完成 {3} 项，已逾期 {4} 项。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="205"/>
        <source>没有逾期任务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="206"/>
        <source>{0} 天内到期（{1} 项）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateDelegate</name>
    <message>
        <location filename="../../desktop/ui/delegates.py" line="159"/>
        <source>未设定</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../desktop/ui/detail_pane.py" line="189"/>
        <source>单位名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_pane.py" line="190"/>
        <source>添加分工</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_pane.py" line="191"/>
        <source>删除分工</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_pane.py" line="195"/>
        <source>分工：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_pane.py" line="202"/>
        <source>时期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_pane.py" line="202"/>
        <source>单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_pane.py" line="202"/>
        <source>进展情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_pane.py" line="202"/>
        <source>进度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_pane.py" line="203"/>
        <source>存在问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_pane.py" line="203"/>
        <source>下步计划</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_pane.py" line="203"/>
        <source>录入人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_pane.py" line="213"/>
        <source>添加进展…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_pane.py" line="216"/>
        <source>进展记录（最新在前）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_pane.py" line="286"/>
        <source>请在左侧选择一个条目。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_pane.py" line="294"/>
        <source>（本单位添加）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_pane.py" line="295"/>
        <source>（已归档，只读）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_pane.py" line="297"/>
        <location filename="../../desktop/ui/detail_pane.py" line="298"/>
        <source>（无）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_pane.py" line="299"/>
        <source>；原文时限：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_pane.py" line="300"/>
        <source>牵头单位：{0}；配合单位：{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_pane.py" line="347"/>
        <source>请填写要分工的单位名称。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_pane.py" line="356"/>
        <source>请先在表格中选择要删除的分工。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail_pane.py" line="362"/>
        <source>请先添加分工，进展记录属于某个单位的分工。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DueTableModel</name>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="44"/>
        <source>截止日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="44"/>
        <source>剩余</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="44"/>
        <source>任务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="44"/>
        <source>责任单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="44"/>
        <source>角色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="45"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="45"/>
        <source>进度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="51"/>
        <source>今天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="51"/>
        <source>{0} 天</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExchangePreviewDialog</name>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="55"/>
        <source>应用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="56"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="82"/>
        <source>正在应用……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="93"/>
        <source>正在取消……</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../desktop/ui/filter_bar.py" line="51"/>
        <source>搜索标题、正文和进展（Ctrl+F）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/filter_bar.py" line="54"/>
        <source>责任单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/filter_bar.py" line="57"/>
        <source>任意角色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/filter_bar.py" line="58"/>
        <source>仅牵头</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/filter_bar.py" line="60"/>
        <source>全部状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/filter_bar.py" line="63"/>
        <source>已逾期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/filter_bar.py" line="66"/>
        <source>到期 ≤ </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/filter_bar.py" line="67"/>
        <source> 天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/filter_bar.py" line="68"/>
        <source>到期不限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/filter_bar.py" line="70"/>
        <source>清除</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryPane</name>
    <message>
        <location filename="../../desktop/ui/history_pane.py" line="22"/>
        <location filename="../../desktop/ui/history_pane.py" line="46"/>
        <source>选择条目后显示其修改记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_pane.py" line="25"/>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_pane.py" line="25"/>
        <source>操作员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_pane.py" line="25"/>
        <source>内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_pane.py" line="25"/>
        <source>原值 → 新值</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_pane.py" line="25"/>
        <source>原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_pane.py" line="55"/>
        <source>共 {0} 条修改记录（最新在前）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_pane.py" line="56"/>
        <source>该条目没有修改记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_pane.py" line="61"/>
        <source>（未署名）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="27"/>
        <source>方案文件 (*.txt *.docx *.pdf *.html *.htm);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="93"/>
        <location filename="../../desktop/ui/import_dialog.py" line="102"/>
        <source>导入方案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="101"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="122"/>
        <source>正在分析“{0}”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="141"/>
        <source>导入已取消，未写入任何内容。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="157"/>
        <source>正在写入方案…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="36"/>
        <source>导入预览：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="40"/>
        <source>编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="40"/>
        <source>标题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="40"/>
        <source>类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="40"/>
        <source>责任单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="55"/>
        <source>导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_dialog.py" line="70"/>
        <source>位置不确定，请核对</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IndicatorTableModel</name>
    <message>
        <location filename="../../desktop/ui/indicators_pane.py" line="76"/>
        <source>领域</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicators_pane.py" line="76"/>
        <source>指标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicators_pane.py" line="76"/>
        <source>目标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicators_pane.py" line="76"/>
        <source>属性</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicators_pane.py" line="76"/>
        <source>最新值</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicators_pane.py" line="77"/>
        <source>完成度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicators_pane.py" line="77"/>
        <source>趋势</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicators_pane.py" line="93"/>
        <source>未填报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicators_pane.py" line="105"/>
        <source>统计日期：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicators_pane.py" line="107"/>
        <source>数据来源：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicators_pane.py" line="115"/>
        <source>约束性指标尚未达到目标</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IndicatorValueDialog</name>
    <message>
        <location filename="../../desktop/ui/indicators_pane.py" line="176"/>
        <source>录入指标值</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicators_pane.py" line="178"/>
        <source>数值，例如 85</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicators_pane.py" line="183"/>
        <source>例如 统计年报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicators_pane.py" line="190"/>
        <source>数值</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicators_pane.py" line="190"/>
        <source>统计日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicators_pane.py" line="191"/>
        <source>数据来源</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicators_pane.py" line="191"/>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicators_pane.py" line="206"/>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicators_pane.py" line="207"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IndicatorsPane</name>
    <message>
        <location filename="../../desktop/ui/indicators_pane.py" line="268"/>
        <source>录入指标值…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicators_pane.py" line="300"/>
        <source>请选择方案。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicators_pane.py" line="303"/>
        <source>该方案没有指标。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/indicators_pane.py" line="308"/>
        <source>共 {0} 项指标，其中约束性 {1} 项；约束性未达标 {2} 项，尚未填报 {3} 项。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="48"/>
        <source>PlanDesk 规划督办台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="80"/>
        <source>详情</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="89"/>
        <source>方案：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="127"/>
        <source>撤销</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="129"/>
        <source>重做</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="132"/>
        <source>导入方案…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="133"/>
        <source>首选项…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="134"/>
        <source>退出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="135"/>
        <source>查找…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="136"/>
        <source>添加子任务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="138"/>
        <source>修改标题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="139"/>
        <source>删除子任务…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="140"/>
        <source>上移</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="141"/>
        <source>下移</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="143"/>
        <source>只看本单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="146"/>
        <source>清除筛选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="147"/>
        <source>刷新</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="148"/>
        <location filename="../../desktop/ui/main_window.py" line="468"/>
        <source>关于 PlanDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="152"/>
        <source>文件(&amp;F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="158"/>
        <source>编辑(&amp;E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="165"/>
        <source>视图(&amp;V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="168"/>
        <source>报表(&amp;R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="169"/>
        <source>数据交换(&amp;X)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="170"/>
        <source>督办(&amp;S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="171"/>
        <source>帮助(&amp;H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="192"/>
        <source>总览</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="193"/>
        <source>任务分工表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="194"/>
        <source>指标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="224"/>
        <source>已载入示例方案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="327"/>
        <source>搜索命中 {0} 处，</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="335"/>
        <source>{0} 个条目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="383"/>
        <source>新子任务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="397"/>
        <source>方案原文中的条目不能改标题，只有本单位添加的子任务可以修改。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="412"/>
        <source>方案原文中的条目不能删除，只有本单位添加的子任务可以删除。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="414"/>
        <source>删除子任务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="415"/>
        <source>删除子任务“{0}”？可用“撤销”恢复。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="433"/>
        <source>筛选时不能调整顺序，请先清除筛选。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="469"/>
        <source>PlanDesk 规划督办台：规划实施方案的分解、分工、进展与督办。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatrixPane</name>
    <message>
        <location filename="../../desktop/ui/matrix_view.py" line="125"/>
        <source>● 牵头单位&#x3000;○ 配合单位（按方案所列，交办记录优先）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/matrix_view.py" line="148"/>
        <source>请选择方案。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/matrix_view.py" line="150"/>
        <source>{0} 项任务，{1} 个责任单位</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatrixTableModel</name>
    <message>
        <location filename="../../desktop/ui/matrix_view.py" line="61"/>
        <source>任务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/matrix_view.py" line="66"/>
        <source>{0}
牵头 {1} 项，配合 {2} 项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/matrix_view.py" line="85"/>
        <source>{0} {1}
牵头：{2}
配合：{3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/matrix_view.py" line="92"/>
        <source>牵头</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/matrix_view.py" line="92"/>
        <source>配合</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackageDialog</name>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="188"/>
        <source>导入交换包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="189"/>
        <source>方案：{0}（本库没有，将新建）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="189"/>
        <source>方案：{0}（本库已有，合并更新）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="191"/>
        <source>内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="191"/>
        <source>新增</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="191"/>
        <source>更新</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="191"/>
        <source>相同</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="191"/>
        <source>本库较新保留</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanTreeModel</name>
    <message>
        <location filename="../../desktop/ui/tree_model.py" line="69"/>
        <source>编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tree_model.py" line="69"/>
        <source>标题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tree_model.py" line="69"/>
        <source>牵头单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tree_model.py" line="69"/>
        <source>截止日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tree_model.py" line="70"/>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tree_model.py" line="70"/>
        <source>进度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tree_model.py" line="203"/>
        <source> [自增]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tree_model.py" line="217"/>
        <source>本单位添加的子任务，可修改标题、删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tree_model.py" line="219"/>
        <source>已在方案修订中删除并归档，只读</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tree_model.py" line="221"/>
        <source>导入时位置不确定，请核对</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../desktop/ui/preferences_dialog.py" line="39"/>
        <source>首选项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences_dialog.py" line="41"/>
        <source>记录在修改日志中的姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences_dialog.py" line="47"/>
        <source>启动时只看本单位负责的条目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences_dialog.py" line="51"/>
        <source> 天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences_dialog.py" line="54"/>
        <source>留空则自动查找中文字体</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences_dialog.py" line="55"/>
        <source>选择…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences_dialog.py" line="67"/>
        <source>操作人姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences_dialog.py" line="68"/>
        <source>本单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences_dialog.py" line="70"/>
        <source>即将到期提醒（黄灯）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences_dialog.py" line="71"/>
        <source>报表字体文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences_dialog.py" line="78"/>
        <source>选择字体文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences_dialog.py" line="78"/>
        <source>字体 (*.ttf *.ttc *.otf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences_dialog.py" line="88"/>
        <source>找不到字体文件“{0}”。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressForm</name>
    <message>
        <location filename="../../desktop/ui/progress_form.py" line="31"/>
        <source>添加进展记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/progress_form.py" line="42"/>
        <source>本期工作进展</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/progress_form.py" line="45"/>
        <source>不填</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/progress_form.py" line="59"/>
        <source>分工单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/progress_form.py" line="60"/>
        <source>时期（年-月）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/progress_form.py" line="61"/>
        <source>进展情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/progress_form.py" line="62"/>
        <source>完成进度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/progress_form.py" line="63"/>
        <source>存在问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/progress_form.py" line="64"/>
        <source>下步计划</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RankingView</name>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="186"/>
        <source>导出 Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="188"/>
        <source>名次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="188"/>
        <source>单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="188"/>
        <source>任务数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="188"/>
        <source>按时反馈率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="189"/>
        <source>办结率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="189"/>
        <source>逾期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="189"/>
        <source>退回</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="189"/>
        <source>得分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="193"/>
        <source>考核期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="209"/>
        <source>导出考核排名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="211"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="222"/>
        <source>已导出：{0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="66"/>
        <source>生成报表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="70"/>
        <source>月度报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="70"/>
        <source>催办单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="70"/>
        <source>工作台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="72"/>
        <source>全部方案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="86"/>
        <source>全部单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="89"/>
        <source>领导简报（只含总体情况和逾期任务）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="90"/>
        <source>不列已完成的任务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="91"/>
        <source>每个单位一个文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="95"/>
        <source> 天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="97"/>
        <source>浏览…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="103"/>
        <source>报表类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="104"/>
        <source>方案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="105"/>
        <source>报告月份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="106"/>
        <source>统计截止日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="107"/>
        <source>责任单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="108"/>
        <source>催办临期任务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="109"/>
        <source>选项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="112"/>
        <source>保存到</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="119"/>
        <source>生成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="121"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="122"/>
        <source>打开</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="123"/>
        <location filename="../../desktop/ui/report_dialog.py" line="276"/>
        <source>打印</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="124"/>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="162"/>
        <source>月度进展报告_{0}.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="164"/>
        <source>催办通知</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="164"/>
        <source>催办通知.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="166"/>
        <source>工作台账.xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="172"/>
        <source>选择保存催办通知的文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="174"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="174"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="175"/>
        <source>保存为</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="223"/>
        <source>请选择保存位置。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="226"/>
        <source>催办单需选择一个方案。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="230"/>
        <source>正在生成…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="242"/>
        <source>正在取消…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="252"/>
        <source>已生成：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="259"/>
        <source>已取消，未生成文件。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="276"/>
        <source>本机没有可直接调用的打印命令，将打开文件，请在阅读器中打印。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportingView</name>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="144"/>
        <source>为未报送单位印发催报通知</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="146"/>
        <source>单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="146"/>
        <source>应报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="146"/>
        <source>已报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="146"/>
        <source>情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="149"/>
        <source>报告期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="162"/>
        <source>已报送</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="162"/>
        <source>未报送 {0} 项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="165"/>
        <source>{0} 个单位已全部报送，{1} 个单位未报送</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="26"/>
        <source>每日自动备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="27"/>
        <source>导入前</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="28"/>
        <source>手动备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="29"/>
        <source>恢复前</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="30"/>
        <source>修订前</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="31"/>
        <source>损坏的数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="51"/>
        <source>从备份恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="54"/>
        <source>备份时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="54"/>
        <source>原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="54"/>
        <source>大小</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="54"/>
        <source>文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="60"/>
        <source>恢复所选备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="61"/>
        <source>从其他文件恢复…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="62"/>
        <source>立即备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="72"/>
        <source>恢复会用所选备份替换当前数据库；被替换的数据库会先自动备份。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="81"/>
        <source>服务器数据库由服务器的备份工具备份和恢复。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="108"/>
        <source>已备份到 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="111"/>
        <source>选择备份文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="112"/>
        <source>PlanDesk 数据库 (*.sqlite3 *.db);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="142"/>
        <source>正在恢复…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="150"/>
        <source>已恢复。被替换的数据库已备份。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RevisionDialog</name>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="124"/>
        <source>导入修订版：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="125"/>
        <source>第{0}版 → 第{1}版。对应条目 {2} 条，新增 {3}，删除 {4}（其中归档 {5}），移动 {6}，改写 {7}。已有的分工和进展都保留在对应条目上。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="129"/>
        <source>条目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="129"/>
        <source>变化</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="135"/>
        <source>新增</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="137"/>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="138"/>
        <source>删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="138"/>
        <source>有分工或进展，归档保留</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="140"/>
        <source>移动</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="141"/>
        <source>改写</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="142"/>
        <source>重新编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="143"/>
        <source>责任单位变化</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="147"/>
        <source>指标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="149"/>
        <source>两版内容一致，没有变化。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WarningsView</name>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="103"/>
        <source>预警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="103"/>
        <source>条目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="103"/>
        <source>责任单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="103"/>
        <source>规则</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="103"/>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="108"/>
        <source>预警日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="123"/>
        <source>红色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="123"/>
        <source>橙色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="123"/>
        <source>黄色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="124"/>
        <source>逾期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="124"/>
        <source>本期未报送</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="124"/>
        <source>临近截止</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="125"/>
        <source>序时进度滞后</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/tables.py" line="129"/>
        <source>红色 {0}&#x3000;橙色 {1}&#x3000;黄色 {2}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="55"/>
        <source>生成报表…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="56"/>
        <source>导入方案修订版…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="58"/>
        <source>导出进展反馈表…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="59"/>
        <source>导入进展反馈表…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="61"/>
        <source>导出交换包…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="62"/>
        <source>导入交换包…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="66"/>
        <source>关账（冻结上月报表）…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="67"/>
        <source>立即备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="69"/>
        <source>从备份恢复…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="71"/>
        <source>操作记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="82"/>
        <source>预警</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="82"/>
        <source>报送情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="83"/>
        <source>考核</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="83"/>
        <source>对接情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="84"/>
        <source>办理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="106"/>
        <source>历史</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="127"/>
        <location filename="../../desktop/ui/window_actions.py" line="338"/>
        <source>请先选择一个方案。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="148"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="171"/>
        <source>已取消，未写入任何数据。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="198"/>
        <source>已生成：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="202"/>
        <source>保存催报通知</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="202"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="204"/>
        <source>催报通知-{0}.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="209"/>
        <source>正在生成催报通知…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="211"/>
        <source>已生成催报通知：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="216"/>
        <source>选择修订后的方案文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="216"/>
        <source>方案文件 (*.txt *.docx *.pdf *.html *.htm);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="231"/>
        <source>正在比对修订版…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="237"/>
        <source>修订版已导入，原有分工和进展已保留。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="243"/>
        <source>选择保存进展反馈表的文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="252"/>
        <source>正在导出进展反馈表…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="255"/>
        <source>已导出 {0} 份进展反馈表到 {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="258"/>
        <source>选择各单位交回的进展反馈表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="258"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="264"/>
        <source>正在检查进展反馈表…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="271"/>
        <source>进展反馈表已导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="278"/>
        <source>保存交换包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="278"/>
        <source>PlanDesk 交换包 (*.pdpkg *.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="288"/>
        <source>正在导出交换包…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="289"/>
        <source>已导出交换包：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="292"/>
        <source>选择交换包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="292"/>
        <source>PlanDesk 交换包 (*.pdpkg *.zip);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="298"/>
        <source>正在检查交换包…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="305"/>
        <source>交换包已导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="312"/>
        <source>正在备份…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="313"/>
        <source>已备份到：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="331"/>
        <source>已从备份恢复，被替换的数据库已另存为备份。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="341"/>
        <source>关账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="342"/>
        <source>关闭 {0} 月后，该月报表数据将被冻结，以后可原样重印，且不能再登记该月进展。关账不可撤销。确定关闭“{1}”的 {0} 月吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="354"/>
        <source>正在关账…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="355"/>
        <source>{0} 月已关账。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkbookDialog</name>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="161"/>
        <source>导入进展反馈表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="162"/>
        <source>共 {0} 个文件：{1} 个可导入，{2} 个有问题将整份退回。每个文件要么全部导入，要么不导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="164"/>
        <source>文件 / 行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="164"/>
        <source>任务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="164"/>
        <source>处理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="164"/>
        <source>本月进展</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="164"/>
        <source>完成%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="166"/>
        <source>新增</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="166"/>
        <source>更正</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="166"/>
        <source>已导入过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="168"/>
        <source>拒绝导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="168"/>
        <source>可导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="171"/>
        <source>第{0}行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="174"/>
        <source>问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_dialogs.py" line="174"/>
        <source>提示</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <location filename="../../desktop/ui/workers.py" line="49"/>
        <source>发生意外错误：{0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkflowPanel</name>
    <message>
        <location filename="../../desktop/ui/supervision/workflow_panel.py" line="33"/>
        <source>签收</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/workflow_panel.py" line="34"/>
        <source>审核通过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/workflow_panel.py" line="35"/>
        <source>退回</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/workflow_panel.py" line="36"/>
        <source>办结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/workflow_panel.py" line="37"/>
        <source>销号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/workflow_panel.py" line="55"/>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/workflow_panel.py" line="55"/>
        <source>环节</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/workflow_panel.py" line="55"/>
        <source>状态变化</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/workflow_panel.py" line="55"/>
        <source>办理人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/workflow_panel.py" line="56"/>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/workflow_panel.py" line="60"/>
        <source>说明或退回理由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/workflow_panel.py" line="74"/>
        <source>延期理由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/workflow_panel.py" line="75"/>
        <source>申请延期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/workflow_panel.py" line="78"/>
        <source>同意延期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/workflow_panel.py" line="79"/>
        <source>不同意</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/workflow_panel.py" line="82"/>
        <source>延期申请</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/workflow_panel.py" line="85"/>
        <source>延期至</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/workflow_panel.py" line="98"/>
        <source>催办记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/workflow_panel.py" line="102"/>
        <source>添加佐证材料…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/workflow_panel.py" line="104"/>
        <source>打开</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/workflow_panel.py" line="106"/>
        <source>佐证材料（附在最近一条进展上）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/workflow_panel.py" line="144"/>
        <source>未选择分工记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/workflow_panel.py" line="153"/>
        <source>{0}&#x3000;当前环节：{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/workflow_panel.py" line="155"/>
        <source>截止日期：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/workflow_panel.py" line="239"/>
        <source>选择佐证材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/supervision/workflow_panel.py" line="252"/>
        <source>请先登记一条进展，再为它添加佐证材料。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>editing</name>
    <message>
        <location filename="../../desktop/ui/undo_commands.py" line="78"/>
        <source>修改分工</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_commands.py" line="102"/>
        <source>添加分工</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_commands.py" line="122"/>
        <source>删除分工</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_commands.py" line="140"/>
        <source>添加进展</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_commands.py" line="163"/>
        <source>添加子任务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_commands.py" line="187"/>
        <source>删除子任务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_commands.py" line="207"/>
        <source>修改标题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo_commands.py" line="223"/>
        <source>调整顺序</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
