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
    DemoPageRenderer(const DemoDataset &dataset, const DemoRecordingSigner &signer);

    void setApiBaseUrl(const QByteArray &base) { m_apiBase = base; }

    enum class Outcome { Ok, PageNotFound };
    /// Renders the page (status 200) or reports a page past the last one.
    Outcome render(const DemoCaller &caller, const DemoUsageFilter &filter, qint64 nowSecs,
                   const DemoPageTweaks &tweaks, QByteArray *body);
    [[nodiscard]] bool sessionVisible(const DemoCaller &caller, int characterIndex) const;
    [[nodiscard]] int cachedPages() const { return int(m_cache.size()); }

private:
    [[nodiscard]] QByteArray pageUrl(const DemoUsageFilter &filter, int page) const;

    const DemoDataset &m_dataset;
    const DemoRecordingSigner &m_signer;
    QByteArray m_apiBase;
    /// Rendered true pages, least recently used evicted first. Bound: 64 MiB of page bytes in
    /// total (cost = KiB), so even 200-row pages with long transcripts leave the process small.
    QCache<QByteArray, QByteArray> m_cache{64 * 1024};
};
