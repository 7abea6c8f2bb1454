#pragma once

#include <QByteArray>
#include <QSettings>
#include <QStringList>
#include <QVariantMap>

#include <optional>

/// Named filter sets with their column layout, kept in the settings file (no secrets in it).
/// Taking the QSettings by reference lets tests use a file of their own.
class SavedViews
{
public:
    struct View
    {
        QVariantMap filters; ///< FilterBar::saveState()
        QByteArray columns;  ///< QHeaderView::saveState()
    };

    explicit SavedViews(QSettings &settings)
        : m_settings(settings)
    {}

    [[nodiscard]] QStringList names() const;
    void save(const QString &name, const View &view);
    [[nodiscard]] std::optional<View> load(const QString &name) const;
    void remove(const QString &name);

private:
    QSettings &m_settings;
};
