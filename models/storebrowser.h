#pragma once

#include "models/storesessiontablemodel.h"
#include "store/storereader.h"

#include <QObject>

/// Everything the window reads from a store, behind one object: which store is open, its
/// session table, a stored session opened whole, transcript search, tags and notes, and the
/// time of the last sync. All of it runs on the StoreReader's thread; each kind of question
/// keeps only its latest ticket, so an answer to a question replaced since is dropped.
class StoreBrowser final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreBrowser)

public:
    static constexpr int SearchLimit = 500;

    explicit StoreBrowser(QObject *parent = nullptr);
    ~StoreBrowser() override;

    [[nodiscard]] StoreSessionTableModel *model() { return &m_model; }
    [[nodiscard]] bool isOpen() const { return m_reader.isOpen(); }
    /// The `--database` argument of the store open (or being opened); empty before any.
    [[nodiscard]] QString argument() const { return m_argument; }
    /// For people: the file, or the URL without its password.
    [[nodiscard]] QString displayName() const { return m_reader.location().displayName(); }

public Q_SLOTS:
    /// A SQLite path or a postgresql:// URL, as `--database` takes it. Ends with opened().
    void open(const QString &argument);
    /// The whole session (transcript, tags, note): sessionLoaded() or sessionFailed().
    /// `cueSeconds` travels with the answer (a search hit's moment; negative for none).
    void openSession(const QString &sessionId, double cueSeconds = -1);
    void search(const QString &text, const UsageQuery &filter = {});
    void addTag(const QString &sessionId, const QString &tag);
    void removeTag(const QString &sessionId, const QString &tag);
    void setNote(const QString &sessionId, const QString &text);
    void readLastSync();

Q_SIGNALS:
    /// `message` is the error when !ok.
    void opened(bool ok, const QString &message);
    void sessionLoaded(const StoreSessionDetail &session, double cueSeconds);
    void sessionFailed(const QString &sessionId, const QString &message);
    void searchFinished(const QString &text, const QList<TranscriptHit> &hits);
    void searchFailed(const QString &text, const QString &message);
    /// A tag or note of this session was saved (the table's tag filter may have changed).
    void reviewSaved(const QString &sessionId);
    void reviewFailed(const QString &message);
    /// -1 when the store was never synced.
    void lastSyncRead(qint64 micros);

private:
    void onFailed(quint64 ticket, const QString &error);

    StoreReader m_reader;
    StoreSessionTableModel m_model{&m_reader};
    QString m_argument;
    quint64 m_openTicket = 0;
    quint64 m_sessionTicket = 0;
    QString m_sessionId;
    double m_cue = -1;
    quint64 m_searchTicket = 0;
    QString m_searchText;
    quint64 m_syncTicket = 0;
    QSet<quint64> m_reviewTickets;
};
