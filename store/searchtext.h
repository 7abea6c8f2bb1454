#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

/// The one folding of text that the search index and the search queries share, done here and
/// not by either database, so that SQLite and PostgreSQL find the same turns: compatibility
/// decomposition, accents and other non-spacing marks dropped, case folded, and every run of
/// characters that is not a letter, digit or spacing mark taken as a separator. Scripts written
/// without spaces between words (Han, kana, Hangul, Thai, Lao, Khmer, Myanmar) become one token
/// per character, so that any part of a sentence is found as the phrase of its characters.
namespace SearchText {

[[nodiscard]] QStringList tokens(const QString &text);
/// tokens() joined by single spaces: what the index holds for a turn.
[[nodiscard]] QString folded(const QString &text);
/// folded() of UTF-8 text, as UTF-8: text in ASCII, most of what transcripts hold, is folded
/// without a detour through UTF-16.
[[nodiscard]] QByteArray foldedUtf8(QByteArrayView utf8);
/// The words of a query (split at white space), each as its tokens; words without any token
/// (punctuation alone) are left out.
[[nodiscard]] QList<QStringList> queryWords(const QString &query);

/// A short piece of `text` around the first place where `word` (one query word's tokens)
/// occurs, folded the same way; the text itself otherwise, cut to about `width` characters.
struct Snippet
{
    QString text;
    qsizetype matchStart = -1; ///< in `text`, -1 when the word was not located
    qsizetype matchLength = 0;
};
[[nodiscard]] Snippet snippet(const QString &text, const QStringList &word, int width = 80);

} // namespace SearchText
