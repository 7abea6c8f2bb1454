#pragma once

#include <QLocale>
#include <QTranslator>

/// The window's language, installed on the application (which must exist) for as long as
/// this object lives: Sessionscope's
/// own catalogue for the locale (embedded under :/i18n) and Qt's for its standard dialogs and
/// buttons, where the system has it (Debian: qt6-translations-l10n).
///
/// Only the window is translated. The command line never installs one: its output is read by
/// scripts and its --help is checked against the man page, so it stays English everywhere.
///
/// A language without a catalogue of its own reads English, with the English plural forms
/// ("1 session", "2 sessions"), as does the C locale.
class WindowTranslator
{
public:
    explicit WindowTranslator(const QLocale &locale = QLocale());
    ~WindowTranslator();
    WindowTranslator(const WindowTranslator &) = delete;
    WindowTranslator &operator=(const WindowTranslator &) = delete;

    /// The catalogue in use, as a language name ("de", "en").
    [[nodiscard]] QString language() const;
    /// Whether Qt's own translation for the locale was found and installed.
    [[nodiscard]] bool hasQtTranslation() const { return m_qtInstalled; }

private:
    QTranslator m_own;
    QTranslator m_qt;
    bool m_ownInstalled = false;
    bool m_qtInstalled = false;
};
