#pragma once

#include "api/apierror.h"
#include "api/usagepage.h"
#include "api/usagequery.h"
#include "models/requestqueue.h"

#include <QObject>
#include <QStringList>

class ApiClient;

/// Asks the server for each character's totals over one filter: one `page_size=1` request per
/// character (only the totals are read), at most `maxInFlight` at a time so that fifty
/// characters do not open fifty connections or trip the server's throttle.
///
/// Answers carry the generation they were asked in; start() begins a new one and answers of an
/// older one are dropped before anyone sees them.
class CharacterTotalsFetcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CharacterTotalsFetcher)

public:
    static constexpr int DefaultMaxInFlight = 6;

    explicit CharacterTotalsFetcher(ApiClient *client, QObject *parent = nullptr);
    ~CharacterTotalsFetcher() override;

    void setMaxInFlight(int requests) { m_slugs.setMaxInFlight(requests); }
    [[nodiscard]] int maxInFlight() const { return m_slugs.maxInFlight(); }

    /// Cancels everything and begins a new generation for `filter` (its slug and page ignored).
    quint64 start(const UsageQuery &filter);
    /// Queues characters of the current generation; one already queued or in flight is not
    /// asked twice.
    void fetch(const QStringList &slugs);
    void cancel();

    [[nodiscard]] quint64 generation() const { return m_slugs.generation(); }
    [[nodiscard]] bool isBusy() const { return !m_slugs.isIdle(); }
    [[nodiscard]] int inFlightCount() const { return m_slugs.inFlightCount(); }
    /// Requests sent since construction.
    [[nodiscard]] quint64 requestCount() const { return m_slugs.requestCount(); }

Q_SIGNALS:
    void totalsReady(quint64 generation, const QString &slug, const UsageTotals &totals);
    void totalsFailed(quint64 generation, const QString &slug, const ApiError &error);
    /// Nothing queued or in flight any more for this generation.
    void idle(quint64 generation);

private:
    quint64 send(const QString &slug, quint64 generation);
    void onAnswer(quint64 generation, const QString &slug, Result<UsagePage> result);

    ApiClient *m_client;
    UsageQuery m_filter;
    RequestQueue<QString> m_slugs; ///< its generation is the fetcher's
};
