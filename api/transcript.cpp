#include "api/transcript.h"

Transcript::Transcript(const QList<TranscriptTurn> &turns)
{
    m_entries.reserve(turns.size());
    for (const TranscriptTurn &t : turns)
        append(t);
}

TranscriptTurn Transcript::at(qsizetype i) const
{
    const Entry &e = m_entries.at(i);
    return {e.role, e.turnIndex, e.ts, QString::fromUtf8(m_text.constData() + e.offset, e.length)};
}

QByteArrayView Transcript::textUtf8(qsizetype i) const
{
    const Entry &e = m_entries.at(i);
    return QByteArrayView(m_text.constData() + e.offset, e.length);
}

QList<TranscriptTurn> Transcript::toList() const
{
    QList<TranscriptTurn> out;
    out.reserve(size());
    for (qsizetype i = 0; i < size(); ++i)
        out.append(at(i));
    return out;
}

qsizetype Transcript::heldBytes() const
{
    // Sizes, not capacities: a decoded transcript's storage is part of a block shared with
    // others, whose free space is no one's.
    return m_text.size() + m_entries.size() * qsizetype(sizeof(Entry));
}

void Transcript::clear()
{
    m_text.clear();
    m_entries.clear();
}

void Transcript::append(const TranscriptTurn &turn)
{
    const QByteArray utf8 = turn.text.toUtf8();
    append(turn.role, turn.turnIndex, turn.ts,
           std::string_view(utf8.constData(), std::size_t(utf8.size())));
}

void Transcript::append(TranscriptTurn::Role role, qint32 turnIndex, double ts,
                        std::string_view utf8)
{
    m_entries.append(Entry::of(role, turnIndex, ts, std::size_t(m_text.size()), utf8.size()));
    m_text.append(utf8.data(), qsizetype(utf8.size()));
}

bool operator==(const Transcript &a, const Transcript &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const auto &x = a.m_entries.at(i), &y = b.m_entries.at(i);
        if (x.role != y.role || x.turnIndex != y.turnIndex || x.ts != y.ts ||
            a.textUtf8(i) != b.textUtf8(i))
            return false;
    }
    return true;
}

QByteArray Transcript::linesUtf8() const
{
    QByteArray out;
    out.reserve(m_text.size() + size() * qsizetype(sizeof("Assistant: ")));
    for (qsizetype i = 0; i < size(); ++i) {
        if (i > 0)
            out += '\n';
        switch (role(i)) {
        case TranscriptTurn::Role::Assistant:
            out += "Assistant: ";
            break;
        case TranscriptTurn::Role::User:
            out += "User: ";
            break;
        case TranscriptTurn::Role::Other:
            out += "Other: ";
            break;
        }
        out += textUtf8(i);
    }
    return out;
}

void Transcript::Builder::clear()
{
    m_text.clear();
    m_entries.clear();
}

void Transcript::Builder::append(TranscriptTurn::Role role, qint32 turnIndex, double ts,
                                 std::string_view utf8)
{
    m_entries.push_back(Entry::of(role, turnIndex, ts, m_text.size(), utf8.size()));
    m_text.append(utf8);
}

Transcript Transcript::Builder::take()
{
    Transcript t;
    t.m_text = QByteArray(m_textBlocks.copyOf(m_text.data(), qsizetype(m_text.size())));
    t.m_entries = QList<Entry>(m_entryBlocks.copyOf(m_entries.data(), qsizetype(m_entries.size())));
    clear();
    return t;
}
