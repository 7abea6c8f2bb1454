#pragma once

#include "store/transcriptindex.h"

#include <QAbstractListModel>

class StoreBrowser;

/// The turns a search of the whole store found, newest sessions first, one row each: which
/// session and moment (the display text) and the snippet around the match, as plain text with
/// the match's place in it (the view highlights it; nothing here is markup).
class StoreSearchModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreSearchModel)

public:
    enum Role {
        SnippetRole = Qt::UserRole + 1,
        MatchStartRole, ///< in the snippet; -1 when the match was not located
        MatchLengthRole,
        SessionIdRole,
        SecondsRole, ///< the turn's ts: seconds since the session started
        TurnIndexRole,
    };
    enum class Status { Idle, Searching, Ready, Failed };
    Q_ENUM(Status)

    explicit StoreSearchModel(StoreBrowser *browser, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] Status status() const { return m_status; }
    [[nodiscard]] QString text() const { return m_text; }
    [[nodiscard]] QString lastError() const { return m_error; }
    [[nodiscard]] const TranscriptHit &hit(int row) const { return m_hits.at(row); }
    /// The store stops at this many hits; a full list says there may be more.
    [[nodiscard]] bool isTruncated() const;

public Q_SLOTS:
    void search(const QString &text);

Q_SIGNALS:
    void statusChanged(StoreSearchModel::Status status);

private:
    void setStatus(Status status);

    StoreBrowser *m_browser;
    QList<TranscriptHit> m_hits;
    QString m_text;
    QString m_error;
    Status m_status = Status::Idle;
};
