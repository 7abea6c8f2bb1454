#pragma once

#include "api/usagequery.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

class ApiClient;
class UsageCollector;

/// Which characters exist for the user, gathered from every source that knows: slugs seen in
/// sessions, the user's saved list, the server's character list (only with a JWT: the endpoint
/// belongs to signed-in users), and, when none of those knows any, one pass over the range's
/// sessions. Only ever grows, so rows keyed by slug stay stable.
class CharacterRoster final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CharacterRoster)

public:
    explicit CharacterRoster(ApiClient *client, QObject *parent = nullptr);
    ~CharacterRoster() override;

    void setSavedSlugs(const QStringList &slugs);
    [[nodiscard]] QStringList savedSlugs() const { return m_saved; }
    void addSeenSlugs(const QStringList &slugs);

    /// Asks the server's list when signed in with a JWT; then, if still no character is known,
    /// walks the sessions of `range` (tenant and dates only) once to find them.
    void discover(const UsageQuery &range);
    [[nodiscard]] bool isDiscovering() const { return m_discovering; }

    /// Every known slug, sorted.
    [[nodiscard]] QStringList slugs() const;
    [[nodiscard]] QHash<QString, QString> names() const { return m_names; }

Q_SIGNALS:
    /// New slugs or names became known.
    void changed();
    void discoveryFinished();

private:
    void add(const QStringList &slugs);
    void scanSessions();
    void endDiscovery();

    ApiClient *m_client;
    QStringList m_saved;
    QStringList m_known; ///< sorted, unique
    QHash<QString, QString> m_names;
    UsageQuery m_range;
    QPointer<UsageCollector> m_scan;
    bool m_discovering = false;
    quint64 m_generation = 0;
};
