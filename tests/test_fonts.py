"""A Chinese TrueType font is found for reports, or the user is told exactly what to install."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.errors import PlanDeskError
from desktop.reports import fonts


def test_finds_an_embeddable_chinese_font() -> None:
    choice = fonts.find_cjk_font()
    assert choice.path.suffix.lower() in (".ttf", ".ttc")
    assert fonts.embeddable(choice.path)


def test_unusable_choice_and_no_font_give_install_advice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    otf = tmp_path / "NotoSansCJK-Regular.otf"
    otf.write_bytes(b"OTTO" + b"\0" * 100)
    with pytest.raises(PlanDeskError, match="无法嵌入"):
        fonts.find_cjk_font(otf)
    monkeypatch.setattr(fonts, "_candidate_paths", lambda: [otf])
    fonts._search.cache_clear()
    try:
        with pytest.raises(PlanDeskError) as err:
            fonts.find_cjk_font()
        assert "fonts-wqy-microhei" in err.value.message and "msyh.ttc" in err.value.message
    finally:
        fonts._search.cache_clear()
