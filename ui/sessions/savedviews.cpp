#include "ui/sessions/savedviews.h"

namespace {
const QString Group = QStringLiteral("savedViews");
}

QStringList SavedViews::names() const
{
    m_settings.beginGroup(Group);
    QStringList names;
    // Group keys are percent-encoded by QSettings; the name lives inside each view.
    for (const QString &key : m_settings.childGroups())
        names.append(m_settings.value(key + QStringLiteral("/name")).toString());
    m_settings.endGroup();
    names.sort(Qt::CaseInsensitive);
    return names;
}

static QString keyFor(const QString &name)
{
    return QString::fromLatin1(name.toUtf8().toHex());
}

void SavedViews::save(const QString &name, const View &view)
{
    m_settings.beginGroup(Group + QLatin1Char('/') + keyFor(name));
    m_settings.setValue(QStringLiteral("name"), name);
    m_settings.setValue(QStringLiteral("filters"), view.filters);
    m_settings.setValue(QStringLiteral("columns"), view.columns);
    m_settings.endGroup();
}

std::optional<SavedViews::View> SavedViews::load(const QString &name) const
{
    m_settings.beginGroup(Group + QLatin1Char('/') + keyFor(name));
    std::optional<View> view;
    if (m_settings.contains(QStringLiteral("name")))
        view = View{m_settings.value(QStringLiteral("filters")).toMap(),
                    m_settings.value(QStringLiteral("columns")).toByteArray()};
    m_settings.endGroup();
    return view;
}

void SavedViews::remove(const QString &name)
{
    m_settings.remove(Group + QLatin1Char('/') + keyFor(name));
}
