"""What leaders read and offices send out.

- ``report_data``: the reconciled figures of a month (one gathering behind the PDF, Word and the brief);
- ``monthly``: the monthly report written to PDF or Word;
- ``bulletin``: the 督查通报; ``notices``: 催办 / 催报 notices with their 文号;
- ``ledger``: the Excel 工作台账; ``snapshots``: closed months and trends;
- ``dashboard``: the 总览; ``fonts``: the fonts reports and the window use.
"""
