#include "models/charactertotalsmodel.h"
#include "models/charactertotalsfetcher.h"
#include "reports/moneyformat.h"

#include <QLocale>

#include <algorithm>

namespace {
/// Money as the window writes it, every digit on hover, and the API's decimal string for export.
QString moneyText(Money amount, int role)
{
    if (role == Qt::DisplayRole)
        return MoneyFormat::text(amount);
    if (role == Qt::ToolTipRole)
        return MoneyFormat::exact(amount);
    return amount.toDecimalString();
}
} // namespace

CharacterTotalsModel::CharacterTotalsModel(CharacterTotalsFetcher *fetcher, QObject *parent)
    : QAbstractTableModel(parent)
    , m_fetcher(fetcher)
{
    m_flush.setSingleShot(true);
    m_flush.setInterval(0);
    connect(&m_flush, &QTimer::timeout, this, &CharacterTotalsModel::flushChanges);
    connect(m_fetcher, &CharacterTotalsFetcher::totalsReady, this, &CharacterTotalsModel::onTotals);
    connect(m_fetcher, &CharacterTotalsFetcher::totalsFailed, this,
            &CharacterTotalsModel::onFailed);
    connect(m_fetcher, &CharacterTotalsFetcher::idle, this, &CharacterTotalsModel::onIdle);
    m_fetcher->start(m_filter);
}

CharacterTotalsModel::~CharacterTotalsModel() = default;

int CharacterTotalsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CharacterTotalsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CharacterTotalsModel::columnUnit(Column column)
{
    switch (column) {
    case SessionsColumn:
        return QStringLiteral("sessions");
    case CostColumn:
    case CostPerSessionColumn:
        return QStringLiteral("USD");
    case LlmInputTokensColumn:
    case LlmOutputTokensColumn:
    case LlmTokensColumn:
        return QStringLiteral("tokens");
    case SttMinutesColumn:
        return QStringLiteral("minutes");
    case TtsCharactersColumn:
        return QStringLiteral("characters");
    default:
        return {};
    }
}

QVariant CharacterTotalsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == ExactRole) {
        // The names a script reads the exact figures by: the same in every language.
        static const char *const names[ColumnCount] = {
            "character",        "sessions",          "cost_usd",
            "llm_input_tokens", "llm_output_tokens", "llm_tokens",
            "stt_minutes",      "tts_characters",    "cost_per_session_usd"};
        return section >= 0 && section < ColumnCount ? QVariant(QLatin1String(names[section]))
                                                     : QVariant();
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CharacterColumn:
        return tr("Character");
    case SessionsColumn:
        return tr("Sessions");
    case CostColumn:
        return tr("Cost (USD)");
    case LlmInputTokensColumn:
        return tr("LLM input tokens");
    case LlmOutputTokensColumn:
        return tr("LLM output tokens");
    case LlmTokensColumn:
        return tr("LLM tokens");
    case SttMinutesColumn:
        return tr("STT minutes");
    case TtsCharactersColumn:
        return tr("TTS characters");
    case CostPerSessionColumn:
        return tr("Cost per session");
    default:
        return {};
    }
}

QVariant CharacterTotalsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const int column = index.column();
    if (role == SlugRole)
        return row.slug;
    if (role == LoadingRole)
        return !row.totals.has_value();
    if (role == ErrorRole || (role == Qt::ToolTipRole && !row.error.isEmpty()))
        return row.error;
    if (column == CharacterColumn) {
        if (role == Qt::DisplayRole)
            return displayName(row.slug);
        if (role == SortRole || role == ExactRole || role == Qt::ToolTipRole)
            return row.slug;
        return {};
    }
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (!row.totals)
        return role == Qt::DisplayRole ? QVariant(QStringLiteral("…")) : QVariant();
    const UsageTotals &t = *row.totals;
    // SortRole: the value in the column's unit, except money in integer micro-dollars.
    switch (role) {
    case SortRole:
        switch (column) {
        case SessionsColumn:
            return t.sessions;
        case CostColumn:
            return t.estimatedCost.micros();
        case LlmInputTokensColumn:
            return t.llmInputTokens;
        case LlmOutputTokensColumn:
            return t.llmOutputTokens;
        case LlmTokensColumn:
            return t.llmInputTokens + t.llmOutputTokens;
        case SttMinutesColumn:
            return t.sttAudioSeconds / 60.0;
        case TtsCharactersColumn:
            return t.ttsCharacters;
        case CostPerSessionColumn:
            return t.averageCostPerSession().micros();
        }
        return {};
    case ExactRole:
    case Qt::DisplayRole:
    case Qt::ToolTipRole: {
        const bool exact = role != Qt::DisplayRole;
        const QLocale locale;
        switch (column) {
        case SessionsColumn:
            return exact ? QString::number(t.sessions) : locale.toString(t.sessions);
        case CostColumn:
            return moneyText(t.estimatedCost, role);
        case LlmInputTokensColumn:
            return exact ? QString::number(t.llmInputTokens) : locale.toString(t.llmInputTokens);
        case LlmOutputTokensColumn:
            return exact ? QString::number(t.llmOutputTokens) : locale.toString(t.llmOutputTokens);
        case LlmTokensColumn: {
            const qint64 both = t.llmInputTokens + t.llmOutputTokens;
            return exact ? QString::number(both) : locale.toString(both);
        }
        case SttMinutesColumn:
            return exact ? QString::number(t.sttAudioSeconds, 'f', 1) + QStringLiteral(" s")
                         : locale.toString(t.sttAudioSeconds / 60.0, 'f', 1);
        case TtsCharactersColumn:
            return exact ? QString::number(t.ttsCharacters) : locale.toString(t.ttsCharacters);
        case CostPerSessionColumn:
            return moneyText(t.averageCostPerSession(), role);
        }
        return {};
    }
    default:
        return {};
    }
}

QString CharacterTotalsModel::keyOf(const QString &tenantId, const UtcRange &range)
{
    const auto bound = [](const std::optional<qint64> &v) {
        return v ? QString::number(*v) : QStringLiteral("-");
    };
    return tenantId + QLatin1Char('|') + bound(range.startMicros) + QLatin1Char('|') +
           bound(range.endMicros);
}

CharacterTotalsModel::CacheEntry &CharacterTotalsModel::currentEntry()
{
    const QString key = keyOf(m_filter.tenantId, m_filter.range);
    const auto it = std::find_if(m_cache.begin(), m_cache.end(),
                                 [&](const CacheEntry &e) { return e.key == key; });
    if (it == m_cache.end()) {
        m_cache.prepend({key, {}});
        while (m_cache.size() > CacheBound)
            m_cache.removeLast();
    } else if (it != m_cache.begin()) {
        CacheEntry entry = std::move(*it);
        m_cache.erase(it);
        m_cache.prepend(std::move(entry));
    }
    return m_cache.first();
}

void CharacterTotalsModel::setFilter(const QString &tenantId, const UtcRange &range)
{
    m_filter.tenantId = tenantId;
    m_filter.range = range;
    m_fetcher->start(m_filter);
    const CacheEntry &entry = currentEntry();
    for (Row &row : m_rows) {
        const auto it = entry.totals.constFind(row.slug);
        row.totals = it == entry.totals.cend() ? std::nullopt : std::optional(*it);
        row.error.clear();
    }
    m_changedRows.clear();
    m_flush.stop();
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    m_lastError.reset();
    fetchMissing();
}

void CharacterTotalsModel::addCharacters(const QStringList &slugs)
{
    QStringList added;
    for (const QString &slug : slugs) {
        if (slug.isEmpty())
            continue;
        if (!m_known.contains(slug))
            m_known.append(slug);
        if ((m_only.isEmpty() || slug == m_only) && rowOf(slug) < 0 && !added.contains(slug))
            added.append(slug);
    }
    const CacheEntry &entry = currentEntry();
    for (const QString &slug : std::as_const(added)) {
        const auto at = std::lower_bound(m_rows.begin(), m_rows.end(), slug,
                                         [](const Row &r, const QString &s) { return r.slug < s; });
        const int row = int(at - m_rows.begin());
        beginInsertRows({}, row, row);
        const auto cached = entry.totals.constFind(slug);
        m_rows.insert(
            row, {slug, cached == entry.totals.cend() ? std::nullopt : std::optional(*cached), {}});
        endInsertRows();
    }
    // Rows moved: pending changes would name the wrong rows, so they are all refreshed.
    if (!added.isEmpty() && !m_changedRows.isEmpty()) {
        for (int i = 0; i < m_rows.size(); ++i)
            m_changedRows.insert(i);
    }
    fetchMissing();
}

void CharacterTotalsModel::setDisplayNames(const QHash<QString, QString> &names)
{
    m_names = names;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, CharacterColumn), index(rowCount() - 1, CharacterColumn),
                           {Qt::DisplayRole});
}

void CharacterTotalsModel::refresh()
{
    currentEntry().totals.clear();
    setFilter(m_filter.tenantId, m_filter.range);
}

void CharacterTotalsModel::setOnlyCharacter(const QString &slug)
{
    if (slug == m_only)
        return;
    m_only = slug;
    beginResetModel();
    m_rows.clear();
    m_changedRows.clear();
    endResetModel();
    addCharacters(m_only.isEmpty() ? m_known : QStringList{m_only});
}

QStringList CharacterTotalsModel::slugs() const
{
    QStringList out;
    out.reserve(m_rows.size());
    for (const Row &row : m_rows)
        out.append(row.slug);
    return out;
}

int CharacterTotalsModel::rowOf(const QString &slug) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).slug == slug)
            return i;
    }
    return -1;
}

std::optional<UsageTotals> CharacterTotalsModel::totals(const QString &slug) const
{
    const int row = rowOf(slug);
    return row < 0 ? std::nullopt : m_rows.at(row).totals;
}

QString CharacterTotalsModel::displayName(const QString &slug) const
{
    const QString name = m_names.value(slug);
    return name.isEmpty() ? slug : name;
}

UsageTotals CharacterTotalsModel::sum() const
{
    UsageTotals sum;
    for (const Row &row : m_rows) {
        if (!row.totals)
            continue;
        sum.sessions += row.totals->sessions;
        sum.llmInputTokens += row.totals->llmInputTokens;
        sum.llmOutputTokens += row.totals->llmOutputTokens;
        sum.sttAudioSeconds += row.totals->sttAudioSeconds;
        sum.ttsCharacters += row.totals->ttsCharacters;
        sum.estimatedCost += row.totals->estimatedCost;
    }
    return sum;
}

void CharacterTotalsModel::fetchMissing()
{
    QStringList missing;
    for (const Row &row : std::as_const(m_rows)) {
        if (!row.totals)
            missing.append(row.slug);
    }
    if (missing.isEmpty()) {
        if (!m_fetcher->isBusy())
            setStatus(m_rows.isEmpty() ? Status::Idle : Status::Ready);
        return;
    }
    setStatus(Status::Loading);
    m_fetcher->fetch(missing);
}

void CharacterTotalsModel::onTotals(quint64 generation, const QString &slug,
                                    const UsageTotals &totals)
{
    if (generation != m_fetcher->generation())
        return;
    currentEntry().totals.insert(slug, totals);
    const int row = rowOf(slug);
    if (row < 0)
        return;
    m_rows[row].totals = totals;
    m_rows[row].error.clear();
    markChanged(row);
}

void CharacterTotalsModel::onFailed(quint64 generation, const QString &slug, const ApiError &error)
{
    if (generation != m_fetcher->generation())
        return;
    m_lastError = error;
    const int row = rowOf(slug);
    if (row < 0)
        return;
    m_rows[row].error = error.toDisplayString();
    markChanged(row);
}

void CharacterTotalsModel::onIdle(quint64 generation)
{
    if (generation != m_fetcher->generation())
        return;
    flushChanges();
    setStatus(m_lastError ? Status::Failed : Status::Ready);
}

void CharacterTotalsModel::markChanged(int row)
{
    m_changedRows.insert(row);
    m_flush.start();
}

void CharacterTotalsModel::flushChanges()
{
    // One dataChanged per event-loop turn, spanning the rows that changed in it.
    m_flush.stop();
    if (m_changedRows.isEmpty())
        return;
    const auto [low, high] = std::minmax_element(m_changedRows.cbegin(), m_changedRows.cend());
    const int first = *low, last = qMin(*high, rowCount() - 1);
    m_changedRows.clear();
    if (first <= last)
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

void CharacterTotalsModel::setStatus(Status status)
{
    if (m_status == status)
        return;
    m_status = status;
    Q_EMIT statusChanged(status);
}
