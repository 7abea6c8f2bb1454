#pragma once

#include "api/apierror.h"
#include "api/sessionsummary.h"
#include "models/sessionsortindex.h"

#include <QObject>

class PageFetcher;

/// Gathers the sort keys of every row of the table's query, so that SessionTableModel can sort
/// locally: the whole set is walked once through PageFetcher::collectAll(), and a sort asked for
/// before every key is known waits here. A walk that fails, or delivers fewer sessions than the
/// server counts, is reported as such and its keys are dropped: a partial order is never
/// applied as if it were the whole list's.
///
/// It follows the model's generations: reset() forgets the keys of the previous query, and the
/// fetcher's answers of an older generation are dropped.
class SessionSortLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionSortLoader)

public:
    explicit SessionSortLoader(PageFetcher *fetcher, QObject *parent = nullptr);
    ~SessionSortLoader() override;

    /// A new generation of the table's query: the keys and a waiting sort are forgotten.
    void reset(quint64 generation);
    /// Every key is known without a walk (the set is empty).
    void markComplete() { m_complete = true; }
    /// Waits for every key before sorting by `column`, starting the walk unless one runs;
    /// `expected` is the number of rows the server counts.
    void request(int column, Qt::SortOrder order, qint64 expected);
    /// Drops the waiting sort, and the walk with it unless its keys are complete.
    void dropPending();
    /// Drops the waiting sort and forgets incomplete keys (the model cancels its loading).
    void cancel();

    [[nodiscard]] const SessionSortIndex &index() const { return m_index; }
    [[nodiscard]] bool isComplete() const { return m_complete; }
    [[nodiscard]] bool isPending() const { return m_pendingColumn >= 0; }

Q_SIGNALS:
    /// A page of the walk, to show at once if it is on screen.
    void pageCollected(int page, const QList<SessionSummary> &sessions);
    void progress(int pagesDone, int pageCount);
    void pendingChanged(bool pending);
    /// Every key is known: sort now (emitted before pendingChanged(false)).
    void ready(int column, Qt::SortOrder order);
    void failed(int column, Qt::SortOrder order, const ApiError &error);
    /// The walk failed while no sort was waiting for it.
    void walkFailed(const ApiError &error);

private:
    void onFinished(quint64 generation);
    void onFailed(const ApiError &error);

    PageFetcher *m_fetcher;
    SessionSortIndex m_index;
    quint64 m_generation = 0; ///< the model's, mirrored
    qint64 m_expected = 0;
    bool m_complete = false;
    bool m_rowsMoved = false; ///< a recovery pass found sessions that have no page
    int m_pendingColumn = -1;
    Qt::SortOrder m_pendingOrder = Qt::AscendingOrder;
};
