"""The About dialog: version, licences of what the app is built on, and where it keeps files."""

import html

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from viber_desktop import __version__
from viber_desktop.services.paths import cache_dir, config_dir, data_dir
from viber_desktop.services.vault import SERVICE

LICENCES = (
    ("Qt", "LGPL-3.0 (via PySide6)"),
    ("PySide6-Essentials", "LGPL-3.0"),
    ("requests", "Apache-2.0"),
    ("keyring", "MIT"),
    ("pydantic", "MIT"),
    ("platformdirs", "MIT"),
)


def _version(dist: str) -> str:
    if dist == "Qt":
        return qVersion()
    if dist == "PySide6-Essentials":
        return pyside_version
    from importlib import metadata  # ~12 ms: only when the About box opens

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


def _t(text: str) -> str:
    return QCoreApplication.translate("AboutDialog", text)


def about_html() -> str:
    rows = "".join(
        f"<tr><td>{name}</td><td>{_version(name)}</td><td>{lic}</td></tr>" for name, lic in LICENCES
    )
    places = (
        (_t("Settings and profiles"), config_dir()),
        (_t("History, drafts, templates"), data_dir()),
        (_t("Cache"), cache_dir()),
    )
    where = "".join(
        f"<tr><td>{label}</td><td><code>{html.escape(str(path))}</code></td></tr>"
        for label, path in places
    )
    return (
        f"<h3>Viber Desktop Composer {__version__}</h3>"
        f"<p>{_t('Compose, check and send Viber bot messages. MIT licence.')}</p>"
        f"<p><b>{_t('Built on')}</b></p><table cellspacing='6'>{rows}</table>"
        f"<p><b>{_t('Where it keeps your files')}</b></p><table cellspacing='6'>{where}"
        f"<tr><td>{_t('Bot tokens')}</td><td>"
        + _t("system keyring, service {service}").format(service=f"<code>{SERVICE}</code>")
        + "</td></tr></table>"
    )


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Viber Desktop Composer"))
        self.text = QLabel(about_html())
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
