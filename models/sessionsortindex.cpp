#include "models/sessionsortindex.h"
#include "models/sessioncolumns.h"

#include <algorithm>
#include <numeric>

void SessionSortIndex::clear()
{
    m_keys = {};
    m_strings.clear();
    m_stringIds.clear();
    m_pageStart.clear();
}

quint32 SessionSortIndex::intern(const QString &text)
{
    const auto it = m_stringIds.constFind(text);
    if (it != m_stringIds.cend())
        return *it;
    const auto id = quint32(m_strings.size());
    m_strings.append(text);
    m_stringIds.insert(text, id);
    return id;
}

void SessionSortIndex::appendPage(int page, const QList<SessionSummary> &sessions)
{
    m_pageStart.insert(page, int(m_keys.size()));
    qint16 index = 0;
    for (const SessionSummary &s : sessions) {
        Key k{};
        k.created = s.createdAt.toMSecsSinceEpoch();
        k.llmIn = s.llmInputTokens;
        k.llmOut = s.llmOutputTokens;
        k.tts = s.ttsCharacters;
        k.costMicros = s.estimatedCost.micros();
        k.duration = s.durationSeconds;
        k.stt = s.sttAudioSeconds;
        k.turns = s.turnCount;
        k.interruptions = s.interruptionCount;
        k.character = intern(s.characterSlug);
        k.tenant = intern(s.tenantId);
        k.model = intern(s.llmModel);
        k.recording = intern(SessionColumns::sortValue(s, SessionColumns::Recording).toString());
        k.page = page;
        k.index = index++;
        k.inProgress = s.inProgress();
        m_keys.push_back(k);
    }
}

SessionSortIndex::Position SessionSortIndex::position(int key) const
{
    const Key &k = m_keys.at(std::size_t(key));
    return {k.page, k.index};
}

int SessionSortIndex::keyOf(int page, int index) const
{
    const auto it = m_pageStart.constFind(page);
    if (it == m_pageStart.cend())
        return -1;
    const int key = *it + index;
    if (key < 0 || key >= size() || m_keys[std::size_t(key)].page != page)
        return -1;
    return key;
}

QList<qint32> SessionSortIndex::order(int column, Qt::SortOrder sortOrder) const
{
    QList<qint32> result(size());
    std::iota(result.begin(), result.end(), 0);
    // Interned text sorts by the rank of its string, computed once per sort.
    QList<quint32> rank(m_strings.size());
    {
        QList<quint32> ids(m_strings.size());
        std::iota(ids.begin(), ids.end(), 0u);
        std::sort(ids.begin(), ids.end(), [this](quint32 a, quint32 b) {
            return m_strings[a].compare(m_strings[b], Qt::CaseInsensitive) < 0;
        });
        for (qsizetype i = 0; i < ids.size(); ++i)
            rank[ids[i]] = quint32(i);
    }
    const auto keyValue = [&](const Key &k) -> double {
        using namespace SessionColumns;
        switch (column) {
        case Created:
            return double(k.created);
        case Character:
            return rank[k.character];
        case Tenant:
            return rank[k.tenant];
        case Duration:
            return k.duration;
        case Turns:
            return k.turns;
        case Interruptions:
            return k.interruptions;
        case LlmInputTokens:
            return double(k.llmIn);
        case LlmOutputTokens:
            return double(k.llmOut);
        case LlmModel:
            return rank[k.model];
        case SttSeconds:
            return k.stt;
        case TtsCharacters:
            return double(k.tts);
        case Cost:
            return double(k.costMicros); // exact below 2^53 micro-dollars
        case Recording:
            return rank[k.recording];
        case InProgress:
            return k.inProgress ? 1 : 0;
        default:
            return 0;
        }
    };
    const bool ascending = sortOrder == Qt::AscendingOrder;
    std::stable_sort(result.begin(), result.end(), [&](qint32 a, qint32 b) {
        const double va = keyValue(m_keys[std::size_t(a)]);
        const double vb = keyValue(m_keys[std::size_t(b)]);
        return ascending ? va < vb : vb < va;
    });
    return result;
}

qsizetype SessionSortIndex::bytesUsed() const
{
    qsizetype bytes = qsizetype(m_keys.capacity() * sizeof(Key));
    for (const QString &s : m_strings)
        bytes += s.size() * 2 + 64;
    return bytes + m_pageStart.size() * 16;
}
