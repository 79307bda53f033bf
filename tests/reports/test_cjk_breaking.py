"""Chinese line breaking: no line starts with closing punctuation or ends with an opening mark, and a number
stays with its unit (70%, 31天) on any width."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.reports.cjk_text import NUMBER_UNITS, Run, break_lines
from desktop.reports.fonts import register_report_font

NO_START = "，。、）」％"
NO_END = "（「"
word = st.one_of(
    st.sampled_from(["推进", "计量", "工作", "任务", "方案", "单位", "检测", "能力"]),
    st.builds(lambda n, u: f"{n}{u}", st.integers(0, 2026), st.sampled_from(["%", "％", "天", "项", "年"])),
)
# Words with the punctuation real text puts around them: （计量）, 「方案」, 任务，70%。
pieces = st.lists(
    st.builds(
        lambda opening, w, closing: opening + w + closing,
        st.sampled_from(["", "", "（", "「"]),
        word,
        st.sampled_from(["", "", "，", "。", "、", "）", "」", "），"]),
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(parts=pieces, width=st.floats(80, 300))
def test_lines_follow_the_rules(parts, width):
    font = register_report_font()
    text = "".join(parts)
    lines = ["".join(t for t, _, _ in line) for line in break_lines([Run(text, 10)], font, width, width)]
    assert "".join(lines) == text  # nothing lost or added
    for i, line in enumerate(lines):
        if i and line:
            assert line[0] not in NO_START, lines
        if i < len(lines) - 1 and line:
            assert line[-1] not in NO_END, lines
            following = lines[i + 1]
            if following and line[-1].isdigit():
                assert following[0] not in NUMBER_UNITS and not following[0].isdigit(), lines
