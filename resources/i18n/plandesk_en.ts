<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
  <context>
    <name>AdoptDialog</name>
    <message>
      <location filename="../../desktop/ui/adopt_dialog.py" line="42" />
      <source>按文件分工</source>
      <translation>Assign as the document lists</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/adopt_dialog.py" line="42" />
      <source>按文件分工：{0}</source>
      <translation>Assign as the document lists: {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/adopt_dialog.py" line="44" />
      <source>按方案原文的责任单位清单，为每项任务的每个单位建立一条分工（牵头、配合照原文）。原文写明时限的按原文时限，其余使用下面的默认截止日期（可不填）。已有的分工不重复建立。</source>
      <translation>Creates one assignment for every unit the document lists for each task (lead and cooperating as printed). Tasks with a deadline in the document get that deadline; the others get the default deadline below (optional). Existing assignments are not created again.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/adopt_dialog.py" line="50" />
      <source>默认截止日期</source>
      <translation>Default deadline</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/adopt_dialog.py" line="53" />
      <source>默认截止日期：</source>
      <translation>Default deadline:</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/adopt_dialog.py" line="63" />
      <source>编号</source>
      <translation>No.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/adopt_dialog.py" line="63" />
      <source>任务</source>
      <translation>Task</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/adopt_dialog.py" line="63" />
      <source>单位</source>
      <translation>Unit</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/adopt_dialog.py" line="63" />
      <source>角色</source>
      <translation>Role</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/adopt_dialog.py" line="63" />
      <source>截止日期</source>
      <translation>Deadline</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/adopt_dialog.py" line="71" />
      <source>新建分工</source>
      <translation>New assignments</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/adopt_dialog.py" line="72" />
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/adopt_dialog.py" line="108" />
      <source>未设定</source>
      <translation>Not set</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/adopt_dialog.py" line="110" />
      <source>（原文时限）</source>
      <translation>(deadline in the document)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/adopt_dialog.py" line="116" />
      <source>牵头</source>
      <translation>Lead</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/adopt_dialog.py" line="116" />
      <source>配合</source>
      <translation>Cooperating</translation>
    </message>
  </context>
  <context>
    <name>AssignmentTableModel</name>
    <message>
      <location filename="../../desktop/ui/detail_pane.py" line="65" />
      <source>单位</source>
      <translation>Unit</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/detail_pane.py" line="66" />
      <source>联系人</source>
      <translation>Contact person</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/detail_pane.py" line="67" />
      <source>联系电话</source>
      <translation>Telephone</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/detail_pane.py" line="68" />
      <source>开始日期</source>
      <translation>Start date</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/detail_pane.py" line="69" />
      <source>截止日期</source>
      <translation>Deadline</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/detail_pane.py" line="70" />
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/detail_pane.py" line="71" />
      <source>进度</source>
      <translation>Progress</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/detail_pane.py" line="72" />
      <source>备注</source>
      <translation>Remarks</translation>
    </message>
  </context>
  <context>
    <name>BackgroundJob</name>
    <message>
      <location filename="../../desktop/ui/jobs.py" line="39" />
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
  </context>
  <context>
    <name>BaseDialog</name>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="66" />
      <source>设置基期</source>
      <translation>Set base</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="68" />
      <source>例如 2020</source>
      <translation>e.g. 2020</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="73" />
      <source>其他目标年，例如 2030:90；2035:≥95</source>
      <translation>Further target years, e.g. 2030:90；2035:≥95</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="79" />
      <source>基期年份</source>
      <translation>Base year</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="80" />
      <source>基期值</source>
      <translation>Base value</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="81" />
      <source>阶段目标</source>
      <translation>Stage targets</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="85" />
      <source>保存</source>
      <translation>Save</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="86" />
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="97" />
      <source>基期年份“{0}”应为四位数字年份。</source>
      <translation>Base year "{0}" must be a four-digit year.</translation>
    </message>
  </context>
  <context>
    <name>CheckpointBox</name>
    <message>
      <location filename="../../desktop/ui/supervision/checkpoint_box.py" line="38" />
      <source>节点目标</source>
      <translation>Checkpoints</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/checkpoint_box.py" line="50" />
      <source>添加</source>
      <translation>Add</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/checkpoint_box.py" line="55" />
      <source>按季度设置（25/50/75/100%）</source>
      <translation>Set quarterly (25/50/75/100%)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/checkpoint_box.py" line="85" />
      <source>未报</source>
      <translation>Missing</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/checkpoint_box.py" line="87" />
      <source>{0}　预期 {1}%　实际 {2}　{3}　{4}</source>
      <translation>{0}　expected {1}%　actual {2}　{3}　{4}</translation>
    </message>
  </context>
  <context>
    <name>CoverageView</name>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="352" />
      <source>关联所选任务与上级条款</source>
      <translation>Link the selected task to the higher-level clause</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="354" />
      <location filename="../../desktop/ui/supervision/tables.py" line="355" />
      <source>编号</source>
      <translation>No.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="354" />
      <source>上级方案中未对接的条款</source>
      <translation>Clauses of the higher-level plan not yet linked</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="355" />
      <source>本方案中未关联上级条款的任务</source>
      <translation>Tasks of this plan not linked to a higher-level clause</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="362" />
      <source>上级方案：</source>
      <translation>Higher-level plan:</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="388" />
      <source>请在左侧选择本方案的任务，在右侧选择它所落实的上级条款。</source>
      <translation>Choose a task of this plan on the left and the higher-level clause it carries out on the right.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="423" />
      <source>（未设置）</source>
      <translation>(not set)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="429" />
      <source>{0}（{1}）</source>
      <translation>{0} ({1})</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="439" />
      <source>本方案尚未设置上级方案。</source>
      <translation>No higher-level plan has been set for this plan.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="442" />
      <source>上级条款已对接 {0} 条、未对接 {1} 条；本方案任务已关联 {2} 条、未关联 {3} 条</source>
      <translation>Higher-level clauses linked: {0}, not linked: {1}; tasks of this plan linked: {2}, not linked: {3}</translation>
    </message>
  </context>
  <context>
    <name>CrashDialog</name>
    <message>
      <location filename="../../desktop/ui/crash_dialog.py" line="41" />
      <source>发生意外错误</source>
      <translation>Unexpected error</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/crash_dialog.py" line="44" />
      <source>PlanDesk 遇到了意外错误：{0}
刚才的操作可能没有完成，已保存的数据不受影响，窗口可以继续使用。
详细信息已记入日志：{1}</source>
      <translation>PlanDesk met an unexpected error: {0}
The last action may not have been completed; saved data is not affected and the window can still be used.
The details were written to the log: {1}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/crash_dialog.py" line="52" />
      <source>复制详细信息</source>
      <translation>Copy details</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/crash_dialog.py" line="65" />
      <source>已复制</source>
      <translation>Copied</translation>
    </message>
  </context>
  <context>
    <name>DashboardPane</name>
    <message>
      <location filename="../../desktop/ui/dashboard.py" line="138" />
      <source>任务总数</source>
      <translation>Total tasks</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/dashboard.py" line="139" />
      <source>已逾期</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/dashboard.py" line="140" />
      <source>进行中</source>
      <translation>In progress</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/dashboard.py" line="141" />
      <source>未开始</source>
      <translation>Not started</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/dashboard.py" line="142" />
      <source>已完成</source>
      <translation>Done</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/dashboard.py" line="143" />
      <source>暂缓</source>
      <translation>Suspended</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/dashboard.py" line="144" />
      <source>未分工</source>
      <translation>Unassigned</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/dashboard.py" line="145" />
      <source>近期到期</source>
      <translation>Due soon</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/dashboard.py" line="152" />
      <source>逾期任务（按责任单位，含牵头和配合）</source>
      <translation>Overdue tasks (by responsible unit, lead and cooperating)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/dashboard.py" line="244" />
      <source>全部方案</source>
      <translation>All plans</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/dashboard.py" line="244" />
      <source>本方案</source>
      <translation>This plan</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/dashboard.py" line="246" />
      <source>{0}截至 {1}：共 {2} 项任务，已完成 {3} 项，已逾期 {4} 项，未分工 {5} 项。</source>
      <translation>{0} as of {1}: {2} tasks, {3} done, {4} overdue, {5} unassigned.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/dashboard.py" line="250" />
      <source>没有逾期任务</source>
      <translation>No overdue tasks</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/dashboard.py" line="251" />
      <source>{0} 天内到期（{1} 项）</source>
      <translation>Due within {0} days ({1})</translation>
    </message>
  </context>
  <context>
    <name>DateDelegate</name>
    <message>
      <location filename="../../desktop/ui/delegates.py" line="177" />
      <source>日期</source>
      <translation>Date</translation>
    </message>
  </context>
  <context>
    <name>DateLineEdit</name>
    <message>
      <location filename="../../desktop/ui/date_entry.py" line="22" />
      <location filename="../../desktop/ui/date_entry.py" line="66" />
      <source>日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/date_entry.py" line="68" />
      <source>例如 2026-10-31</source>
      <translation>e.g. 2026-10-31</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/date_entry.py" line="69" />
      <source>选择日期</source>
      <translation>Choose a date</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/date_entry.py" line="80" />
      <source>2026年10月31日</source>
      <translation>2026-10-31</translation>
    </message>
  </context>
  <context>
    <name>DeadlineChangeDialog</name>
    <message>
      <location filename="../../desktop/ui/deadline_dialog.py" line="29" />
      <source>修改截止日期</source>
      <translation>Change deadline</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/deadline_dialog.py" line="31" />
      <source>（空）</source>
      <translation>(empty)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/deadline_dialog.py" line="33" />
      <source>截止日期由 {0} 改为 {1}。这次修改是：</source>
      <translation>The deadline changes from {0} to {1}. This change is:</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/deadline_dialog.py" line="36" />
      <source>更正：原截止日期录入有误（原定截止日期一并改正，不算延期）</source>
      <translation>Correction: the deadline was entered wrong (the original deadline is corrected with it; not an extension)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/deadline_dialog.py" line="37" />
      <source>延期：经批准推迟（保留原定截止日期，计为延期）</source>
      <translation>Extension: an approved postponement (the original deadline is kept; counted as extended)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/deadline_dialog.py" line="41" />
      <source>延期理由</source>
      <translation>Reason for extension</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/deadline_dialog.py" line="43" />
      <source>延期时必填，例如：设备到货延迟</source>
      <translation>Required for an extension, e.g. equipment arrived late</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/deadline_dialog.py" line="50" />
      <source>新日期早于原截止日期，只能作为更正。</source>
      <translation>The new date is earlier than the current deadline: it can only be a correction.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/deadline_dialog.py" line="52" />
      <source>清空截止日期只能作为更正。</source>
      <translation>Clearing the deadline can only be a correction.</translation>
    </message>
  </context>
  <context>
    <name>DetailPane</name>
    <message>
      <location filename="../../desktop/ui/detail_pane.py" line="213" />
      <source>开始日期</source>
      <translation>Start date</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/detail_pane.py" line="214" />
      <source>截止日期</source>
      <translation>Deadline</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/detail_pane.py" line="225" />
      <source>单位名称</source>
      <translation>Unit name</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/detail_pane.py" line="226" />
      <source>添加分工</source>
      <translation>Add assignment</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/detail_pane.py" line="227" />
      <source>删除分工</source>
      <translation>Delete assignment</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/detail_pane.py" line="231" />
      <source>分工：</source>
      <translation>Assignments:</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/detail_pane.py" line="240" />
      <source>时期</source>
      <translation>Period</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/detail_pane.py" line="241" />
      <source>单位</source>
      <translation>Unit</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/detail_pane.py" line="242" />
      <source>进展情况</source>
      <translation>Progress</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/detail_pane.py" line="243" />
      <source>进度</source>
      <translation>Progress</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/detail_pane.py" line="244" />
      <source>存在问题</source>
      <translation>Problems</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/detail_pane.py" line="245" />
      <source>下步计划</source>
      <translation>Next steps</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/detail_pane.py" line="246" />
      <source>录入人</source>
      <translation>Entered by</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/detail_pane.py" line="258" />
      <source>添加进展…</source>
      <translation>Add progress…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/detail_pane.py" line="261" />
      <source>进展记录（最新在前）</source>
      <translation>Progress entries (newest first)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/detail_pane.py" line="333" />
      <source>请在左侧选择一个条目。</source>
      <translation>Choose an item on the left.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/detail_pane.py" line="342" />
      <source>（本单位添加）</source>
      <translation>(added by this office)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/detail_pane.py" line="343" />
      <source>（已归档，只读）</source>
      <translation>(archived, read-only)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/detail_pane.py" line="345" />
      <location filename="../../desktop/ui/detail_pane.py" line="346" />
      <location filename="../../desktop/ui/detail_pane.py" line="386" />
      <location filename="../../desktop/ui/detail_pane.py" line="387" />
      <source>（无）</source>
      <translation>(none)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/detail_pane.py" line="347" />
      <source>；原文时限：{0}</source>
      <translation>; deadline in the document: {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/detail_pane.py" line="348" />
      <source>牵头单位：{0}；配合单位：{1}</source>
      <translation>Lead unit: {0}; cooperating units: {1}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/detail_pane.py" line="383" />
      <source>分工见任务分工表第 {0} 项“{1}”：牵头 {2}；配合 {3}。</source>
      <translation>Assigned in row {0} of the task division table, “{1}”: lead {2}; cooperating {3}.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/detail_pane.py" line="391" />
      <source>本项按任务分工表计，不另计为一项任务。</source>
      <translation>Counted through the task division table, not as a task of its own.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/detail_pane.py" line="393" />
      <source>对应正文任务：{0} {1}</source>
      <translation>Task of the main text: {0} {1}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/detail_pane.py" line="431" />
      <source>请填写要分工的单位名称。</source>
      <translation>Enter the name of the unit to assign.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/detail_pane.py" line="442" />
      <source>请先在表格中选择要删除的分工。</source>
      <translation>First select the assignment to delete in the table.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/detail_pane.py" line="484" />
      <source>请先添加分工，进展记录属于某个单位的分工。</source>
      <translation>Add an assignment first: progress belongs to a unit's assignment.</translation>
    </message>
  </context>
  <context>
    <name>DueTableModel</name>
    <message>
      <location filename="../../desktop/ui/dashboard.py" line="54" />
      <source>截止日期</source>
      <translation>Deadline</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/dashboard.py" line="55" />
      <source>剩余</source>
      <translation>Remaining</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/dashboard.py" line="56" />
      <source>任务</source>
      <translation>Task</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/dashboard.py" line="57" />
      <source>责任单位</source>
      <translation>Responsible units</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/dashboard.py" line="58" />
      <source>角色</source>
      <translation>Role</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/dashboard.py" line="59" />
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/dashboard.py" line="60" />
      <source>进度</source>
      <translation>Progress</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/dashboard.py" line="67" />
      <source>今天</source>
      <translation>Today</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/dashboard.py" line="67" />
      <source>{0} 天</source>
      <translation>{0} days</translation>
    </message>
  </context>
  <context>
    <name>DutiesDialog</name>
    <message>
      <location filename="../../desktop/ui/duties_dialog.py" line="41" />
      <source>更正责任单位：{0}</source>
      <translation>Correct responsible units: {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/duties_dialog.py" line="48" />
      <source>单位</source>
      <translation>Unit</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/duties_dialog.py" line="48" />
      <source>角色</source>
      <translation>Role</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/duties_dialog.py" line="48" />
      <source>原文写法</source>
      <translation>As printed</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/duties_dialog.py" line="58" />
      <source>要添加的单位名称</source>
      <translation>Name of the unit to add</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/duties_dialog.py" line="62" />
      <source>添加</source>
      <translation>Add</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/duties_dialog.py" line="63" />
      <source>删除</source>
      <translation>Delete</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/duties_dialog.py" line="64" />
      <source>上移</source>
      <translation>Move up</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/duties_dialog.py" line="65" />
      <source>下移</source>
      <translation>Move down</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/duties_dialog.py" line="66" />
      <source>设为牵头</source>
      <translation>Make lead</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/duties_dialog.py" line="86" />
      <source>责任单位（牵头在前，按原文顺序）</source>
      <translation>Responsible units (lead first, in the document's order)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/duties_dialog.py" line="94" />
      <source>原文</source>
      <translation>Document</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/duties_dialog.py" line="103" />
      <source>保存</source>
      <translation>Save</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/duties_dialog.py" line="104" />
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/duties_dialog.py" line="120" />
      <source>牵头</source>
      <translation>Lead</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/duties_dialog.py" line="121" />
      <source>配合</source>
      <translation>Cooperating</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/duties_dialog.py" line="124" />
      <source>（本单位添加）</source>
      <translation>(added by this office)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/duties_dialog.py" line="148" />
      <source>请填写要添加的单位名称。</source>
      <translation>Please enter the name of the unit to add.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/duties_dialog.py" line="152" />
      <source>“{0}”已在清单中。</source>
      <translation>"{0}" is already in the list.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/duties_dialog.py" line="163" />
      <source>请先选择要删除的单位。</source>
      <translation>First choose the unit to remove.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/duties_dialog.py" line="181" />
      <source>请先选择要设为牵头的单位。</source>
      <translation>First choose the unit to make lead.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/duties_dialog.py" line="202" />
      <source>第 {0} 行的单位名称为空。</source>
      <translation>The unit name on row {0} is empty.</translation>
    </message>
  </context>
  <context>
    <name>EscalationBox</name>
    <message>
      <location filename="../../desktop/ui/supervision/escalation_box.py" line="33" />
      <source>督查单</source>
      <translation>Supervision notices</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/escalation_box.py" line="39" />
      <source>升一级</source>
      <translation>One level up</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/escalation_box.py" line="43" />
      <source>督查事由</source>
      <translation>Reason for supervision</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/escalation_box.py" line="44" />
      <source>发督查单</source>
      <translation>Issue supervision notice</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/escalation_box.py" line="71" />
      <source>未选择分工记录</source>
      <translation>No assignment selected</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/escalation_box.py" line="76" />
      <source>当前督查级别：{0}（共发 {1} 次）</source>
      <translation>Current supervision level: {0} (issued {1} times)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/escalation_box.py" line="79" />
      <source>当前督查级别：无</source>
      <translation>Current supervision level: none</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/escalation_box.py" line="81" />
      <source>手工</source>
      <translation>By hand</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/escalation_box.py" line="81" />
      <source>按规则</source>
      <translation>By rule</translation>
    </message>
  </context>
  <context>
    <name>EvaluationPane</name>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="158" />
      <source>中期评估</source>
      <translation>Mid-term evaluation</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="159" />
      <source>年度评估</source>
      <translation>Annual evaluation</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="163" />
      <source>设置基期…</source>
      <translation>Set base…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="165" />
      <source>导出 PDF…</source>
      <translation>Export PDF…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="166" />
      <source>导出 Word…</source>
      <translation>Export Word…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="173" />
      <source>序号</source>
      <translation>No.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="174" />
      <source>指标</source>
      <translation>Indicators</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="175" />
      <source>单位</source>
      <translation>Unit</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="176" />
      <source>属性</source>
      <translation>Attribute</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="177" />
      <source>基期</source>
      <translation>Base</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="178" />
      <source>目标</source>
      <translation>Target</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="179" />
      <source>最新</source>
      <translation>Latest</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="180" />
      <source>预计</source>
      <translation>Forecast</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="181" />
      <source>结论</source>
      <translation>Verdict</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="187" />
      <source>章节</source>
      <translation>Chapter</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="188" />
      <source>责任单位</source>
      <translation>Responsible units</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="189" />
      <source>滞后任务</source>
      <translation>Tasks behind schedule</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="189" />
      <source>牵头单位</source>
      <translation>Lead unit</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="189" />
      <source>情况</source>
      <translation>Situation</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="203" />
      <source>任务数</source>
      <translation>Tasks</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="204" />
      <source>已完成</source>
      <translation>Done</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="205" />
      <source>序时推进</source>
      <translation>On schedule</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="206" />
      <source>滞后</source>
      <translation>Behind</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="207" />
      <source>暂缓</source>
      <translation>Suspended</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="208" />
      <source>平均完成</source>
      <translation>Average completion</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="214" />
      <source>评估日期</source>
      <translation>Evaluation date</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="235" />
      <source>四、存在问题（每段一行，可修改）</source>
      <translation>IV. Problems (one paragraph per line, editable)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="237" />
      <source>五、下一步建议（每段一行，可修改）</source>
      <translation>V. Suggestions for the next steps (one paragraph per line, editable)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="240" />
      <source>主要指标</source>
      <translation>Main indicators</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="241" />
      <source>重点任务</source>
      <translation>Key tasks</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="242" />
      <source>问题与建议</source>
      <translation>Problems and suggestions</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="333" />
      <source>完成目标进度 {0}，序时进度 {1}；尚需年均 {2}，趋势年均 {3}。{4}</source>
      <translation>Progress towards the target {0}, scheduled {1}; still needed per year {2}, trend per year {3}. {4}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="347" />
      <source>请先选择一项指标。</source>
      <translation>Please choose an indicator first.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="372" />
      <source>请先选择一个方案。</source>
      <translation>Please choose a plan first.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="374" />
      <source>Word 文档 (*.docx)</source>
      <translation>Word document (*.docx)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="374" />
      <source>PDF 文件 (*.pdf)</source>
      <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="375" />
      <source>保存评估报告</source>
      <translation>Save the evaluation report</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="394" />
      <source>评估报告只能保存为 .pdf 或 .docx：{0}</source>
      <translation>The evaluation report can only be saved as .pdf or .docx: {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="410" />
      <source>已生成 {0}</source>
      <translation>Written: {0}</translation>
    </message>
  </context>
  <context>
    <name>ExchangePreviewDialog</name>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="60" />
      <source>应用</source>
      <translation>Apply</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="61" />
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="87" />
      <source>正在应用……</source>
      <translation>Applying…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="99" />
      <source>正在取消……</source>
      <translation>Cancelling…</translation>
    </message>
  </context>
  <context>
    <name>FilterBar</name>
    <message>
      <location filename="../../desktop/ui/filter_bar.py" line="51" />
      <source>搜索标题、正文和进展（Ctrl+F）</source>
      <translation>Search titles, text and progress (Ctrl+F)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/filter_bar.py" line="54" />
      <source>责任单位</source>
      <translation>Responsible units</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/filter_bar.py" line="57" />
      <source>任意角色</source>
      <translation>Any role</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/filter_bar.py" line="58" />
      <source>仅牵头</source>
      <translation>Lead only</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/filter_bar.py" line="60" />
      <source>全部状态</source>
      <translation>All statuses</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/filter_bar.py" line="63" />
      <source>已逾期</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/filter_bar.py" line="66" />
      <source>到期 ≤ </source>
      <translation>Due ≤ </translation>
    </message>
    <message>
      <location filename="../../desktop/ui/filter_bar.py" line="67" />
      <source> 天</source>
      <translation> days</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/filter_bar.py" line="68" />
      <source>到期不限</source>
      <translation>Any due date</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/filter_bar.py" line="70" />
      <source>清除</source>
      <translation>Clear</translation>
    </message>
  </context>
  <context>
    <name>FirstStartDialog</name>
    <message>
      <location filename="../../desktop/ui/first_start.py" line="26" />
      <source>欢迎使用 PlanDesk 规划督办台</source>
      <translation>Welcome to PlanDesk</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/first_start.py" line="28" />
      <source>这是一个新的数据库，还没有方案。请填写您的姓名和单位：姓名记入操作记录和进展的“录入人”，单位用于“只看本单位”。

想先看看效果，可打开示例数据库：示例方案放在单独的文件中，不会进入本单位的正式数据。</source>
      <translation>This is a new database with no plans yet. Please enter your name and unit: your name is recorded in the change log and as "entered by" on progress; your unit is used for "my unit only".

To see PlanDesk at work first, open the sample database: the sample plans live in a separate file and never enter your office's real data.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/first_start.py" line="36" />
      <source>例如 张三</source>
      <translation>e.g. Zhang San</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/first_start.py" line="38" />
      <source>例如 西安市市场监督管理局</source>
      <translation>e.g. 西安市市场监督管理局</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/first_start.py" line="46" />
      <source>姓名：</source>
      <translation>Name:</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/first_start.py" line="47" />
      <source>单位：</source>
      <translation>Unit:</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/first_start.py" line="51" />
      <source>开始使用</source>
      <translation>Start</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/first_start.py" line="52" />
      <source>打开示例数据库</source>
      <translation>Open the sample database</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/first_start.py" line="65" />
      <source>请填写姓名：操作记录需要知道是谁录入的。</source>
      <translation>Please enter your name: the change log records who entered what.</translation>
    </message>
  </context>
  <context>
    <name>HistoryPane</name>
    <message>
      <location filename="../../desktop/ui/history_pane.py" line="22" />
      <location filename="../../desktop/ui/history_pane.py" line="47" />
      <source>选择条目后显示其修改记录</source>
      <translation>Choose an item to see its changes</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/history_pane.py" line="25" />
      <source>时间</source>
      <translation>Time</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/history_pane.py" line="25" />
      <source>操作员</source>
      <translation>Operator</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/history_pane.py" line="25" />
      <source>内容</source>
      <translation>Content</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/history_pane.py" line="25" />
      <source>原值 → 新值</source>
      <translation>Old value → new value</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/history_pane.py" line="25" />
      <source>原因</source>
      <translation>Reason</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/history_pane.py" line="57" />
      <source>共 {0} 条修改记录（最新在前）</source>
      <translation>{0} changes (newest first)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/history_pane.py" line="59" />
      <source>该条目没有修改记录</source>
      <translation>This item has no recorded changes</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/history_pane.py" line="65" />
      <source>（未署名）</source>
      <translation>(unsigned)</translation>
    </message>
  </context>
  <context>
    <name>ImportController</name>
    <message>
      <location filename="../../desktop/ui/import_dialog.py" line="40" />
      <source>方案文件 (*.txt *.docx *.pdf *.ofd *.xlsx *.html *.htm);;所有文件 (*)</source>
      <translation>Plan documents (*.txt *.docx *.pdf *.ofd *.xlsx *.html *.htm);;All files (*)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/import_dialog.py" line="202" />
      <location filename="../../desktop/ui/import_dialog.py" line="210" />
      <source>导入方案</source>
      <translation>Import plan</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/import_dialog.py" line="226" />
      <source>正在分析“{0}”…</source>
      <translation>Analysing "{0}"…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/import_dialog.py" line="239" />
      <source>导入已取消，未写入任何内容。</source>
      <translation>Import cancelled; nothing was written.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/import_dialog.py" line="259" />
      <source>方案已存在</source>
      <translation>The plan already exists</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/import_dialog.py" line="260" />
      <source>{0}要怎样导入？</source>
      <translation>How should {0} be imported?</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/import_dialog.py" line="264" />
      <source>作为该方案的修订版导入</source>
      <translation>Import as a revision of that plan</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/import_dialog.py" line="265" />
      <source>作为另一个方案导入</source>
      <translation>Import as a separate plan</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/import_dialog.py" line="266" />
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/import_dialog.py" line="276" />
      <source>未导入：数据库中已有该方案。</source>
      <translation>Not imported: the database already holds this plan.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/import_dialog.py" line="293" />
      <source>正在比对修订版…</source>
      <translation>Comparing with the revision…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/import_dialog.py" line="350" />
      <source>正在写入方案…</source>
      <translation>Writing the plan…</translation>
    </message>
  </context>
  <context>
    <name>ImportPreviewDialog</name>
    <message>
      <location filename="../../desktop/ui/import_dialog.py" line="58" />
      <source>导入预览：{0}</source>
      <translation>Import preview: {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/import_dialog.py" line="68" />
      <source>按文件分工：为每项任务的每个责任单位建立分工（牵头、配合照原文）</source>
      <translation>Assign as the document lists: one assignment for every responsible unit of every task (lead and cooperating as printed)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/import_dialog.py" line="73" />
      <source>默认截止日期</source>
      <translation>Default deadline</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/import_dialog.py" line="74" />
      <source>原文未写时限的任务的截止日期，可不填</source>
      <translation>Deadline for tasks whose document gives none; may be left empty</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/import_dialog.py" line="78" />
      <source>默认截止日期：</source>
      <translation>Default deadline:</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/import_dialog.py" line="92" />
      <source>本文件包含 {0} 个方案，预览的是：</source>
      <translation>This file holds {0} plans; previewing:</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/import_dialog.py" line="98" />
      <source>编号</source>
      <translation>No.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/import_dialog.py" line="98" />
      <source>标题</source>
      <translation>Title</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/import_dialog.py" line="98" />
      <source>类型</source>
      <translation>Kind</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/import_dialog.py" line="98" />
      <source>责任单位</source>
      <translation>Responsible units</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/import_dialog.py" line="115" />
      <source>导入</source>
      <translation>Import</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/import_dialog.py" line="116" />
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/import_dialog.py" line="171" />
      <source>位置不确定，请核对</source>
      <translation>Position uncertain, please check</translation>
    </message>
  </context>
  <context>
    <name>IndicatorChart</name>
    <message>
      <location filename="../../desktop/ui/indicator_chart.py" line="44" />
      <source>暂无数据</source>
      <translation>No data yet</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/indicator_chart.py" line="101" />
      <source>目标 {0}</source>
      <translation>Target {0}</translation>
    </message>
  </context>
  <context>
    <name>IndicatorTableModel</name>
    <message>
      <location filename="../../desktop/ui/indicators_pane.py" line="78" />
      <source>领域</source>
      <translation>Field</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/indicators_pane.py" line="79" />
      <source>指标</source>
      <translation>Indicators</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/indicators_pane.py" line="80" />
      <source>目标</source>
      <translation>Target</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/indicators_pane.py" line="81" />
      <source>属性</source>
      <translation>Attribute</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/indicators_pane.py" line="82" />
      <source>最新值</source>
      <translation>Latest value</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/indicators_pane.py" line="83" />
      <source>完成度</source>
      <translation>Completion</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/indicators_pane.py" line="84" />
      <source>趋势</source>
      <translation>Trend</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/indicators_pane.py" line="101" />
      <source>未填报</source>
      <translation>Not reported</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/indicators_pane.py" line="113" />
      <source>统计日期：{0}</source>
      <translation>As of: {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/indicators_pane.py" line="115" />
      <source>数据来源：{0}</source>
      <translation>Data source: {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/indicators_pane.py" line="125" />
      <source>约束性指标尚未达到目标</source>
      <translation>Binding indicator not yet on target</translation>
    </message>
  </context>
  <context>
    <name>IndicatorValueDialog</name>
    <message>
      <location filename="../../desktop/ui/indicators_pane.py" line="193" />
      <source>录入指标值</source>
      <translation>Enter indicator value</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/indicators_pane.py" line="195" />
      <source>数值，例如 85</source>
      <translation>A number, e.g. 85</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/indicators_pane.py" line="200" />
      <source>例如 统计年报</source>
      <translation>e.g. statistical yearbook</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/indicators_pane.py" line="204" />
      <source>目标：</source>
      <translation>Target:</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/indicators_pane.py" line="208" />
      <source>数值</source>
      <translation>Value</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/indicators_pane.py" line="209" />
      <source>统计日期</source>
      <translation>As of</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/indicators_pane.py" line="210" />
      <source>数据来源</source>
      <translation>Data source</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/indicators_pane.py" line="211" />
      <source>说明</source>
      <translation>Explanation</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/indicators_pane.py" line="228" />
      <source>保存</source>
      <translation>Save</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/indicators_pane.py" line="229" />
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
  </context>
  <context>
    <name>IndicatorWarningsBox</name>
    <message>
      <location filename="../../desktop/ui/evaluation_view.py" line="431" />
      <source>约束性指标预警 {0} 项：</source>
      <translation>Binding indicators at risk: {0}</translation>
    </message>
  </context>
  <context>
    <name>IndicatorsPane</name>
    <message>
      <location filename="../../desktop/ui/indicators_pane.py" line="313" />
      <source>录入指标值…</source>
      <translation>Enter indicator value…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/indicators_pane.py" line="346" />
      <source>请选择方案。</source>
      <translation>Please choose a plan.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/indicators_pane.py" line="349" />
      <source>该方案没有指标。</source>
      <translation>This plan has no indicators.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/indicators_pane.py" line="355" />
      <source>共 {0} 项指标，其中约束性 {1} 项；约束性未达标 {2} 项，尚未填报 {3} 项。</source>
      <translation>{0} indicators, {1} of them binding; binding behind target: {2}; not yet reported: {3}.</translation>
    </message>
  </context>
  <context>
    <name>ItemDialog</name>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="57" />
      <source>登记督办事项</source>
      <translation>Register supervision item</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="66" />
      <source>多个单位用顿号分隔</source>
      <translation>Separate several units with 、</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="83" />
      <source>来源</source>
      <translation>Source</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="84" />
      <source>事项名称</source>
      <translation>Item title</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="85" />
      <source>牵头单位</source>
      <translation>Lead unit</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="86" />
      <source>配合单位</source>
      <translation>Cooperating units</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="87" />
      <source>交办日期</source>
      <translation>Assigned on</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="88" />
      <source>办理时限</source>
      <translation>Time limit</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="91" />
      <source>批示人</source>
      <translation>Instructed by</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="92" />
      <source>批示日期</source>
      <translation>Instruction date</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="93" />
      <source>原件文号</source>
      <translation>Original document no.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="94" />
      <source>会议名称</source>
      <translation>Meeting</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="95" />
      <source>期次</source>
      <translation>Session</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="96" />
      <source>编号</source>
      <translation>No.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="97" />
      <source>来信人</source>
      <translation>Letter from</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="103" />
      <source>内容</source>
      <translation>Content</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="104" />
      <source>截止日期</source>
      <translation>Deadline</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="108" />
      <source>登记</source>
      <translation>Register</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="138" />
      <source>星期一 星期二 星期三 星期四 星期五 星期六 星期日</source>
      <translation>Monday Tuesday Wednesday Thursday Friday Saturday Sunday</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="141" />
      <source>{0}（{1}），自交办次日起 {2}</source>
      <translation>{0} ({1}), counted from the day after assignment: {2}</translation>
    </message>
  </context>
  <context>
    <name>ItemsImportDialog</name>
    <message>
      <location filename="../../desktop/ui/supervision/items_import_dialog.py" line="33" />
      <source>导入督办事项清单</source>
      <translation>Import a list of supervision items</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_import_dialog.py" line="43" />
      <source>表中的新单位直接新建</source>
      <translation>Create the new units of the list</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_import_dialog.py" line="50" />
      <source>导入</source>
      <translation>Import</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_import_dialog.py" line="57" />
      <source>错误（须全部改正后才能导入）</source>
      <translation>Errors (all must be corrected before importing)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_import_dialog.py" line="72" />
      <source>（不导入）</source>
      <translation>(not imported)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_import_dialog.py" line="74" />
      <source>{0}列：{1}</source>
      <translation>Column {0}: {1}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_import_dialog.py" line="98" />
      <source>工作表 {0}，表头在第{1}行，可导入事项 {2} 件。</source>
      <translation>Sheet {0}, header on row {1}, {2} items can be imported.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_import_dialog.py" line="102" />
      <source>新单位：{0}</source>
      <translation>New units: {0}</translation>
    </message>
  </context>
  <context>
    <name>ItemsPane</name>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="195" />
      <source>全部来源</source>
      <translation>All sources</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="199" />
      <source>登记督办事项…</source>
      <translation>Register supervision item…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="201" />
      <source>撤销登记…</source>
      <translation>Withdraw registration…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="203" />
      <source>导入清单…</source>
      <translation>Import list…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="205" />
      <source>导入放假安排…</source>
      <translation>Import holiday schedule…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="208" />
      <source>来源</source>
      <translation>Source</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="209" />
      <source>序号</source>
      <translation>No.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="210" />
      <source>事项</source>
      <translation>Item</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="211" />
      <source>牵头单位</source>
      <translation>Lead unit</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="212" />
      <source>交办日期</source>
      <translation>Assigned on</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="213" />
      <source>办理时限</source>
      <translation>Time limit</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="214" />
      <source>截止日期</source>
      <translation>Deadline</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="215" />
      <source>剩余时限</source>
      <translation>Time left</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="216" />
      <source>出处</source>
      <translation>Source reference</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="230" />
      <source>年度</source>
      <translation>Year</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="256" />
      <source>{0}年</source>
      <translation>{0}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="279" />
      <source>{0}批示 {1}</source>
      <translation>Instruction by {0} {1}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="316" />
      <source>请先在表中选择要撤销登记的督办事项。</source>
      <translation>First select the supervision item to withdraw in the table.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="321" />
      <source>撤销登记</source>
      <translation>Withdraw registration</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="322" />
      <source>撤销登记督办事项“{0}”？其分工记录一并删除。</source>
      <translation>Withdraw the registration of supervision item "{0}"? Its assignments are deleted with it.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="339" />
      <source>已撤销登记。</source>
      <translation>Registration withdrawn.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="342" />
      <source>导入督办事项清单</source>
      <translation>Import a list of supervision items</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="342" />
      <source>Excel 工作簿 (*.xlsx)</source>
      <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="360" />
      <source>已导入 {0} 件督办事项。</source>
      <translation>{0} supervision items imported.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="363" />
      <source>导入放假安排</source>
      <translation>Import holiday schedule</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="363" />
      <source>放假安排 (*.csv *.json)</source>
      <translation>Holiday schedule (*.csv *.json)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="380" />
      <source>已导入 {0} 年放假安排：放假 {1} 天，调休上班 {2} 天</source>
      <translation>Holiday schedule for {0} imported: {1} days off, {2} make-up working days</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/items_pane.py" line="386" />
      <source>；{0} 件督办事项的截止日期已按新安排重算</source>
      <translation>; the deadlines of {0} supervision items were recalculated for the new schedule</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="72" />
      <source>PlanDesk 规划督办台</source>
      <translation>PlanDesk Plan Supervision Desk</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="106" />
      <source>详情</source>
      <translation>Details</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="115" />
      <source>方案：</source>
      <translation>Plan:</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="187" />
      <source>撤销</source>
      <translation>Undo</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="189" />
      <source>重做</source>
      <translation>Redo</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="192" />
      <source>导入方案…</source>
      <translation>Import plan…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="193" />
      <source>首选项…</source>
      <translation>Preferences…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="194" />
      <source>退出</source>
      <translation>Quit</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="195" />
      <source>查找…</source>
      <translation>Find…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="197" />
      <source>添加子任务</source>
      <translation>Add sub-task</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="199" />
      <source>修改标题</source>
      <translation>Edit title</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="200" />
      <source>删除子任务…</source>
      <translation>Delete sub-task…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="202" />
      <source>上移</source>
      <translation>Move up</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="205" />
      <source>下移</source>
      <translation>Move down</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="207" />
      <source>只看本单位</source>
      <translation>My unit only</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="210" />
      <source>清除筛选</source>
      <translation>Clear filters</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="211" />
      <source>刷新</source>
      <translation>Refresh</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="212" />
      <location filename="../../desktop/ui/main_window.py" line="577" />
      <source>关于 PlanDesk</source>
      <translation>About PlanDesk</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="216" />
      <source>文件(&amp;F)</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="222" />
      <source>编辑(&amp;E)</source>
      <translation>&amp;Edit</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="236" />
      <source>视图(&amp;V)</source>
      <translation>&amp;View</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="239" />
      <source>报表(&amp;R)</source>
      <translation>&amp;Reports</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="240" />
      <source>数据交换(&amp;X)</source>
      <translation>E&amp;xchange</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="241" />
      <source>督办(&amp;S)</source>
      <translation>&amp;Supervision</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="242" />
      <source>帮助(&amp;H)</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="265" />
      <source>总览</source>
      <translation>Overview</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="266" />
      <source>任务分工表</source>
      <translation>Assignment matrix</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="267" />
      <source>指标</source>
      <translation>Indicators</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="268" />
      <source>评估</source>
      <translation>Evaluation</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="317" />
      <source>（已归档）</source>
      <translation>(archived)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="424" />
      <source>搜索命中 {0} 处，</source>
      <translation>{0} search hits, </translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="432" />
      <source>{0} 个条目</source>
      <translation>{0} items</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="482" />
      <source>新子任务</source>
      <translation>New sub-task</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="496" />
      <source>方案原文中的条目不能改标题，只有本单位添加的子任务可以修改。</source>
      <translation>Items of the plan document cannot be renamed; only sub-tasks added by this office can.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="511" />
      <source>方案原文中的条目不能删除，只有本单位添加的子任务可以删除。</source>
      <translation>Items of the plan document cannot be deleted; only sub-tasks added by this office can.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="515" />
      <source>删除子任务</source>
      <translation>Delete sub-task</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="516" />
      <source>删除子任务“{0}”？可用“撤销”恢复。</source>
      <translation>Delete sub-task "{0}"? Undo brings it back.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="536" />
      <source>筛选时不能调整顺序，请先清除筛选。</source>
      <translation>The order cannot be changed while filtering; clear the filters first.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="578" />
      <source>PlanDesk 规划督办台：规划实施方案的分解、分工、进展与督办。

版本：{0}
数据库：{1}
日志：{2}</source>
      <translation>PlanDesk Plan Supervision Desk: breaking down implementation plans, assigning the work, tracking progress and supervision.

Version: {0}
Database: {1}
Log: {2}</translation>
    </message>
  </context>
  <context>
    <name>MatrixPane</name>
    <message>
      <location filename="../../desktop/ui/matrix_view.py" line="142" />
      <source>● 牵头单位　○ 配合单位（按方案所列，交办记录优先）</source>
      <translation>● Lead unit　○ Cooperating unit (as the plan lists them; assignments take precedence)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matrix_view.py" line="165" />
      <source>请选择方案。</source>
      <translation>Please choose a plan.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matrix_view.py" line="168" />
      <source>{0} 项任务，{1} 个责任单位</source>
      <translation>{0} tasks, {1} responsible units</translation>
    </message>
  </context>
  <context>
    <name>MatrixTableModel</name>
    <message>
      <location filename="../../desktop/ui/matrix_view.py" line="68" />
      <source>所属章节</source>
      <translation>Section</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matrix_view.py" line="70" />
      <source>任务</source>
      <translation>Task</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matrix_view.py" line="75" />
      <source>{0}
牵头 {1} 项，配合 {2} 项</source>
      <translation>{0}
Lead on {1}, cooperating on {2}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matrix_view.py" line="100" />
      <source>{0} {1}
牵头：{2}
配合：{3}</source>
      <translation>{0} {1}
Lead: {2}
Cooperating: {3}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matrix_view.py" line="109" />
      <source>牵头</source>
      <translation>Lead</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matrix_view.py" line="109" />
      <source>配合</source>
      <translation>Cooperating</translation>
    </message>
  </context>
  <context>
    <name>PackageDialog</name>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="60" />
      <source>应用</source>
      <translation>Apply</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="61" />
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="87" />
      <source>正在应用……</source>
      <translation>Applying…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="99" />
      <source>正在取消……</source>
      <translation>Cancelling…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="268" />
      <source>导入交换包</source>
      <translation>Import exchange package</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="270" />
      <source>方案：{0}（本库没有，将新建）</source>
      <translation>Plan: {0} (not in this database; will be created)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="272" />
      <source>方案：{0}（本库已有，合并更新）</source>
      <translation>Plan: {0} (already in this database; will be merged)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="276" />
      <source>内容</source>
      <translation>Content</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="276" />
      <source>新增</source>
      <translation>Added</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="276" />
      <source>更新</source>
      <translation>Updated</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="276" />
      <source>相同</source>
      <translation>Unchanged</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="276" />
      <source>本库较新保留</source>
      <translation>Kept: this database is newer</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="285" />
      <source>我已通过电话等方式与对方核对，对方的密钥指纹是 {0}</source>
      <translation>I have checked with the sender (by phone or in person): their key fingerprint is {0}</translation>
    </message>
  </context>
  <context>
    <name>PlanActions</name>
    <message>
      <location filename="../../desktop/ui/plan_actions.py" line="32" />
      <source>按文件分工（整个方案）…</source>
      <translation>Assign as the document lists (whole plan)…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_actions.py" line="33" />
      <source>按文件分工（本条目及下级）…</source>
      <translation>Assign as the document lists (this item and below)…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_actions.py" line="34" />
      <source>更正责任单位…</source>
      <translation>Correct responsible units…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_actions.py" line="35" />
      <source>更改类型</source>
      <translation>Change kind</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_actions.py" line="43" />
      <source>方案属性…</source>
      <translation>Plan properties…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_actions.py" line="44" />
      <location filename="../../desktop/ui/plan_actions.py" line="270" />
      <source>归档方案</source>
      <translation>Archive plan</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_actions.py" line="45" />
      <source>删除方案…</source>
      <translation>Delete plan…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_actions.py" line="46" />
      <source>打开示例数据库</source>
      <translation>Open the sample database</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_actions.py" line="47" />
      <source>显示已归档方案</source>
      <translation>Show archived plans</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_actions.py" line="97" />
      <location filename="../../desktop/ui/plan_actions.py" line="147" />
      <source>请先在左侧选择一个条目。</source>
      <translation>First choose an item on the left.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_actions.py" line="140" />
      <location filename="../../desktop/ui/plan_actions.py" line="253" />
      <location filename="../../desktop/ui/plan_actions.py" line="278" />
      <location filename="../../desktop/ui/plan_actions.py" line="297" />
      <source>请先选择一个方案。</source>
      <translation>Please choose a plan first.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_actions.py" line="164" />
      <source>可用“撤销”恢复。</source>
      <translation>Undo brings it back.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_actions.py" line="186" />
      <source>数据库中还没有方案：请用“文件 → 导入方案”导入，或“文件 → 打开示例数据库”先看示例。</source>
      <translation>There is no plan in the database yet: import one with File → Import plan, or look at the samples first with File → Open the sample database.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_actions.py" line="216" />
      <source>当前打开的就是示例数据库。</source>
      <translation>The sample database is already open.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_actions.py" line="220" />
      <source>正在准备示例数据库…</source>
      <translation>Preparing the sample database…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_actions.py" line="229" />
      <source>PlanDesk 规划督办台 — 示例数据库（{0}）</source>
      <translation>PlanDesk — sample database ({0})</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_actions.py" line="270" />
      <source>取消归档</source>
      <translation>Unarchive</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_actions.py" line="283" />
      <source>已归档“{0}”，日常视图中不再显示；可在“视图 → 显示已归档方案”中找到，或撤销。</source>
      <translation>"{0}" archived and hidden from the daily view; find it under View → Show archived plans, or undo.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_actions.py" line="285" />
      <source>已取消归档“{0}”。</source>
      <translation>"{0}" is no longer archived.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_actions.py" line="307" />
      <source>不能删除方案</source>
      <translation>The plan cannot be deleted</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_actions.py" line="308" />
      <source>方案“{0}”被其他方案关联（{1}），删除会切断这些对接关系。是否改为归档？</source>
      <translation>Plan "{0}" is linked to by other plans ({1}); deleting it would cut those links. Archive it instead?</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_actions.py" line="314" />
      <source>归档</source>
      <translation>Archive</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_actions.py" line="315" />
      <location filename="../../desktop/ui/plan_actions.py" line="329" />
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_actions.py" line="322" />
      <source>删除方案</source>
      <translation>Delete plan</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_actions.py" line="324" />
      <source>删除前会自动备份数据库，删除后不能撤销，只能从备份恢复。确定删除吗？</source>
      <translation>The database is backed up automatically before deleting. Deleting cannot be undone; it can only be restored from the backup. Delete?</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_actions.py" line="328" />
      <source>删除</source>
      <translation>Delete</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_actions.py" line="342" />
      <source>正在备份并删除方案…</source>
      <translation>Backing up and deleting the plan…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_actions.py" line="351" />
      <source>已删除方案“{0}”。</source>
      <translation>Plan "{0}" deleted.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_actions.py" line="353" />
      <source>删除前的备份：{0}</source>
      <translation>Backup taken before deleting: {0}</translation>
    </message>
  </context>
  <context>
    <name>PlanDesk</name>
    <message>
      <location filename="../../desktop/ui/app.py" line="51" />
      <source>PlanDesk 规划督办台</source>
      <translation>PlanDesk Plan Supervision Desk</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/app.py" line="63" />
      <source>数据库文件已损坏</source>
      <translation>The database file is damaged</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/app.py" line="67" />
      <source>用备份 {0} 恢复</source>
      <translation>Restore from backup {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/app.py" line="87" />
      <source>无法恢复数据库</source>
      <translation>The database cannot be restored</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/app.py" line="90" />
      <source>无法打开数据库</source>
      <translation>Cannot open the database</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/app.py" line="150" />
      <source>已完成每日备份</source>
      <translation>Daily backup done</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/app.py" line="155" />
      <source>每日备份失败：{0}</source>
      <translation>Daily backup failed: {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/undo_commands.py" line="98" />
      <source>修改分工</source>
      <translation>Edit assignment</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/undo_commands.py" line="134" />
      <source>延期</source>
      <translation>Extend deadline</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/undo_commands.py" line="136" />
      <source>填写截止日期</source>
      <translation>Set deadline</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/undo_commands.py" line="138" />
      <source>更正截止日期</source>
      <translation>Correct deadline</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/undo_commands.py" line="173" />
      <source>添加分工</source>
      <translation>Add assignment</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/undo_commands.py" line="195" />
      <source>删除分工</source>
      <translation>Delete assignment</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/undo_commands.py" line="215" />
      <source>添加进展</source>
      <translation>Add progress</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/undo_commands.py" line="245" />
      <source>按文件分工</source>
      <translation>Assign as the document lists</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/undo_commands.py" line="271" />
      <source>修改方案属性</source>
      <translation>Edit plan properties</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/undo_commands.py" line="295" />
      <source>归档方案</source>
      <translation>Archive plan</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/undo_commands.py" line="295" />
      <source>取消归档</source>
      <translation>Unarchive</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/undo_commands.py" line="315" />
      <source>更正责任单位</source>
      <translation>Correct responsible units</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/undo_commands.py" line="334" />
      <source>更改条目类型</source>
      <translation>Change item kind</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/undo_commands.py" line="354" />
      <source>添加子任务</source>
      <translation>Add sub-task</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/undo_commands.py" line="382" />
      <source>删除子任务</source>
      <translation>Delete sub-task</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/undo_commands.py" line="408" />
      <source>修改标题</source>
      <translation>Edit title</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/undo_commands.py" line="426" />
      <source>调整顺序</source>
      <translation>Reorder</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/undo_commands.py" line="464" />
      <source>录入指标值</source>
      <translation>Enter indicator value</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/undo_commands.py" line="491" />
      <source>办理：{0}</source>
      <translation>Hand-off: {0}</translation>
    </message>
  </context>
  <context>
    <name>PlanPropertiesDialog</name>
    <message>
      <location filename="../../desktop/ui/plan_properties.py" line="126" />
      <source>方案属性</source>
      <translation>Plan properties</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_properties.py" line="136" />
      <source>来源文件：{0}；第 {1} 版</source>
      <translation>Source file: {0}; revision {1}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_properties.py" line="141" />
      <source>保存</source>
      <translation>Save</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_properties.py" line="142" />
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
  </context>
  <context>
    <name>PlanPropertiesForm</name>
    <message>
      <location filename="../../desktop/ui/plan_properties.py" line="36" />
      <source>成文日期</source>
      <translation>Date of issue</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_properties.py" line="41" />
      <source>可不填，列表中代替长标题</source>
      <translation>Optional; shown in lists instead of the long title</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_properties.py" line="56" />
      <source>方案标题：</source>
      <translation>Plan title:</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_properties.py" line="57" />
      <source>发文机关：</source>
      <translation>Issuer:</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_properties.py" line="58" />
      <source>文号：</source>
      <translation>Document no.:</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_properties.py" line="59" />
      <source>成文日期：</source>
      <translation>Date of issue:</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_properties.py" line="60" />
      <source>层级：</source>
      <translation>Level:</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/plan_properties.py" line="61" />
      <source>简称：</source>
      <translation>Short name:</translation>
    </message>
  </context>
  <context>
    <name>PlanTreeModel</name>
    <message>
      <location filename="../../desktop/ui/tree_model.py" line="82" />
      <source>编号</source>
      <translation>No.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/tree_model.py" line="83" />
      <source>标题</source>
      <translation>Title</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/tree_model.py" line="84" />
      <source>牵头单位</source>
      <translation>Lead unit</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/tree_model.py" line="85" />
      <source>截止日期</source>
      <translation>Deadline</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/tree_model.py" line="86" />
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/tree_model.py" line="87" />
      <source>进度</source>
      <translation>Progress</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/tree_model.py" line="221" />
      <source> [自增]</source>
      <translation> [added]</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/tree_model.py" line="235" />
      <source>本单位添加的子任务，可修改标题、删除</source>
      <translation>Sub-task added by this office; can be renamed or deleted</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/tree_model.py" line="237" />
      <source>已在方案修订中删除并归档，只读</source>
      <translation>Removed in a plan revision and archived; read-only</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/tree_model.py" line="239" />
      <source>导入时位置不确定，请核对</source>
      <translation>Position uncertain at import, please check</translation>
    </message>
  </context>
  <context>
    <name>PreferencesDialog</name>
    <message>
      <location filename="../../desktop/ui/preferences_dialog.py" line="44" />
      <source>首选项</source>
      <translation>Preferences</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/preferences_dialog.py" line="46" />
      <source>记录在修改日志中的姓名</source>
      <translation>The name recorded in the change log</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/preferences_dialog.py" line="52" />
      <source>启动时只看本单位负责的条目</source>
      <translation>At start, show only the items my unit is responsible for</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/preferences_dialog.py" line="56" />
      <source> 天</source>
      <translation> days</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/preferences_dialog.py" line="58" />
      <source>树形列表的黄灯、预警的“临近截止”和月度报告都按这一天数计算，对使用本数据库的所有人生效</source>
      <translation>The tree's yellow light, the "due soon" warnings and the monthly report all count with these days, for everyone using this database</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/preferences_dialog.py" line="62" />
      <source>留空则自动查找中文字体</source>
      <translation>Leave empty to find a Chinese font automatically</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/preferences_dialog.py" line="63" />
      <source>选择…</source>
      <translation>Choose…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/preferences_dialog.py" line="77" />
      <source>如：某某区人民政府督查室（留空则用方案的发文机关）</source>
      <translation>e.g. the district government's supervision office (empty: the plan's issuer)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/preferences_dialog.py" line="78" />
      <source>如：督办（文号为 督办〔2026〕1号）</source>
      <translation>e.g. 督办 (numbers read 督办〔2026〕1号)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/preferences_dialog.py" line="81" />
      <source>抄送的机关，用顿号分隔</source>
      <translation>Copied offices, separated by 、</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/preferences_dialog.py" line="82" />
      <source>留空则同发文机关</source>
      <translation>Empty: the issuing office</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/preferences_dialog.py" line="87" />
      <source>本单位公文（催办、催报通知）</source>
      <translation>Our office's documents (reminder notices)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/preferences_dialog.py" line="90" />
      <source>发文机关</source>
      <translation>Issuing office</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/preferences_dialog.py" line="91" />
      <source>机关代字</source>
      <translation>Document code</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/preferences_dialog.py" line="92" />
      <source>联系人</source>
      <translation>Contact person</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/preferences_dialog.py" line="93" />
      <source>联系电话</source>
      <translation>Telephone</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/preferences_dialog.py" line="94" />
      <source>抄送</source>
      <translation>Copy to</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/preferences_dialog.py" line="95" />
      <source>印发机关</source>
      <translation>Printed by</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/preferences_dialog.py" line="108" />
      <source>操作人姓名</source>
      <translation>Operator name</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/preferences_dialog.py" line="109" />
      <source>本单位</source>
      <translation>My unit</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/preferences_dialog.py" line="111" />
      <source>即将到期提醒（黄灯）</source>
      <translation>Due-soon warning (yellow light)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/preferences_dialog.py" line="112" />
      <source>报表字体文件</source>
      <translation>Report font file</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/preferences_dialog.py" line="113" />
      <source>界面语言（下次启动生效）</source>
      <translation>Language (takes effect at next start)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/preferences_dialog.py" line="123" />
      <source>选择字体文件</source>
      <translation>Choose a font file</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/preferences_dialog.py" line="123" />
      <source>字体 (*.ttf *.ttc *.otf)</source>
      <translation>Fonts (*.ttf *.ttc *.otf)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/preferences_dialog.py" line="133" />
      <source>找不到字体文件“{0}”。</source>
      <translation>Font file "{0}" not found.</translation>
    </message>
  </context>
  <context>
    <name>ProgressForm</name>
    <message>
      <location filename="../../desktop/ui/progress_form.py" line="33" />
      <source>添加进展记录</source>
      <translation>Add progress entry</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/progress_form.py" line="44" />
      <source>本期工作进展</source>
      <translation>Progress this period</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/progress_form.py" line="47" />
      <source>不填</source>
      <translation>Leave empty</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/progress_form.py" line="63" />
      <source>分工单位</source>
      <translation>Assigned unit</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/progress_form.py" line="64" />
      <source>时期（年-月）</source>
      <translation>Period (year-month)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/progress_form.py" line="65" />
      <source>进展情况</source>
      <translation>Progress</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/progress_form.py" line="66" />
      <source>完成进度</source>
      <translation>Progress</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/progress_form.py" line="67" />
      <source>存在问题</source>
      <translation>Problems</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/progress_form.py" line="68" />
      <source>下步计划</source>
      <translation>Next steps</translation>
    </message>
  </context>
  <context>
    <name>QPlatformTheme</name>
    <message>
      <location filename="../../desktop/ui/app.py" line="205" />
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
  </context>
  <context>
    <name>RankingView</name>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="245" />
      <source>导出 Excel…</source>
      <translation>Export to Excel…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="249" />
      <source>名次</source>
      <translation>Rank</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="250" />
      <source>单位</source>
      <translation>Unit</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="251" />
      <source>任务数</source>
      <translation>Tasks</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="252" />
      <source>按时反馈率</source>
      <translation>On-time reporting rate</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="253" />
      <source>办结率</source>
      <translation>Completion rate</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="254" />
      <source>逾期</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="255" />
      <source>退回</source>
      <translation>Return</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="256" />
      <source>得分</source>
      <translation>Score</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="263" />
      <source>按权重计分</source>
      <translation>By weights</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="264" />
      <source>按计分办法计分</source>
      <translation>By the point rule</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="270" />
      <source>考核期</source>
      <translation>Scoring period</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="272" />
      <source>计分方法</source>
      <translation>Scoring method</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="315" />
      <source>导出考核排名</source>
      <translation>Export scoring ranking</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="317" />
      <source>Excel 工作簿 (*.xlsx)</source>
      <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="334" />
      <source>已导出：{0}</source>
      <translation>Exported: {0}</translation>
    </message>
  </context>
  <context>
    <name>ReportDialog</name>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="71" />
      <source>生成报表</source>
      <translation>Generate report</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="75" />
      <source>月度报告</source>
      <translation>Monthly report</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="75" />
      <source>催办单</source>
      <translation>Reminder notice</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="75" />
      <source>工作台账</source>
      <translation>Work ledger</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="75" />
      <source>督查通报</source>
      <translation>Inspection bulletin</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="77" />
      <source>全部方案</source>
      <translation>All plans</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="91" />
      <source>全部单位</source>
      <translation>All units</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="94" />
      <source>领导简报（只含总体情况和逾期任务）</source>
      <translation>Leaders' brief (summary and overdue tasks only)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="95" />
      <source>不列已完成的任务</source>
      <translation>Leave out finished tasks</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="96" />
      <source>每个单位一个文件</source>
      <translation>One file per unit</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="97" />
      <source>只生成预览稿（不编文号、不记催办）</source>
      <translation>Preview only (no document number, no reminder recorded)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="102" />
      <source> 天</source>
      <translation> days</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="106" />
      <source>只出草稿（不取期号）</source>
      <translation>Draft only (no issue number taken)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="108" />
      <source>浏览…</source>
      <translation>Browse…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="114" />
      <source>报表类型</source>
      <translation>Report type</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="115" />
      <source>方案</source>
      <translation>Plan</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="116" />
      <source>报告月份</source>
      <translation>Report month</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="117" />
      <source>统计截止日期</source>
      <translation>Figures as of</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="118" />
      <source>责任单位</source>
      <translation>Responsible units</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="119" />
      <source>催办临期任务</source>
      <translation>Remind units of tasks nearing their deadline</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="120" />
      <source>选项</source>
      <translation>Options</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="124" />
      <source>下一步工作要求</source>
      <translation>Requirements for the next steps</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="126" />
      <source>保存到</source>
      <translation>Save to</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="133" />
      <source>生成</source>
      <translation>Generate</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="135" />
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="136" />
      <source>打开</source>
      <translation>Open</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="137" />
      <source>打印</source>
      <translation>Print</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="138" />
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="202" />
      <source>月度进展报告_{0}.pdf</source>
      <translation>monthly-progress-report_{0}.pdf</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="204" />
      <source>催办通知</source>
      <translation>Reminder notices</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="204" />
      <source>催办通知.pdf</source>
      <translation>reminder-notices.pdf</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="206" />
      <source>督查通报_{0}.pdf</source>
      <translation>Inspection bulletin_{0}.pdf</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="208" />
      <source>工作台账.xlsx</source>
      <translation>work-ledger.xlsx</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="215" />
      <source>选择保存催办通知的文件夹</source>
      <translation>Choose a folder for the reminder notices</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="220" />
      <source>Excel 工作簿 (*.xlsx)</source>
      <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="222" />
      <source>PDF 文件 (*.pdf);;Word 文档 (*.docx)</source>
      <translation>PDF file (*.pdf);;Word document (*.docx)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="223" />
      <source>保存为</source>
      <translation>Save as</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="307" />
      <source>正在汇总本月情况…</source>
      <translation>Gathering the month's figures…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="335" />
      <source>请选择保存位置。</source>
      <translation>Please choose where to save.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="338" />
      <source>催办单需选择一个方案。</source>
      <translation>A reminder notice needs a plan: please choose one.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="341" />
      <source>督查通报需选择一个方案。</source>
      <translation>Choose a plan for the inspection bulletin.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="344" />
      <source>请填写下一步工作要求。</source>
      <translation>Fill in the requirements for the next steps.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="348" />
      <source>正在生成…</source>
      <translation>Generating…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="361" />
      <source>正在取消…</source>
      <translation>Cancelling…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="371" />
      <source>已生成：{0}</source>
      <translation>Written: {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="378" />
      <source>已取消，未生成文件。</source>
      <translation>Cancelled; no file was written.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_dialog.py" line="396" />
      <source>本机没有可直接调用的打印命令，将打开文件，请在阅读器中打印。</source>
      <translation>This computer has no print command PlanDesk can call; the file will be opened so you can print it from the viewer.</translation>
    </message>
  </context>
  <context>
    <name>ReportingView</name>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="189" />
      <source>为未报送单位印发催报通知</source>
      <translation>Issue report reminders to units that have not reported</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="191" />
      <source>单位</source>
      <translation>Unit</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="191" />
      <source>应报</source>
      <translation>Due to report</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="191" />
      <source>已报</source>
      <translation>Reported</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="191" />
      <source>情况</source>
      <translation>Situation</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="194" />
      <source>报告期</source>
      <translation>Period</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="213" />
      <source>已报送</source>
      <translation>Reported</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="215" />
      <source>未报送 {0} 项</source>
      <translation>{0} not reported</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="222" />
      <source>{0} 个单位已全部报送，{1} 个单位未报送</source>
      <translation>{0} units have reported in full, {1} have not reported</translation>
    </message>
  </context>
  <context>
    <name>RestoreDialog</name>
    <message>
      <location filename="../../desktop/ui/restore_dialog.py" line="29" />
      <source>每日自动备份</source>
      <translation>Automatic daily backup</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/restore_dialog.py" line="30" />
      <source>导入前</source>
      <translation>Before import</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/restore_dialog.py" line="31" />
      <source>手动备份</source>
      <translation>Manual backup</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/restore_dialog.py" line="32" />
      <source>恢复前</source>
      <translation>Before restore</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/restore_dialog.py" line="33" />
      <source>修订前</source>
      <translation>Before revision</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/restore_dialog.py" line="34" />
      <source>损坏的数据库</source>
      <translation>Damaged database</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/restore_dialog.py" line="56" />
      <source>从备份恢复</source>
      <translation>Restore from backup</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/restore_dialog.py" line="59" />
      <source>备份时间</source>
      <translation>Backed up at</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/restore_dialog.py" line="59" />
      <source>原因</source>
      <translation>Reason</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/restore_dialog.py" line="59" />
      <source>大小</source>
      <translation>Size</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/restore_dialog.py" line="59" />
      <source>文件</source>
      <translation>File</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/restore_dialog.py" line="66" />
      <source>恢复所选备份</source>
      <translation>Restore the chosen backup</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/restore_dialog.py" line="68" />
      <source>从其他文件恢复…</source>
      <translation>Restore from another file…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/restore_dialog.py" line="69" />
      <source>立即备份</source>
      <translation>Back up now</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/restore_dialog.py" line="79" />
      <source>恢复会用所选备份替换当前数据库；被替换的数据库会先自动备份。</source>
      <translation>Restoring replaces the current database with the chosen backup; the replaced database is backed up first.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/restore_dialog.py" line="88" />
      <source>服务器数据库由服务器的备份工具备份和恢复。</source>
      <translation>A server database is backed up and restored with the server's own backup tools.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/restore_dialog.py" line="121" />
      <source>已备份到 {0}</source>
      <translation>Backed up to {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/restore_dialog.py" line="127" />
      <source>选择备份文件</source>
      <translation>Choose a backup file</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/restore_dialog.py" line="127" />
      <source>PlanDesk 数据库 (*.sqlite3 *.db);;所有文件 (*)</source>
      <translation>PlanDesk database (*.sqlite3 *.db);;All files (*)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/restore_dialog.py" line="163" />
      <source>正在恢复…</source>
      <translation>Restoring…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/restore_dialog.py" line="171" />
      <source>已恢复。被替换的数据库已备份。</source>
      <translation>Restored. The replaced database was backed up.</translation>
    </message>
  </context>
  <context>
    <name>RevisionDialog</name>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="60" />
      <source>应用</source>
      <translation>Apply</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="61" />
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="87" />
      <source>正在应用……</source>
      <translation>Applying…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="99" />
      <source>正在取消……</source>
      <translation>Cancelling…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="137" />
      <source>导入修订版：{0}</source>
      <translation>Import revision: {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="138" />
      <source>第{0}版 → 第{1}版。对应条目 {2} 条，新增 {3}，删除 {4}（其中归档 {5}），移动 {6}，改写 {7}。已有的分工和进展都保留在对应条目上。</source>
      <translation>Revision {0} → revision {1}. Matched items: {2}; added {3}, removed {4} (archived {5}), moved {6}, reworded {7}. Existing assignments and progress stay on the matched items.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="151" />
      <source>条目</source>
      <translation>Item</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="151" />
      <source>变化</source>
      <translation>Change</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="160" />
      <source>新增</source>
      <translation>Added</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="164" />
      <location filename="../../desktop/ui/exchange_dialogs.py" line="168" />
      <source>删除</source>
      <translation>Delete</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="168" />
      <source>有分工或进展，归档保留</source>
      <translation>Has assignments or progress; kept as archived</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="174" />
      <source>移动</source>
      <translation>Moved</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="176" />
      <source>改写</source>
      <translation>Reworded</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="177" />
      <source>重新编号</source>
      <translation>Renumbered</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="179" />
      <source>责任单位变化</source>
      <translation>Responsible units changed</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="199" />
      <source>指标</source>
      <translation>Indicators</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="201" />
      <source>两版内容一致，没有变化。</source>
      <translation>Both versions are identical; nothing changed.</translation>
    </message>
  </context>
  <context>
    <name>TimelinessPane</name>
    <message>
      <location filename="../../desktop/ui/supervision/timeliness_pane.py" line="79" />
      <source>导出报送台账…</source>
      <translation>Export reporting ledger…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/timeliness_pane.py" line="81" />
      <source>导出考核排名…</source>
      <translation>Export scoring ranking…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/timeliness_pane.py" line="84" />
      <location filename="../../desktop/ui/supervision/timeliness_pane.py" line="156" />
      <location filename="../../desktop/ui/supervision/timeliness_pane.py" line="86" />
      <source>单位</source>
      <translation>Unit</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/timeliness_pane.py" line="86" />
      <source>名次</source>
      <translation>Rank</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/timeliness_pane.py" line="86" />
      <source>得分</source>
      <translation>Score</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/timeliness_pane.py" line="93" />
      <source>日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/timeliness_pane.py" line="93" />
      <source>事项</source>
      <translation>Item</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/timeliness_pane.py" line="93" />
      <source>分值</source>
      <translation>Points</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/timeliness_pane.py" line="93" />
      <source>条目</source>
      <translation>Item</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/timeliness_pane.py" line="93" />
      <source>说明</source>
      <translation>Explanation</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/timeliness_pane.py" line="99" />
      <source>月份</source>
      <translation>Month</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/timeliness_pane.py" line="101" />
      <source>至</source>
      <translation>to</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/timeliness_pane.py" line="103" />
      <source>统计日期</source>
      <translation>As of</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/timeliness_pane.py" line="152" />
      <source>报送要求：{0}</source>
      <translation>Reporting rule: {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/timeliness_pane.py" line="156" />
      <source>按时</source>
      <translation>On time</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/timeliness_pane.py" line="156" />
      <source>迟报</source>
      <translation>Late</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/timeliness_pane.py" line="156" />
      <source>未报</source>
      <translation>Missing</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/timeliness_pane.py" line="169" />
      <source>应于 {0} 前报送；已报 {1}/{2} 项</source>
      <translation>Due by {0}; reported {1}/{2}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/timeliness_pane.py" line="204" />
      <source>报送台账.xlsx</source>
      <translation>reporting-ledger.xlsx</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/timeliness_pane.py" line="204" />
      <source>考核排名.xlsx</source>
      <translation>scoring-ranking.xlsx</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/timeliness_pane.py" line="205" />
      <source>导出</source>
      <translation>Export</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/timeliness_pane.py" line="205" />
      <source>Excel 工作簿 (*.xlsx)</source>
      <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/timeliness_pane.py" line="220" />
      <source>无法写入文件：{0}（{1}）</source>
      <translation>Cannot write the file: {0} ({1})</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/timeliness_pane.py" line="222" />
      <source>已导出：{0}</source>
      <translation>Exported: {0}</translation>
    </message>
  </context>
  <context>
    <name>UnitReportDialog</name>
    <message>
      <location filename="../../desktop/ui/unit_report_dialog.py" line="56" />
      <source>导入单位进展报告</source>
      <translation>Import a unit's progress report</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/unit_report_dialog.py" line="65" />
      <source>读取报告</source>
      <translation>Read report</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/unit_report_dialog.py" line="67" />
      <source>报告文件</source>
      <translation>Report file</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/unit_report_dialog.py" line="70" />
      <source>月份</source>
      <translation>Month</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/unit_report_dialog.py" line="73" />
      <source>报送单位</source>
      <translation>Reporting unit</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/unit_report_dialog.py" line="77" />
      <source>登记</source>
      <translation>Register</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/unit_report_dialog.py" line="78" />
      <source>报告段落</source>
      <translation>Passage</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/unit_report_dialog.py" line="79" />
      <source>对应任务</source>
      <translation>Task</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/unit_report_dialog.py" line="80" />
      <source>把握</source>
      <translation>Certainty</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/unit_report_dialog.py" line="81" />
      <source>完成%</source>
      <translation>Done %</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/unit_report_dialog.py" line="82" />
      <source>进展情况</source>
      <translation>Progress</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/unit_report_dialog.py" line="83" />
      <source>存在问题</source>
      <translation>Problems</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/unit_report_dialog.py" line="84" />
      <source>下步计划</source>
      <translation>Next steps</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/unit_report_dialog.py" line="92" />
      <source>请选择报送单位和月份，然后读取报告。未确认前不会登记任何内容。</source>
      <translation>Choose the reporting unit and month, then read the report. Nothing is recorded before you confirm.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/unit_report_dialog.py" line="98" />
      <source>登记所选进展</source>
      <translation>Record selected progress</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/unit_report_dialog.py" line="100" />
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/unit_report_dialog.py" line="127" />
      <source>共 {0} 段：{1} 段已对应到任务，{2} 段未对应（请选择任务或不登记）。请逐行核对后登记。</source>
      <translation>{0} passages: {1} matched to tasks, {2} unmatched (choose a task or leave unrecorded). Check each row before recording.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/unit_report_dialog.py" line="146" />
      <source>（不登记）</source>
      <translation>(do not record)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/unit_report_dialog.py" line="156" />
      <source>未对应</source>
      <translation>Unmatched</translation>
    </message>
  </context>
  <context>
    <name>Vocabulary</name>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="33" />
      <source>未开始</source>
      <translation>Not started</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="34" />
      <source>进行中</source>
      <translation>In progress</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="35" />
      <source>已完成</source>
      <translation>Done</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="36" />
      <source>已逾期</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="37" />
      <source>暂缓</source>
      <translation>Suspended</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="38" />
      <source>未分配</source>
      <translation>Unassigned</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="40" />
      <source>牵头</source>
      <translation>Lead</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="41" />
      <source>配合</source>
      <translation>Cooperating</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="43" />
      <source>国家</source>
      <translation>National</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="44" />
      <source>省级</source>
      <translation>Provincial</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="45" />
      <source>市级</source>
      <translation>City</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="46" />
      <source>区县</source>
      <translation>District</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="48" />
      <location filename="../../desktop/ui/vocabulary.py" line="347" />
      <source>方案</source>
      <translation>Plan</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="49" />
      <source>章</source>
      <translation>Chapter</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="50" />
      <source>节</source>
      <translation>Section</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="51" />
      <source>任务</source>
      <translation>Task</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="52" />
      <source>专栏</source>
      <translation>Box</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="53" />
      <location filename="../../desktop/ui/vocabulary.py" line="349" />
      <source>条目</source>
      <translation>Item</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="54" />
      <source>目标</source>
      <translation>Goal</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="55" />
      <source>保障措施</source>
      <translation>Measure</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="57" />
      <source>约束性</source>
      <translation>Binding</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="58" />
      <source>预期性</source>
      <translation>Expected</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="93" />
      <source>{0}（{1}）</source>
      <translation>{0} ({1})</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="102" />
      <source>领导批示件</source>
      <translation>Leaders' instructions</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="103" />
      <source>会议议定事项</source>
      <translation>Meeting decisions</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="104" />
      <source>建议提案</source>
      <translation>Proposals and motions</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="105" />
      <source>群众来信</source>
      <translation>Letters from the public</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="112" />
      <source>{0}年督办事项</source>
      <translation>Supervision items {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="117" />
      <source>提示</source>
      <translation>Notice</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="117" />
      <source>催办</source>
      <translation>Reminder</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="117" />
      <source>督办</source>
      <translation>Supervision</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="117" />
      <source>约谈</source>
      <translation>Interview</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="124" />
      <source>已交办</source>
      <translation>Assigned</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="125" />
      <source>已签收</source>
      <translation>Acknowledged</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="126" />
      <source>已反馈</source>
      <translation>Reported</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="127" />
      <location filename="../../desktop/ui/vocabulary.py" line="141" />
      <source>审核通过</source>
      <translation>Approved</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="128" />
      <source>已退回</source>
      <translation>Returned</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="129" />
      <source>已办结</source>
      <translation>Closed</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="130" />
      <source>已销号</source>
      <translation>Struck off</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="138" />
      <source>交办</source>
      <translation>Assign</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="139" />
      <source>签收</source>
      <translation>Acknowledge</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="140" />
      <source>反馈</source>
      <translation>Report</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="142" />
      <location filename="../../desktop/ui/vocabulary.py" line="329" />
      <source>退回</source>
      <translation>Return</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="143" />
      <source>办结</source>
      <translation>Close case</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="144" />
      <source>销号</source>
      <translation>Strike off</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="145" />
      <source>延期申请</source>
      <translation>Extension request</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="146" />
      <source>同意延期</source>
      <translation>Grant extension</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="147" />
      <source>不同意延期</source>
      <translation>Refuse extension</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="154" />
      <source>待审批</source>
      <translation>Pending</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="154" />
      <source>已同意</source>
      <translation>Granted</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="154" />
      <source>不同意</source>
      <translation>Refused</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="160" />
      <source>按时</source>
      <translation>On time</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="160" />
      <location filename="../../desktop/ui/vocabulary.py" line="168" />
      <source>迟报</source>
      <translation>Late</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="160" />
      <location filename="../../desktop/ui/vocabulary.py" line="169" />
      <source>未报</source>
      <translation>Missing</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="160" />
      <source>未到期</source>
      <translation>Not yet due</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="167" />
      <source>按时反馈</source>
      <translation>Reported on time</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="170" />
      <source>逾期</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="171" />
      <source>被退回</source>
      <translation>Returned</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="172" />
      <source>按期办结</source>
      <translation>Closed on time</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="173" />
      <source>逾期办结</source>
      <translation>Closed late</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="222" />
      <source>；</source>
      <translation>; </translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="242" />
      <source>未定期限</source>
      <translation>No deadline</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="243" />
      <source>今日到期</source>
      <translation>Due today</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="244" />
      <source>剩余0个工作日（截止日 {0} 为休息日）</source>
      <translation>0 working days left (the deadline {0} is a rest day)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="245" />
      <source>剩余0天（截止日 {0} 为休息日）</source>
      <translation>0 days left (the deadline {0} is a rest day)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="246" />
      <source>剩余{0}个工作日</source>
      <translation>{0} working day(s) left</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="247" />
      <source>剩余{0}天</source>
      <translation>{0} day(s) left</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="248" />
      <source>已逾期{0}个工作日</source>
      <translation>{0} working day(s) overdue</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="249" />
      <source>已逾期{0}天</source>
      <translation>{0} day(s) overdue</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="250" />
      <source>已过截止日期 {0}（其后均为休息日）</source>
      <translation>Past the deadline {0} (only rest days since)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="254" />
      <source>{0}（按周一至周五估算）</source>
      <translation>{0} (estimated as Monday to Friday)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="258" />
      <source>{0}个工作日</source>
      <translation>{0} working days</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="259" />
      <source>{0}天</source>
      <translation>{0} days</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="262" />
      <source>已逾期 {0} 天</source>
      <translation>{0} day(s) overdue</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="264" />
      <source>今天到期</source>
      <translation>Due today</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="265" />
      <source>距截止日期还有 {0} 天</source>
      <translation>{0} day(s) to the deadline</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="269" />
      <source>尚未报送进度</source>
      <translation>no progress reported yet</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="270" />
      <source>实际完成 {0}%</source>
      <translation>{0}% actually done</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="275" />
      <source>节点</source>
      <translation>checkpoint</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="279" />
      <source>{0}（截止日期 {1}）</source>
      <translation>{0} (deadline {1})</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="280" />
      <source>{0}（截止日期 {1}），完成 {2}%</source>
      <translation>{0} (deadline {1}), {2}% done</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="281" />
      <source>序时进度 {0}%，报告进度 {1}%，落后 {2} 个百分点</source>
      <translation>{0}% expected by now, {1}% reported: {2} points behind</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="282" />
      <source>本期（{0}）尚未报送进展</source>
      <translation>No progress reported for {0} yet</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="285" />
      <source>节点目标“{0}”未达成：{1} 前应完成 {2}%，{3}</source>
      <translation>Checkpoint “{0}” missed: {2}% was due by {1}, {3}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="292" />
      <source>每月{0}日前报送当月进展</source>
      <translation>each month's progress reported by day {0} of the month</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="293" />
      <source>次月{0}日前报送当月进展</source>
      <translation>each month's progress reported by day {0} of the next month</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="297" />
      <source>{0}（遇节假日顺延至下一个工作日）</source>
      <translation>{0} (moved to the next working day after a holiday)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="301" />
      <source>{0} {1}分/月</source>
      <translation>{0} {1} points/month</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="302" />
      <source>{0} {1}分/项</source>
      <translation>{0} {1} points/item</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="303" />
      <source>{0} {1}分/次</source>
      <translation>{0} {1} points/time</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="307" />
      <source>计分办法：{0}。报送以{1}为准；逾期按统计日仍未完成且已过截止日期计。</source>
      <translation>Scoring: {0}. On time means {1}; overdue: unfinished and past the deadline on the statistics day.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="313" />
      <source>计分办法（按权重）：按时反馈率×{0} + 办结率×{1} − 逾期 {2}分/项 − 被退回 {3}分/次，最低 0 分；按时报送：{4}；逾期按统计日仍未完成且已过截止日期计；本月应报而从未报送的单位排在报送过的单位之后，得分相同者名次并列。</source>
      <translation>Scoring (by weights): on-time reporting rate × {0} + completion rate × {1} − {2} points per overdue task − {3} points per returned report, at least 0; on time: {4}; overdue: unfinished and past the deadline on the statistics day; units that owed this month's report and never sent one rank after those that did; equal scores share a rank.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="324" />
      <source>{0} 应于 {1} 前报送，未报 {2} 项</source>
      <translation>{0} due by {1}, {2} not reported</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="325" />
      <source>{0} 应于 {1} 前报送，{2} 报送，迟 {3} 个工作日</source>
      <translation>{0} due by {1}, reported on {2}, {3} working day(s) late</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="326" />
      <source>{0} 于 {1} 报送（应于 {2} 前）</source>
      <translation>{0} reported on {1} (due by {2})</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="327" />
      <source>截止 {0}，未完成</source>
      <translation>Deadline {0}, not finished</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="328" />
      <source>截止 {0}</source>
      <translation>Deadline {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="348" />
      <source>单位</source>
      <translation>Unit</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="350" />
      <source>分工</source>
      <translation>Assignments</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="351" />
      <source>进展</source>
      <translation>Progress</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="352" />
      <source>指标</source>
      <translation>Indicators</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="353" />
      <source>指标值</source>
      <translation>Indicator values</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="354" />
      <source>修订原文</source>
      <translation>Revised texts</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="355" />
      <source>督办来源</source>
      <translation>Item sources</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="356" />
      <source>节点目标</source>
      <translation>Checkpoints</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/vocabulary.py" line="357" />
      <source>督查单</source>
      <translation>Supervision notices</translation>
    </message>
  </context>
  <context>
    <name>WarningsView</name>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="109" />
      <source>预警</source>
      <translation>Warnings</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="109" />
      <location filename="../../desktop/ui/supervision/tables.py" line="115" />
      <source>条目</source>
      <translation>Item</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="109" />
      <source>责任单位</source>
      <translation>Responsible units</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="109" />
      <source>规则</source>
      <translation>Rule</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="109" />
      <source>说明</source>
      <translation>Explanation</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="115" />
      <source>文件所列责任单位</source>
      <translation>Units named in the document</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="123" />
      <source>预警日期</source>
      <translation>Warning date</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="139" />
      <source>红色</source>
      <translation>Red</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="139" />
      <source>橙色</source>
      <translation>Orange</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="139" />
      <source>黄色</source>
      <translation>Yellow</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="141" />
      <source>逾期</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="142" />
      <source>本期未报送</source>
      <translation>Not reported this period</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="143" />
      <source>临近截止</source>
      <translation>Deadline near</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="144" />
      <source>序时进度滞后</source>
      <translation>Behind schedule</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="145" />
      <source>节点目标未达成</source>
      <translation>Checkpoint missed</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="162" />
      <source>文件未列单位</source>
      <translation>No unit named in the document</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="165" />
      <source>、</source>
      <translation>, </translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="168" />
      <source>未分工（{0} 项）</source>
      <translation>Unassigned ({0})</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/tables.py" line="172" />
      <source>红色 {0}　橙色 {1}　黄色 {2}　未分工 {3}</source>
      <translation>Red {0}　Orange {1}　Yellow {2}　Unassigned {3}</translation>
    </message>
  </context>
  <context>
    <name>WindowActions</name>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="57" />
      <source>生成报表…</source>
      <translation>Generate report…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="59" />
      <source>评估报告…</source>
      <translation>Evaluation report…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="61" />
      <source>导入方案修订版…</source>
      <translation>Import plan revision…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="63" />
      <source>导出进展反馈表…</source>
      <translation>Export progress workbooks…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="64" />
      <source>导入进展反馈表…</source>
      <translation>Import progress workbooks…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="66" />
      <source>导入单位进展报告…</source>
      <translation>Import Unit Progress Report…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="69" />
      <source>导出交换包…</source>
      <translation>Export exchange package…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="70" />
      <source>导入交换包…</source>
      <translation>Import exchange package…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="74" />
      <source>登记督办事项…</source>
      <translation>Register supervision item…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="75" />
      <source>导入放假安排…</source>
      <translation>Import holiday schedule…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="77" />
      <source>关账（冻结上月报表）…</source>
      <translation>Close month (freeze last month's report)…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="78" />
      <source>立即备份</source>
      <translation>Back up now</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="80" />
      <source>从备份恢复…</source>
      <translation>Restore from backup…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="82" />
      <source>操作记录</source>
      <translation>Change log</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="95" />
      <source>预警</source>
      <translation>Warnings</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="96" />
      <source>报送情况</source>
      <translation>Reporting</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="97" />
      <source>考核</source>
      <translation>Scoring</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="98" />
      <source>对接情况</source>
      <translation>Plan links</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="99" />
      <source>办理</source>
      <translation>Handling</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="136" />
      <source>已登记督办事项。</source>
      <translation>Supervision item registered.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="137" />
      <source>督办事项</source>
      <translation>Supervision items</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="142" />
      <source>报送台账</source>
      <translation>Reporting ledger</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="157" />
      <source>历史</source>
      <translation>History</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="178" />
      <location filename="../../desktop/ui/window_actions.py" line="465" />
      <source>请先选择一个方案。</source>
      <translation>Please choose a plan first.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="230" />
      <source>已取消，未写入任何数据。</source>
      <translation>Cancelled; no data was written.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="257" />
      <source>已生成：{0}</source>
      <translation>Written: {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="263" />
      <source>保存催报通知</source>
      <translation>Save report reminders</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="264" />
      <source>PDF 文件 (*.pdf)</source>
      <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="267" />
      <source>催报通知-{0}.pdf</source>
      <translation>report-reminders-{0}.pdf</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="274" />
      <source>正在生成催报通知…</source>
      <translation>Writing report reminders…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="278" />
      <source>已生成催报通知：{0}</source>
      <translation>Report reminders written: {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="285" />
      <source>选择修订后的方案文件</source>
      <translation>Choose the revised plan document</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="286" />
      <source>方案文件 (*.txt *.docx *.pdf *.ofd *.xlsx *.html *.htm);;所有文件 (*)</source>
      <translation>Plan documents (*.txt *.docx *.pdf *.ofd *.xlsx *.html *.htm);;All files (*)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="302" />
      <source>正在比对修订版…</source>
      <translation>Comparing with the revision…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="308" />
      <source>修订版已导入，原有分工和进展已保留。</source>
      <translation>The revision has been imported; existing assignments and progress were kept.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="315" />
      <source>选择保存进展反馈表的文件夹</source>
      <translation>Choose a folder for the progress workbooks</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="328" />
      <source>正在导出进展反馈表…</source>
      <translation>Exporting progress workbooks…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="331" />
      <source>已导出 {0} 份进展反馈表到 {1}</source>
      <translation>Exported {0} progress workbooks to {1}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="337" />
      <source>选择各单位交回的进展反馈表</source>
      <translation>Choose the progress workbooks returned by the units</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="338" />
      <source>Excel 工作簿 (*.xlsx)</source>
      <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="347" />
      <source>正在检查进展反馈表…</source>
      <translation>Checking the progress workbooks…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="356" />
      <source>进展反馈表已导入。</source>
      <translation>The progress workbooks have been imported.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="362" />
      <source>选择单位报送的进展情况报告</source>
      <translation>Choose the progress report a unit sent</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="363" />
      <source>单位报告 (*.docx *.pdf *.txt *.ofd *.html *.htm)</source>
      <translation>Unit reports (*.docx *.pdf *.txt *.ofd *.html *.htm)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="375" />
      <source>已按单位报告登记 {0} 条进展。</source>
      <translation>Recorded {0} progress entries from the unit's report.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="384" />
      <source>保存交换包</source>
      <translation>Save exchange package</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="385" />
      <source>PlanDesk 交换包 (*.pdpkg *.zip)</source>
      <translation>PlanDesk exchange package (*.pdpkg *.zip)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="398" />
      <source>正在导出交换包…</source>
      <translation>Exporting the exchange package…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="404" />
      <source>已导出交换包：{0}</source>
      <translation>Exchange package exported: {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="407" />
      <source>交换身份</source>
      <translation>Exchange identity</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="413" />
      <source>选择交换包</source>
      <translation>Choose an exchange package</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="414" />
      <source>PlanDesk 交换包 (*.pdpkg *.zip);;所有文件 (*)</source>
      <translation>PlanDesk exchange package (*.pdpkg *.zip);;All files (*)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="422" />
      <source>正在检查交换包…</source>
      <translation>Checking the exchange package…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="431" />
      <source>交换包已导入。</source>
      <translation>The exchange package has been imported.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="439" />
      <source>正在备份…</source>
      <translation>Backing up…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="441" />
      <source>已备份到：{0}</source>
      <translation>Backed up to: {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="458" />
      <source>已从备份恢复，被替换的数据库已另存为备份。</source>
      <translation>Restored from backup; the replaced database was saved as a backup.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="470" />
      <source>关账</source>
      <translation>Close month</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="471" />
      <source>关闭 {0} 月后，该月报表数据将被冻结，以后可原样重印，且不能再登记该月进展。关账不可撤销。确定关闭“{1}”的 {0} 月吗？</source>
      <translation>After closing month {0}, its report data is frozen and can be reprinted exactly as issued, and no more progress can be recorded for that month. Closing cannot be undone. Close month {0} of "{1}"?</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="491" />
      <source>正在关账…</source>
      <translation>Closing the month…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/window_actions.py" line="493" />
      <source>{0} 月已关账。</source>
      <translation>Month {0} is closed.</translation>
    </message>
  </context>
  <context>
    <name>WorkbookDialog</name>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="60" />
      <source>应用</source>
      <translation>Apply</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="61" />
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="87" />
      <source>正在应用……</source>
      <translation>Applying…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="99" />
      <source>正在取消……</source>
      <translation>Cancelling…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="220" />
      <source>导入进展反馈表</source>
      <translation>Import progress workbooks</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="221" />
      <source>共 {0} 个文件：{1} 个可导入，{2} 个有问题将整份退回。每个文件要么全部导入，要么不导入。</source>
      <translation>{0} files: {1} can be imported, {2} have problems and will be returned whole. Each file is imported completely or not at all.</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="224" />
      <source>文件 / 行</source>
      <translation>File / row</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="224" />
      <source>任务</source>
      <translation>Task</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="224" />
      <source>处理</source>
      <translation>Action</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="224" />
      <source>本月进展</source>
      <translation>Progress this month</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="224" />
      <source>完成%</source>
      <translation>Done %</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="228" />
      <source>新增</source>
      <translation>Added</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="228" />
      <source>更正</source>
      <translation>Correct</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="228" />
      <source>已导入过</source>
      <translation>Already imported</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="230" />
      <source>拒绝导入</source>
      <translation>Refused</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="230" />
      <source>可导入</source>
      <translation>Can be imported</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="236" />
      <source>第{0}行</source>
      <translation>Row {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="247" />
      <source>问题</source>
      <translation>Problem</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/exchange_dialogs.py" line="247" />
      <source>提示</source>
      <translation>Notice</translation>
    </message>
  </context>
  <context>
    <name>Worker</name>
    <message>
      <location filename="../../desktop/ui/workers.py" line="51" />
      <source>发生意外错误：{0}</source>
      <translation>Unexpected error: {0}</translation>
    </message>
  </context>
  <context>
    <name>WorkflowPanel</name>
    <message>
      <location filename="../../desktop/ui/supervision/workflow_panel.py" line="38" />
      <source>签收</source>
      <translation>Acknowledge</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/workflow_panel.py" line="39" />
      <source>审核通过</source>
      <translation>Approve</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/workflow_panel.py" line="40" />
      <source>退回</source>
      <translation>Return</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/workflow_panel.py" line="41" />
      <source>办结</source>
      <translation>Close case</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/workflow_panel.py" line="42" />
      <source>销号</source>
      <translation>Strike off</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/workflow_panel.py" line="63" />
      <source>时间</source>
      <translation>Time</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/workflow_panel.py" line="63" />
      <source>环节</source>
      <translation>Step</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/workflow_panel.py" line="63" />
      <source>状态变化</source>
      <translation>Status change</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/workflow_panel.py" line="63" />
      <source>办理人</source>
      <translation>Handled by</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/workflow_panel.py" line="63" />
      <source>说明</source>
      <translation>Explanation</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/workflow_panel.py" line="68" />
      <source>说明或退回理由</source>
      <translation>Note or reason for returning</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/workflow_panel.py" line="82" />
      <source>延期理由</source>
      <translation>Reason for extension</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/workflow_panel.py" line="83" />
      <source>申请延期</source>
      <translation>Request extension</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/workflow_panel.py" line="86" />
      <source>同意延期</source>
      <translation>Grant extension</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/workflow_panel.py" line="87" />
      <source>不同意</source>
      <translation>Refuse</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/workflow_panel.py" line="90" />
      <source>延期申请</source>
      <translation>Extension requests</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/workflow_panel.py" line="93" />
      <source>延期至</source>
      <translation>Extend to</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/workflow_panel.py" line="106" />
      <source>催办记录</source>
      <translation>Reminders sent</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/workflow_panel.py" line="110" />
      <source>添加佐证材料…</source>
      <translation>Add evidence…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/workflow_panel.py" line="112" />
      <source>打开</source>
      <translation>Open</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/workflow_panel.py" line="114" />
      <source>佐证材料（附在最近一条进展上）</source>
      <translation>Evidence (attached to the latest progress entry)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/workflow_panel.py" line="162" />
      <source>未选择分工记录</source>
      <translation>No assignment selected</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/workflow_panel.py" line="172" />
      <source>{0}　当前环节：{1}</source>
      <translation>{0}　Current step: {1}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/workflow_panel.py" line="176" />
      <source>截止日期：</source>
      <translation>Deadline:</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/workflow_panel.py" line="299" />
      <source>选择佐证材料</source>
      <translation>Choose evidence</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/supervision/workflow_panel.py" line="312" />
      <source>请先登记一条进展，再为它添加佐证材料。</source>
      <translation>Record a progress entry first, then add evidence to it.</translation>
    </message>
  </context>
</TS>
