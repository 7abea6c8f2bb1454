#include "app/gui/windowtranslator.h"

#include <QCoreApplication>
#include <QLibraryInfo>

namespace {
const QString Catalogue = QStringLiteral("sessionscope");
const QString Embedded = QStringLiteral(":/i18n");
} // namespace

WindowTranslator::WindowTranslator(const QLocale &locale)
{
    // The locale's languages in order of preference (LANGUAGE, then LANG on Linux); a language
    // with no catalogue falls back to the English one, whose only job is the plural forms.
    m_ownInstalled = m_own.load(locale, Catalogue, QStringLiteral("_"), Embedded) ||
                     m_own.load(Catalogue + QStringLiteral("_en"), Embedded);
    if (m_ownInstalled)
        QCoreApplication::installTranslator(&m_own);
    // Qt's own text: the buttons of message boxes, the file dialog. English needs none.
    m_qtInstalled = m_own.language() != u"en" &&
                    m_qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                              QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    if (m_qtInstalled)
        QCoreApplication::installTranslator(&m_qt);
}

WindowTranslator::~WindowTranslator()
{
    if (m_qtInstalled)
        QCoreApplication::removeTranslator(&m_qt);
    if (m_ownInstalled)
        QCoreApplication::removeTranslator(&m_own);
}

QString WindowTranslator::language() const
{
    return m_own.language();
}
