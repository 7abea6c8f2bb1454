#pragma once

#include "api/apierror.h"
#include "api/usagepage.h"
#include "api/usagequery.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QTimer>

#include <optional>

class CharacterTotalsFetcher;

/// The server's totals of every known character for the current filter (tenant and range), one
/// row per character. Charts and tables read this model; only its CharacterTotalsFetcher talks
/// to the server.
///
/// Answers are cached per filter, so that going back to a range already seen shows it at once;
/// refresh() asks again. The cache keeps the most recent CacheBound filters.
class CharacterTotalsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CharacterTotalsModel)

public:
    static constexpr int CacheBound = 16;

    enum Column {
        CharacterColumn,
        SessionsColumn,
        CostColumn,
        LlmInputTokensColumn,
        LlmOutputTokensColumn,
        LlmTokensColumn, ///< input and output together, as the chart stacks them
        SttMinutesColumn,
        TtsCharactersColumn,
        CostPerSessionColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role {
        SortRole = Qt::UserRole + 1, ///< raw number (micro-dollars for money, seconds for STT)
        SlugRole,
        LoadingRole, ///< true until the character's totals arrived for this filter
        ErrorRole,   ///< the character's last error as text; empty when none
        ExactRole,   ///< the exact value as text, for tooltips and CSV
    };
    enum class Status { Idle, Loading, Ready, Failed };
    Q_ENUM(Status)

    explicit CharacterTotalsModel(CharacterTotalsFetcher *fetcher, QObject *parent = nullptr);
    ~CharacterTotalsModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// Switches to another tenant and range: cached characters show at once, others are asked.
    void setFilter(const QString &tenantId, const UtcRange &range);
    [[nodiscard]] const UsageQuery &filter() const { return m_filter; }
    /// Adds characters not yet known (rows are kept sorted by slug); existing rows stay.
    void addCharacters(const QStringList &slugs);
    /// Shows only this character's row (the session list's character filter); empty shows
    /// every known character again.
    void setOnlyCharacter(const QString &slug);
    [[nodiscard]] QString onlyCharacter() const { return m_only; }
    void setDisplayNames(const QHash<QString, QString> &names);
    /// Forgets the cached answers of the current filter and asks again.
    void refresh();

    [[nodiscard]] QStringList slugs() const;
    [[nodiscard]] int rowOf(const QString &slug) const;
    [[nodiscard]] std::optional<UsageTotals> totals(const QString &slug) const;
    [[nodiscard]] QString displayName(const QString &slug) const;
    /// Sum of the loaded rows (exact for money and counts).
    [[nodiscard]] UsageTotals sum() const;
    [[nodiscard]] Status status() const { return m_status; }
    [[nodiscard]] bool isLoading() const { return m_status == Status::Loading; }
    [[nodiscard]] std::optional<ApiError> lastError() const { return m_lastError; }

    [[nodiscard]] static QString columnUnit(Column column);

Q_SIGNALS:
    void statusChanged(CharacterTotalsModel::Status status);

private:
    struct Row
    {
        QString slug;
        std::optional<UsageTotals> totals;
        QString error;
    };
    struct CacheEntry
    {
        QString key;
        QHash<QString, UsageTotals> totals;
    };

    [[nodiscard]] static QString keyOf(const QString &tenantId, const UtcRange &range);
    [[nodiscard]] CacheEntry &currentEntry();
    void fetchMissing();
    void onTotals(quint64 generation, const QString &slug, const UsageTotals &totals);
    void onFailed(quint64 generation, const QString &slug, const ApiError &error);
    void onIdle(quint64 generation);
    void markChanged(int row);
    void flushChanges();
    void setStatus(Status status);

    CharacterTotalsFetcher *m_fetcher;
    UsageQuery m_filter;
    QList<Row> m_rows;
    QStringList m_known; ///< every character added, shown or not
    QString m_only;      ///< when set, the one character shown
    QHash<QString, QString> m_names;
    QList<CacheEntry> m_cache; ///< most recent first, at most CacheBound
    Status m_status = Status::Idle;
    std::optional<ApiError> m_lastError;
    QSet<int> m_changedRows;
    QTimer m_flush;
};
