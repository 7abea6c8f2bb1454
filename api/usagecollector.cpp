#include "api/usagecollector.h"

#include <QDateTime>

#include <QCoreApplication>
#include <algorithm>
#include <climits>
#include <memory>
#include <utility>

namespace {
/// "1, 3-7, 9": sorted pages with runs folded, so that "every page" stays one line.
QString pageList(const QList<int> &pages)
{
    QStringList parts;
    for (qsizetype i = 0; i < pages.size();) {
        qsizetype j = i;
        while (j + 1 < pages.size() && pages.at(j + 1) == pages.at(j) + 1)
            ++j;
        parts.append(j == i ? QString::number(pages.at(i))
                            : QStringLiteral("%1-%2").arg(pages.at(i)).arg(pages.at(j)));
        i = j + 1;
    }
    return parts.join(QStringLiteral(", "));
}

/// The first few problems, and how many more: a server that repeats rows on every page of a
/// large set should not produce a message of a thousand lines.
QString problemList(const QStringList &problems)
{
    constexpr qsizetype Shown = 8;
    QString text = problems.mid(0, Shown).join(QStringLiteral("; "));
    if (problems.size() > Shown)
        text += QCoreApplication::translate("UsageCollector", "; and %1 more")
                    .arg(problems.size() - Shown);
    return text;
}
} // namespace

UsageCollector::UsageCollector(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

UsageCollector::~UsageCollector()
{
    cancel();
}

void UsageCollector::start(const UsageQuery &query)
{
    cancel();
    m_query = query;
    if (!m_query.range.endMicros)
        m_query.range.endMicros = QDateTime::currentMSecsSinceEpoch() * 1000;
    m_running = true;
    m_pass = 0;
    m_pageCount = 0;
    m_seen.clear();
    m_troubled.clear();
    m_repeatedPages.clear();
    m_summary = {};
    // Page 1 says how many pages there are; onPageOne adds them to this pass.
    startPass({1});
}

void UsageCollector::cancel()
{
    ++m_generation;
    const auto ids = std::exchange(m_inFlight, {});
    for (const auto id : ids)
        m_client->cancel(id);
    m_waiting.clear();
    m_running = false;
}

void UsageCollector::startPass(QList<int> pages)
{
    m_pages = std::move(pages);
    m_nextToRequest = 0;
    m_nextToDeliver = 0;
    m_waiting.clear();
    requestMore();
}

void UsageCollector::requestMore()
{
    while (m_nextToRequest < m_pages.size() && m_inFlight.size() < m_maxInFlight &&
           m_nextToRequest < m_nextToDeliver + 2 * m_maxInFlight)
        request(m_nextToRequest++);
}

void UsageCollector::request(int index)
{
    const quint64 generation = m_generation;
    const int page = m_pages.at(index);
    // The callback never runs before fetchUsage returns (see ApiClient), so the id is known.
    auto id = std::make_shared<ApiClient::RequestId>(0);
    *id = m_client->fetchUsage(m_query.atPage(page), this,
                               [this, generation, index, page, id](Result<UsagePage> result) {
                                   m_inFlight.remove(*id);
                                   onPage(generation, index, page, std::move(result));
                               });
    m_inFlight.insert(*id);
}

void UsageCollector::onPage(quint64 generation, int index, int page, Result<UsagePage> result)
{
    if (generation != m_generation || !m_running)
        return;
    Answer answer;
    answer.page = page;
    if (!result) {
        const ApiError &error = result.error();
        // A later page that answers 404 says the set looked shorter than page 1 said, and one
        // that does not decode may decode when asked again: both are for the recovery passes.
        // Page 1 carries the totals that the whole walk is checked against, so without it there
        // is nothing to recover towards.
        const bool recoverable = page > 1 && (error.kind == ApiError::Kind::NotFound ||
                                              error.kind == ApiError::Kind::MalformedResponse);
        if (!recoverable) {
            ApiError located = error;
            if (page > 1)
                located.message =
                    tr("Page %1 of %2: %3").arg(page).arg(m_pageCount).arg(error.message);
            fail(located);
            return;
        }
        answer.problem = error.kind == ApiError::Kind::NotFound
                             ? tr("page %1 answered 404").arg(page)
                             : tr("page %1 did not decode (%2)").arg(page).arg(error.message);
    } else {
        if (page == 1)
            onPageOne(result.value());
        answer.sessions = std::move(result.value().sessions);
    }
    m_waiting.emplace(index, std::move(answer));
    deliverReady();
    if (m_running)
        requestMore();
}

void UsageCollector::onPageOne(const UsagePage &data)
{
    m_summary.serverTotals = data.totals;
    m_summary.serverCount = data.count;
    const qint64 pageSize = qMax(1, qMin(m_query.pageSize, int(UsageQuery::MaxPageSize)));
    // pagination.count and total_sessions describe the same set. When they disagree, walk the
    // pages the larger one implies: pages past the real end answer 404, which costs a request,
    // while trusting a count that is too low would leave sessions out.
    const qint64 expected = qMax(data.count, data.totals.sessions);
    const int pageCount =
        int(qBound(qint64(1), (expected + pageSize - 1) / pageSize, qint64(INT_MAX / 2)));
    // A set that grew since the last look has rows on pages past the old end.
    for (int page = qMax(m_pageCount, 1) + 1; page <= pageCount; ++page)
        m_pages.append(page);
    m_pageCount = qMax(m_pageCount, pageCount);
    // The duplicate check holds every session of the set: grown once, not rehashed page by page
    // (up to a size any real set fits in, whatever count a server claims).
    if (m_pass == 0)
        m_seen.reserve(qsizetype(qMin<qint64>(expected, 1 << 20)));
    if (m_pass == 0)
        Q_EMIT started(data.totals, data.count, m_pageCount);
}

void UsageCollector::deliverReady()
{
    while (m_running && !m_waiting.empty() && m_waiting.begin()->first == m_nextToDeliver) {
        Answer answer = std::move(m_waiting.begin()->second);
        m_waiting.erase(m_waiting.begin());
        ++m_nextToDeliver;
        deliver(std::move(answer));
    }
    if (m_running && m_nextToDeliver == m_pages.size())
        finishPass();
}

void UsageCollector::deliver(Answer answer)
{
    if (!answer.problem.isEmpty()) {
        m_troubled.insert_or_assign(answer.page, answer.problem);
    } else {
        // A page that failed before and answers now is no longer in question. One that repeated
        // rows in the first walk keeps its note: asked again, any page repeats known rows.
        if (m_pass > 0 && !m_repeatedPages.contains(answer.page))
            m_troubled.erase(answer.page);
        ++m_summary.pages;
        // A server whose rows shift or repeat must not produce a session twice. Repeats are
        // rare: the page is handed on as decoded, and only a page with repeats is rewritten.
        QList<SessionSummary> &sessions = answer.sessions;
        QList<qsizetype> repeats;
        for (qsizetype i = 0; i < sessions.size(); ++i) {
            const qsizetype before = m_seen.size();
            m_seen.insert(sessions.at(i).sessionId);
            if (m_seen.size() == before)
                repeats.append(i);
            else
                countIn(sessions.at(i));
        }
        for (auto it = repeats.crbegin(); it != repeats.crend(); ++it)
            sessions.removeAt(*it);
        if (m_pass == 0)
            m_summary.duplicatesDropped += repeats.size();
        m_summary.delivered += sessions.size();
        // In the first walk a repeat means rows shifted, so that others were skipped; in a
        // recovery pass most rows are known already and say nothing.
        if (m_pass == 0 && !repeats.isEmpty()) {
            m_repeatedPages.insert(answer.page);
            m_troubled.insert_or_assign(answer.page, tr("page %1 repeated %2 rows of earlier pages")
                                                         .arg(answer.page)
                                                         .arg(repeats.size()));
        }
        if (m_pass == 0)
            Q_EMIT pageReady(answer.page, sessions);
        else if (!sessions.isEmpty())
            Q_EMIT recovered(sessions);
        if (!m_running)
            return; // a slot cancelled us
    }
    Q_EMIT progress(m_nextToDeliver, int(m_pages.size()));
}

void UsageCollector::countIn(const SessionSummary &session)
{
    m_summary.deliveredCost += session.estimatedCost;
    m_summary.inProgress += session.inProgress();
}

QString UsageCollector::shortfall() const
{
    const UsageTotals &totals = m_summary.serverTotals;
    const qint64 held = m_seen.size();
    if (held < totals.sessions)
        return tr("%1 of the %2 sessions the server counts are missing")
            .arg(totals.sessions - held)
            .arg(totals.sessions);
    if (held > totals.sessions)
        return tr("the pages held %1 distinct sessions, but the server counts %2")
            .arg(held)
            .arg(totals.sessions);
    // A session in progress may cost more by the time its page is read than when page 1 summed
    // it up: with such sessions a cost difference is said, not taken for a missing session.
    if (m_summary.deliveredCost != totals.estimatedCost && m_summary.inProgress == 0)
        return tr("the sessions cost %1 together, but the server's total is %2")
            .arg(m_summary.deliveredCost.toDecimalString(), totals.estimatedCost.toDecimalString());
    return {};
}

void UsageCollector::finishPass()
{
    const QString missing = shortfall();
    if (missing.isEmpty()) {
        m_running = false;
        QStringList notes;
        if (m_summary.serverCount != m_summary.serverTotals.sessions)
            notes.append(tr("The server's page count said %1 sessions; its totals and its rows "
                            "agree on %2.")
                             .arg(m_summary.serverCount)
                             .arg(m_summary.serverTotals.sessions));
        if (m_summary.deliveredCost != m_summary.serverTotals.estimatedCost)
            notes.append(tr("%1 sessions were still in progress: as read, the sessions cost %2 "
                            "together, while the server's total said %3 when the walk began.")
                             .arg(m_summary.inProgress)
                             .arg(m_summary.deliveredCost.toDecimalString(),
                                  m_summary.serverTotals.estimatedCost.toDecimalString()));
        m_summary.note = notes.join(QLatin1Char(' '));
        Q_EMIT finished(m_summary);
        return;
    }
    QStringList problems;
    for (const auto &[page, problem] : m_troubled)
        problems.append(problem);
    if (m_pass >= MaxRecoveryPasses) {
        const QString where =
            problems.isEmpty()
                ? tr("No page reported a problem: the server's rows and its totals disagree.")
                : tr("Pages that misbehaved: %1.").arg(problemList(problems));
        fail(ApiError::make(ApiError::Kind::Incomplete,
                            tr("The set is incomplete: %1, after asking pages %2 again. %3")
                                .arg(missing, pageList(m_summary.pagesAskedAgain), where)));
        return;
    }
    ++m_pass;
    ++m_summary.recoveryPasses;
    // Page 1 again for fresh totals, with the pages that misbehaved; when none did (or this is
    // the last chance), every page, since a shifted row can be on any of them.
    QList<int> pages{1};
    if (m_pass == 1 && !m_troubled.empty()) {
        for (const auto &[page, problem] : m_troubled) {
            if (page != 1)
                pages.append(page);
        }
    } else {
        for (int page = 2; page <= m_pageCount; ++page)
            pages.append(page);
    }
    for (const int page : std::as_const(pages)) {
        if (!m_summary.pagesAskedAgain.contains(page))
            m_summary.pagesAskedAgain.append(page);
    }
    std::sort(m_summary.pagesAskedAgain.begin(), m_summary.pagesAskedAgain.end());
    Q_EMIT recovering(m_pass, pages, m_summary.serverTotals.sessions - m_seen.size());
    if (m_running)
        startPass(std::move(pages));
}

void UsageCollector::fail(const ApiError &error)
{
    cancel();
    Q_EMIT failed(error);
}
