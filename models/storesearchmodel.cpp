#include "models/storesearchmodel.h"
#include "models/storebrowser.h"

#include <QDateTime>

StoreSearchModel::StoreSearchModel(StoreBrowser *browser, QObject *parent)
    : QAbstractListModel(parent)
    , m_browser(browser)
{
    connect(browser, &StoreBrowser::searchFinished, this,
            [this](const QString &text, const QList<TranscriptHit> &hits) {
                if (text != m_text)
                    return;
                beginResetModel();
                m_hits = hits;
                endResetModel();
                setStatus(Status::Ready);
            });
    connect(browser, &StoreBrowser::searchFailed, this,
            [this](const QString &text, const QString &message) {
                if (text != m_text)
                    return;
                m_error = message;
                setStatus(Status::Failed);
            });
}

int StoreSearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

QVariant StoreSearchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TranscriptHit &hit = m_hits.at(index.row());
    switch (role) {
    case Qt::AccessibleTextRole:
        // The snippet is painted under the place: a screen reader gets both.
        return data(index, Qt::DisplayRole).toString() + QStringLiteral(": ") + hit.snippet;
    case Qt::DisplayRole: {
        const qint64 at = qint64(hit.ts);
        const QString moment =
            QStringLiteral("%1:%2").arg(at / 60).arg(at % 60, 2, 10, QLatin1Char('0'));
        const QDateTime created = QDateTime::fromString(hit.createdAt, Qt::ISODateWithMs);
        return tr("%1 · %2 · turn %3 at %4 (%5)")
            .arg(hit.characterSlug,
                 created.isValid() ? created.toLocalTime().toString(QStringLiteral("yyyy-MM-dd "
                                                                                   "HH:mm"))
                                   : hit.createdAt)
            .arg(hit.turnIndex)
            .arg(moment, hit.role);
    }
    case Qt::ToolTipRole:
        return hit.text;
    case SnippetRole:
        return hit.snippet;
    case MatchStartRole:
        return qint64(hit.matchStart);
    case MatchLengthRole:
        return qint64(hit.matchLength);
    case SessionIdRole:
        return hit.sessionId;
    case SecondsRole:
        return hit.ts;
    case TurnIndexRole:
        return hit.turnIndex;
    default:
        return {};
    }
}

QHash<int, QByteArray> StoreSearchModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(SnippetRole, "snippet");
    names.insert(MatchStartRole, "matchStart");
    names.insert(MatchLengthRole, "matchLength");
    names.insert(SessionIdRole, "sessionId");
    names.insert(SecondsRole, "seconds");
    names.insert(TurnIndexRole, "turnIndex");
    return names;
}

bool StoreSearchModel::isTruncated() const
{
    return m_hits.size() >= StoreBrowser::SearchLimit;
}

void StoreSearchModel::search(const QString &text)
{
    m_text = text;
    m_error.clear();
    beginResetModel();
    m_hits.clear();
    endResetModel();
    setStatus(Status::Searching);
    m_browser->search(text);
}

void StoreSearchModel::setStatus(Status status)
{
    if (m_status == status)
        return;
    m_status = status;
    Q_EMIT statusChanged(status);
}
