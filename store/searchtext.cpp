#include "store/searchtext.h"

#include <QHash>

#include <QRegularExpression>
#include <algorithm>

namespace {

bool writtenWithoutSpaces(QChar::Script script)
{
    switch (script) {
    case QChar::Script_Han:
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana:
    case QChar::Script_Hangul:
    case QChar::Script_Thai:
    case QChar::Script_Lao:
    case QChar::Script_Khmer:
    case QChar::Script_Myanmar:
        return true;
    default:
        return false;
    }
}

enum class Kind { Separator, Letter, Alone };

Kind kindOf(char32_t c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')
                   ? Kind::Letter
                   : Kind::Separator;
    const auto category = QChar::category(c);
    if (QChar::isLetterOrNumber(c) || category == QChar::Mark_SpacingCombining)
        return writtenWithoutSpaces(QChar::script(c)) ? Kind::Alone : Kind::Letter;
    return Kind::Separator;
}

void appendUcs4(QString &out, char32_t c)
{
    if (QChar::requiresSurrogates(c)) {
        out += QChar(QChar::highSurrogate(c));
        out += QChar(QChar::lowSurrogate(c));
    } else {
        out += QChar(char16_t(c));
    }
}

/// One code point of the original text, folded: nothing for a mark, otherwise its decomposed
/// letters in folded case, each handed to `emit`. ASCII, most of what transcripts hold, is
/// folded here directly; other code points once per thread, then from a cache.
template<typename Emit> void fold(char32_t c, Emit &&emit)
{
    if (c < 0x80) {
        emit(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        return;
    }
    thread_local QHash<char32_t, QList<char32_t>> cache;
    auto it = cache.constFind(c);
    if (it == cache.constEnd()) {
        QString kept;
        const QString decomposed =
            QString::fromUcs4(&c, 1).normalized(QString::NormalizationForm_KD);
        for (const char32_t d : decomposed.toUcs4()) {
            if (QChar::category(d) != QChar::Mark_NonSpacing &&
                QChar::category(d) != QChar::Mark_Enclosing)
                appendUcs4(kept, d);
        }
        // Upper case first: Qt folds one code point to one, and ß must become ss.
        QList<char32_t> folded;
        for (const uint f : kept.toUpper().toCaseFolded().toUcs4())
            folded.append(char32_t(f));
        it = cache.insert(c, folded);
    }
    for (const char32_t f : *it)
        emit(f);
}

/// Calls `take(codePoint, utf16Index)` for each code point of `text`.
template<typename Take> void forEachCodePoint(const QString &text, Take &&take)
{
    for (qsizetype i = 0; i < text.size();) {
        const qsizetype start = i;
        char32_t c = text.at(i).unicode();
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() &&
            text.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            ++i;
        }
        ++i;
        take(c, start);
    }
}

} // namespace

namespace SearchText {

QString folded(const QString &text)
{
    // One buffer, no list of tokens: a sync folds every turn it writes.
    QString out;
    out.reserve(text.size());
    bool inToken = false;
    const auto separate = [&] {
        if (inToken)
            out += QLatin1Char(' ');
        inToken = false;
    };
    forEachCodePoint(text, [&](char32_t c, qsizetype) {
        fold(c, [&](char32_t f) {
            switch (kindOf(f)) {
            case Kind::Separator:
                separate();
                break;
            case Kind::Letter:
                appendUcs4(out, f);
                inToken = true;
                break;
            case Kind::Alone:
                separate();
                appendUcs4(out, f);
                inToken = true;
                separate();
                break;
            }
        });
    });
    if (out.endsWith(QLatin1Char(' ')))
        out.chop(1);
    return out;
}

QByteArray foldedUtf8(QByteArrayView utf8)
{
    const bool ascii =
        std::all_of(utf8.begin(), utf8.end(), [](char c) { return uchar(c) < 0x80; });
    if (!ascii)
        return folded(QString::fromUtf8(utf8)).toUtf8();
    // The same rules as folded() for ASCII: letters and digits, lower case, one space between.
    // Written through a pointer: a sync folds every turn, and appending a character at a time
    // cost more than inserting the turn.
    QByteArray out(utf8.size(), Qt::Uninitialized);
    char *const begin = out.data();
    char *end = begin;
    for (const char c : utf8) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            *end++ = c;
        } else if (c >= 'A' && c <= 'Z') {
            *end++ = char(c + ('a' - 'A'));
        } else if (end != begin && end[-1] != ' ') {
            *end++ = ' ';
        }
    }
    if (end != begin && end[-1] == ' ')
        --end;
    out.truncate(end - begin);
    return out;
}

QStringList tokens(const QString &text)
{
    return folded(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

QList<QStringList> queryWords(const QString &query)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    QList<QStringList> words;
    for (const QString &word : query.split(space, Qt::SkipEmptyParts)) {
        QStringList t = tokens(word);
        if (!t.isEmpty())
            words.append(std::move(t));
    }
    return words;
}

Snippet snippet(const QString &text, const QStringList &word, int width)
{
    // The text's letters folded, without separators, each remembering where it came from.
    QString compact;
    QList<qsizetype> origin;
    forEachCodePoint(text, [&](char32_t c, qsizetype start) {
        fold(c, [&](char32_t f) {
            if (kindOf(f) == Kind::Separator)
                return;
            appendUcs4(compact, f);
            while (origin.size() < compact.size())
                origin.append(start);
        });
    });
    const QString needle = word.join(QString());
    const qsizetype at = needle.isEmpty() ? -1 : compact.indexOf(needle);
    qsizetype matchBegin = 0, matchEnd = 0;
    if (at >= 0) {
        matchBegin = origin.at(at);
        const qsizetype last = at + needle.size();
        matchEnd = last < origin.size() ? origin.at(last) : text.size();
        // Not past a separator that follows the match.
        while (matchEnd > matchBegin && !text.at(matchEnd - 1).isLetterOrNumber() &&
               !text.at(matchEnd - 1).isMark() && !text.at(matchEnd - 1).isSurrogate())
            --matchEnd;
    }
    const qsizetype context = qMax<qsizetype>(10, (width - (matchEnd - matchBegin)) / 2);
    qsizetype from = at >= 0 ? qMax<qsizetype>(0, matchBegin - context) : 0;
    qsizetype to =
        at >= 0 ? qMin(text.size(), matchEnd + context) : qMin(text.size(), qsizetype(width));
    if (from > 0 && text.at(from).isLowSurrogate())
        --from;
    if (to < text.size() && text.at(to).isLowSurrogate())
        ++to;
    Snippet s;
    const QString prefix = from > 0 ? QStringLiteral("…") : QString();
    s.text =
        prefix + text.mid(from, to - from) + (to < text.size() ? QStringLiteral("…") : QString());
    // Line breaks would break a one-line listing; they become spaces of the same length.
    for (QChar &ch : s.text) {
        if (ch == QLatin1Char('\n') || ch == QLatin1Char('\r') || ch == QLatin1Char('\t'))
            ch = QLatin1Char(' ');
    }
    if (at >= 0) {
        s.matchStart = prefix.size() + matchBegin - from;
        s.matchLength = matchEnd - matchBegin;
    }
    return s;
}

} // namespace SearchText
