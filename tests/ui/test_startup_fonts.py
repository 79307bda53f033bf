"""The window finds a Chinese font by path alone, quickly, and Chinese text then has glyphs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from desktop.reports import fonts
from desktop.ui.qt_fonts import install_cjk_font


@pytest.fixture
def fresh_lookup() -> Iterator[None]:
    fonts._screen_search.cache_clear()
    yield
    fonts._screen_search.cache_clear()


def test_installed_font_shows_chinese(qapp: QApplication, fresh_lookup: None) -> None:
    family = install_cjk_font(qapp)
    assert family
    assert QFontMetrics(qapp.font()).inFont("中")


def test_usual_paths_come_before_asking_fontconfig(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fresh_lookup: None
) -> None:
    usual = tmp_path / "usual.ttc"
    usual.write_bytes(b"x")
    asked: list[bool] = []
    monkeypatch.setattr(fonts, "_usual_paths", lambda: [tmp_path / "missing.ttf", usual])
    monkeypatch.setattr(fonts, "_fc_list_paths", lambda: asked.append(True) or [])
    monkeypatch.delenv(fonts.FONT_ENV, raising=False)
    assert fonts.find_screen_font() == usual
    assert not asked, "fc-list runs only when no usual font file exists"


def test_fontconfig_is_the_last_resort_and_accepts_cff_fonts(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fresh_lookup: None
) -> None:
    otf = tmp_path / "NotoSansCJK-Regular.otf"
    otf.write_bytes(b"OTTO")
    monkeypatch.setattr(fonts, "_usual_paths", lambda: [])
    monkeypatch.setattr(fonts, "SCREEN_ONLY", {})
    monkeypatch.setattr(fonts, "_fc_list_paths", lambda: [tmp_path / "gone.ttf", otf])
    monkeypatch.delenv(fonts.FONT_ENV, raising=False)
    assert fonts.find_screen_font() == otf


def test_no_chinese_font_at_all_is_reported_as_none(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, fresh_lookup: None
) -> None:
    monkeypatch.setattr(fonts, "_usual_paths", lambda: [])
    monkeypatch.setattr(fonts, "SCREEN_ONLY", {})
    monkeypatch.setattr(fonts, "_fc_list_paths", lambda: [])
    monkeypatch.delenv(fonts.FONT_ENV, raising=False)
    assert install_cjk_font(qapp) is None


def test_the_users_font_variable_wins(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fresh_lookup: None
) -> None:
    chosen = tmp_path / "mine.otf"
    chosen.write_bytes(b"OTTO")
    monkeypatch.setenv(fonts.FONT_ENV, str(chosen))
    assert fonts.find_screen_font() == chosen
