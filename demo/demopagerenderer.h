#pragma once

#include <QByteArray>
#include <QCache>
#include <QString>
#include <QUrlQuery>

#include <optional>

class DemoDataset;
class DemoRecordingSigner;
struct DemoCharacter;

/// Who is asking: decides which characters' sessions are visible.
struct DemoCaller
{
    int userId = 0;
    bool staff = false;
};

/// A parsed and validated /api/billing/usage/ query.
struct DemoUsageFilter
{
    QString characterSlug; ///< empty = any
    QString tenantId;      ///< empty = any
    std::optional<qint64> startMs;
    std::optional<qint64> endMs;
    int page = 1;
    int pageSize = 50;
    bool pageSizeGiven = false;

    /// Parses the query; on failure names the offending parameter and says why.
    static std::optional<DemoUsageFilter> parse(const QUrlQuery &query, QString *field,
                                                QString *message);
};

/// Fault-injection tweaks to a page; a default-constructed value renders the true page.
struct DemoPageTweaks
{
    bool wrongTypes = false;
    qint64 hugeTurnBytes = 0;
    qint64 paddingBytes = 0;
    std::optional<qint64> countOverride;
    bool repeatRows = false;
    QByteArray nextOverride;

    [[nodiscard]] bool isNone() const
    {
        return !wrongTypes && hugeTurnBytes == 0 && paddingBytes == 0 && !countOverride &&
               !repeatRows && nextOverride.isEmpty();
    }
};

/// Filters the dataset for a caller and renders envelope bytes, caching true pages.
class DemoPageRenderer
{
public:
    /// `cacheBytes` bounds the rendered pages kept (least recently used go first).
    DemoPageRenderer(const DemoDataset &dataset, const DemoRecordingSigner &signer,
                     qint64 cacheBytes = DefaultCacheBytes);
    static constexpr qint64 DefaultCacheBytes = 256 * 1024 * 1024;

    void setApiBaseUrl(const QByteArray &base) { m_apiBase = base; }

    enum class Outcome { Ok, PageNotFound };
    /// Renders the page (status 200) or reports a page past the last one.
    Outcome render(const DemoCaller &caller, const DemoUsageFilter &filter, qint64 nowSecs,
                   const DemoPageTweaks &tweaks, QByteArray *body);
    [[nodiscard]] bool sessionVisible(const DemoCaller &caller, int characterIndex) const;
    [[nodiscard]] int cachedPages() const { return int(m_cache.size()); }

private:
    [[nodiscard]] QByteArray pageUrl(const DemoUsageFilter &filter, int page) const;

    /// The rows a filter selects and their totals: computed once per filter, not per page.
    struct Selection
    {
        QList<int> rows;
        qint64 inTokens = 0, outTokens = 0, sttDs = 0, ttsChars = 0, costMicros = 0;
    };
    const Selection &select(const DemoCaller &caller, const DemoUsageFilter &filter);

    const DemoDataset &m_dataset;
    const DemoRecordingSigner &m_signer;
    QByteArray m_apiBase;
    /// Rendered true pages, least recently used evicted first. Bound: the constructor's
    /// cacheBytes (cost = KiB); the default 256 MiB holds every page of a 20,000-session set,
    /// so that serving a page is never what a client's measurement measures.
    QCache<QByteArray, QByteArray> m_cache;
    /// Bound: 32 filters; a selection of 100,000 sessions is 400 KB of row numbers.
    QCache<QByteArray, Selection> m_selections{32};
};
