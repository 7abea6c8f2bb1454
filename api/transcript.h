#pragma once

#include "api/sharedblocks.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <string>
#include <string_view>
#include <vector>

/// One turn of a call as the API sends it. `ts` is seconds since the session started.
struct TranscriptTurn
{
    enum class Role : quint8 { Assistant, User, Other };
    Role role = Role::Other;
    qint32 turnIndex = 0;
    double ts = 0;
    QString text;

    friend bool operator==(const TranscriptTurn &, const TranscriptTurn &) = default;
};

/// All turns of one call, held compactly: the texts in one UTF-8 buffer and, per turn, its
/// role, index, time and where its text lies. A loaded session costs two allocations for its
/// transcript instead of one per turn, and about half the bytes of UTF-16 strings; a turn's
/// QString is made only when someone reads that turn (a view painting it, an export).
class Transcript
{
public:
    Transcript() = default;
    /// From turns built elsewhere (tests, the demo data); implicit so that a list can be
    /// assigned where a transcript is expected.
    Transcript(const QList<TranscriptTurn> &turns);

    [[nodiscard]] qsizetype size() const { return m_entries.size(); }
    [[nodiscard]] bool isEmpty() const { return m_entries.isEmpty(); }
    [[nodiscard]] TranscriptTurn at(qsizetype i) const;
    [[nodiscard]] TranscriptTurn operator[](qsizetype i) const { return at(i); }
    [[nodiscard]] TranscriptTurn first() const { return at(0); }
    [[nodiscard]] TranscriptTurn constFirst() const { return at(0); }
    [[nodiscard]] TranscriptTurn last() const { return at(size() - 1); }
    [[nodiscard]] TranscriptTurn::Role role(qsizetype i) const { return m_entries.at(i).role; }
    [[nodiscard]] double ts(qsizetype i) const { return m_entries.at(i).ts; }
    [[nodiscard]] qint32 turnIndex(qsizetype i) const { return m_entries.at(i).turnIndex; }
    [[nodiscard]] QByteArrayView textUtf8(qsizetype i) const;
    /// The texts of all turns, one after another: textUtf8(i) lies inside it.
    [[nodiscard]] QByteArrayView allTextUtf8() const { return m_text; }
    [[nodiscard]] QList<TranscriptTurn> toList() const;
    /// Bytes of text and turns, for memory accounting (not the blocks they may share).
    [[nodiscard]] qsizetype heldBytes() const;

    void clear();
    void append(const TranscriptTurn &turn);
    /// The decoder's way in: the text as the UTF-8 it arrived in.
    void append(TranscriptTurn::Role role, qint32 turnIndex, double ts, std::string_view utf8);
    /// The turns as the API writes `transcript_text`: one `Assistant: ...` or `User: ...` line
    /// per turn. A turn of any other role is written as `Other: ...`; the decoder relies on
    /// this text only for transcripts of assistant and user turns.
    [[nodiscard]] QByteArray linesUtf8() const;

    class Builder;

    class const_iterator
    {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = TranscriptTurn;
        using difference_type = qsizetype;
        using pointer = void;
        using reference = TranscriptTurn;
        const_iterator(const Transcript *t, qsizetype i)
            : m_t(t)
            , m_i(i)
        {}
        TranscriptTurn operator*() const { return m_t->at(m_i); }
        const_iterator &operator++()
        {
            ++m_i;
            return *this;
        }
        bool operator==(const const_iterator &o) const { return m_i == o.m_i; }
        bool operator!=(const const_iterator &o) const { return m_i != o.m_i; }

    private:
        const Transcript *m_t;
        qsizetype m_i;
    };
    [[nodiscard]] const_iterator begin() const { return {this, 0}; }
    [[nodiscard]] const_iterator end() const { return {this, size()}; }

    friend bool operator==(const Transcript &a, const Transcript &b);
    friend bool operator!=(const Transcript &a, const Transcript &b) { return !(a == b); }

private:
    struct Entry
    {
        quint32 offset = 0;
        quint32 length = 0;
        double ts = 0;
        qint32 turnIndex = 0;
        TranscriptTurn::Role role = TranscriptTurn::Role::Other;

        static Entry of(TranscriptTurn::Role role, qint32 turnIndex, double ts, std::size_t offset,
                        std::size_t length)
        {
            return {quint32(offset), quint32(length), ts, turnIndex, role};
        }
    };
    QByteArray m_text;
    QList<Entry> m_entries;
};

/// Collects the turns of one transcript after another in buffers that are reused from one to
/// the next, and hands each over in storage of exactly its size, carved out of blocks shared by
/// the transcripts this builder makes (see SharedBlocks): a few allocations per page of
/// transcripts instead of a buffer grown turn by turn and then shrunk, or two per transcript.
class Transcript::Builder
{
public:
    void clear();
    void append(TranscriptTurn::Role role, qint32 turnIndex, double ts, std::string_view utf8);
    /// The transcript built so far; the builder is empty afterwards.
    [[nodiscard]] Transcript take();

private:
    std::string m_text;
    std::vector<Entry> m_entries;
    /// 16 KB of text and 12 KB of turns a block: about ten transcripts each. The last block of
    /// a page is half empty on average, which is what keeps blocks this small.
    SharedBlocks<char> m_textBlocks{16 * 1024, true};
    SharedBlocks<Entry> m_entryBlocks{512, false};
};
