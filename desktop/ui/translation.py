"""Which language the window speaks, and the translators that make Qt speak it.

PlanDesk's sources are Simplified Chinese. Another language is a catalogue ``resources/i18n/plandesk_<lang>.ts``
(edited with Qt Linguist), compiled to ``.qm`` and loaded through Qt's own QTranslator. Qt looks a ``self.tr``
message up under the runtime class of ``self``, which for a subclass is not the class that wrote the string;
a second translator therefore answers by the message text alone when the compiled catalogue has no entry
under the context asked for. Qt's own dialogs and buttons follow with ``qtbase_<lang>.qm`` shipped by PySide6.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

SOURCE_LANGUAGE = "zh_CN"
# What the preferences offer; the names are shown in their own language, never translated.
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}  # i18n: keep


def catalogue_folder() -> Path:
    from ..resources import resource_path

    return Path(resource_path("i18n"))


def available_languages() -> list[str]:
    folder = catalogue_folder()
    return [SOURCE_LANGUAGE] + [
        lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE and (folder / f"plandesk_{lang}.qm").exists()
    ]


def choose_language(explicit: str | None = None, saved: str | None = None) -> str:
    """The command line wins, then the preference; otherwise Chinese, the offices' language, whatever the
    system's locale (an office PC set up in English still gets the Chinese window it was bought for)."""
    available = available_languages()
    for wanted in (explicit, saved):
        if not wanted:
            continue
        for lang in available:
            if wanted == lang or wanted.split("_")[0] == lang.split("_")[0]:
                return lang
    return SOURCE_LANGUAGE


class TextTranslator(QTranslator):
    """Answers by the message text alone, whatever the context (see the module's docstring)."""

    def __init__(self, messages: dict[str, str], parent: QCoreApplication | None = None) -> None:
        super().__init__(parent)
        self.messages = messages

    def translate(  # type: ignore[override]  # None is Qt's null string: "not mine, ask the next"
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return self.messages.get(source_text)

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return not self.messages


def read_catalogue(path: Path) -> dict[str, str]:
    """The finished translations of a .ts file, by source text."""
    out: dict[str, str] = {}
    if not path.exists():
        return out
    for message in ET.parse(path).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
            continue
        if translation.text:
            out.setdefault(message.findtext("source") or "", translation.text)
    return out


class QtGaps(QTranslator):
    """The few words of Qt's file dialog that qtbase_zh_CN does not translate."""

    WORDS = {
        ("QAbstractFileIconProvider", "Folder"): "文件夹",  # i18n: keep
        ("QAbstractFileIconProvider", "Drive"): "驱动器",  # i18n: keep
        ("QAbstractFileIconProvider", "File"): "文件",  # i18n: keep
        ("QFileSystemModel", "My Computer"): "我的电脑",  # i18n: keep
    }

    def translate(  # type: ignore[override]  # None: not ours, the next catalogue answers
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return self.WORDS.get((context, source))

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


_INSTALLED: list[QTranslator] = []


def remove_translators(app: QCoreApplication) -> None:
    """Take back what install_translators installed (switching language in one process)."""
    while _INSTALLED:
        app.removeTranslator(_INSTALLED.pop())


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install PlanDesk's catalogue for ``language`` and Qt's own, replacing an earlier language."""
    remove_translators(app)
    installed = _INSTALLED
    folder = catalogue_folder()
    if language != SOURCE_LANGUAGE:
        # Qt asks the translator installed last first: the compiled catalogue answers under the context asked
        # for (one Chinese word may be a button in one place and a state in another), the text alone after it.
        by_text = TextTranslator(read_catalogue(folder / f"plandesk_{language}.ts"), app)
        if not by_text.isEmpty():
            app.installTranslator(by_text)
            installed.append(by_text)
        compiled = QTranslator(app)
        if compiled.load(str(folder / f"plandesk_{language}.qm")):
            app.installTranslator(compiled)
            installed.append(compiled)
    # Installed last, asked first: Qt's own strings under Qt's contexts.
    qt = QTranslator(app)
    qt_name = "qtbase_zh_CN" if language == SOURCE_LANGUAGE else f"qtbase_{language}"
    if qt.load(qt_name, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
        if language == SOURCE_LANGUAGE:
            gaps = QtGaps(app)
            app.installTranslator(gaps)  # installed last, asked first; answers only what qtbase leaves out
            installed.append(gaps)
    # Dates, numbers and sizes in Qt's widgets (the file dialog's columns) follow the language too.
    QLocale.setDefault(QLocale("en_US" if language == "en" else language))
    return list(installed)
