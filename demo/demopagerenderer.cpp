#include "demo/demopagerenderer.h"

#include "demo/demodataset.h"
#include "demo/demojsonwriter.h"
#include "demo/demorecordingsigner.h"
#include "demo/demosessionjson.h"

#include <QDateTime>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

/// Milliseconds since the epoch; `roundUp` when digits below the millisecond must move the
/// instant up (a start bound of .0001 excludes a session stored at .000).
std::optional<qint64> parseTimestamp(QString text, bool roundUp)
{
    // A '+' of an offset sent unencoded arrives as a space after form decoding.
    static const QRegularExpression spacedOffset(u" (\\d\\d:?\\d\\d)$"_s);
    text.replace(spacedOffset, u"+\\1"_s);
    static const QRegularExpression shape(
        u"^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,6})?)?(Z|[+-]\\d{2}:?\\d{2})?$"_s);
    if (!shape.match(text).hasMatch())
        return std::nullopt;
    text.replace(10, 1, u'T');
    // Sessions are stored to the millisecond. Digits past it are dropped, not rounded: Qt would
    // round "23:59:59.999999" up to the next day, and an inclusive end bound would then take in
    // sessions from the day after.
    static const QRegularExpression subMillis(u"(\\.\\d{3})(\\d+)"_s);
    const auto extra = subMillis.match(text);
    const bool belowMillis =
        extra.hasMatch() && extra.captured(2).contains(QRegularExpression(u"[1-9]"_s));
    text.replace(subMillis, u"\\1"_s);
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid())
        return std::nullopt;
    if (dt.timeSpec() == Qt::LocalTime) // no offset given: the platform reads it as UTC
        dt = QDateTime(dt.date(), dt.time(), Qt::UTC);
    return dt.toMSecsSinceEpoch() + (roundUp && belowMillis ? 1 : 0);
}

std::optional<int> parsePositive(const QString &text)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (!ok || value < 1)
        return std::nullopt;
    return value;
}

} // namespace

std::optional<DemoUsageFilter> DemoUsageFilter::parse(const QUrlQuery &query, QString *field,
                                                      QString *message)
{
    DemoUsageFilter f;
    const auto value = [&](const QString &key) {
        return query.queryItemValue(key, QUrl::FullyDecoded);
    };
    f.characterSlug = value(u"character_slug"_s);
    f.tenantId = value(u"tenant_id"_s);
    for (const auto &[key, target] : {std::pair{u"start"_s, &f.startMs}, {u"end"_s, &f.endMs}}) {
        if (!query.hasQueryItem(key))
            continue;
        *target = parseTimestamp(value(key), key == u"start"_s);
        if (!*target) {
            *field = key;
            *message = u"Datetime has wrong format. Use one of these formats instead: "
                       "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z]."_s;
            return std::nullopt;
        }
    }
    if (query.hasQueryItem(u"page"_s)) {
        const auto page = parsePositive(value(u"page"_s));
        if (!page) {
            *field = u"page"_s;
            *message = u"A valid integer of at least 1 is required."_s;
            return std::nullopt;
        }
        f.page = *page;
    }
    if (query.hasQueryItem(u"page_size"_s)) {
        const auto size = parsePositive(value(u"page_size"_s));
        if (!size) {
            *field = u"page_size"_s;
            *message = u"A valid integer of at least 1 is required."_s;
            return std::nullopt;
        }
        f.pageSize = std::min(*size, 200);
        f.pageSizeGiven = true;
    }
    return f;
}

DemoPageRenderer::DemoPageRenderer(const DemoDataset &dataset, const DemoRecordingSigner &signer,
                                   qint64 cacheBytes)
    : m_dataset(dataset)
    , m_signer(signer)
    , m_cache(qsizetype(std::max<qint64>(1, cacheBytes / 1024)))
{}

bool DemoPageRenderer::sessionVisible(const DemoCaller &caller, int characterIndex) const
{
    return caller.staff || m_dataset.characters().at(characterIndex).ownerUserId == caller.userId;
}

QByteArray DemoPageRenderer::pageUrl(const DemoUsageFilter &f, int page) const
{
    QUrlQuery q;
    if (!f.characterSlug.isEmpty())
        q.addQueryItem(u"character_slug"_s, f.characterSlug);
    if (!f.tenantId.isEmpty())
        q.addQueryItem(u"tenant_id"_s, f.tenantId);
    if (f.startMs)
        q.addQueryItem(u"start"_s, QString::fromLatin1(DemoSessionJson::timestamp(*f.startMs)));
    if (f.endMs)
        q.addQueryItem(u"end"_s, QString::fromLatin1(DemoSessionJson::timestamp(*f.endMs)));
    q.addQueryItem(u"page"_s, QString::number(page));
    if (f.pageSizeGiven)
        q.addQueryItem(u"page_size"_s, QString::number(f.pageSize));
    QUrl url;
    url.setQuery(q);
    return m_apiBase + "/api/billing/usage/" + url.toEncoded();
}

namespace {
/// Who asks and which sessions they ask for: everything that decides the selected rows.
QByteArray selectionKey(const DemoCaller &caller, const DemoUsageFilter &f)
{
    return (caller.staff ? QByteArray("staff") : QByteArray::number(caller.userId)) + '|' +
           f.characterSlug.toUtf8() + '|' + f.tenantId.toUtf8() + '|' +
           QByteArray::number(f.startMs.value_or(-1)) + '|' +
           QByteArray::number(f.endMs.value_or(-1));
}
} // namespace

const DemoPageRenderer::Selection &DemoPageRenderer::select(const DemoCaller &caller,
                                                            const DemoUsageFilter &f)
{
    const QByteArray key = selectionKey(caller, f);
    if (const Selection *hit = m_selections.object(key))
        return *hit;
    auto *selection = new Selection;
    const auto &sessions = m_dataset.sessions();
    for (int i = 0; i < sessions.size(); ++i) {
        const DemoSession &s = sessions.at(i);
        if (!sessionVisible(caller, s.characterIndex) ||
            (!f.characterSlug.isEmpty() && s.characterSlug != f.characterSlug) ||
            (!f.tenantId.isEmpty() && s.tenantId != f.tenantId) ||
            (f.startMs && s.createdAtMs < *f.startMs) || (f.endMs && s.createdAtMs > *f.endMs))
            continue;
        selection->rows.append(i);
        selection->inTokens += s.llmInputTokens;
        selection->outTokens += s.llmOutputTokens;
        selection->sttDs += s.sttDeciseconds;
        selection->ttsChars += s.ttsCharacters;
        selection->costMicros += s.costMicros;
    }
    m_selections.insert(key, selection);
    return *m_selections.object(key);
}

DemoPageRenderer::Outcome DemoPageRenderer::render(const DemoCaller &caller,
                                                   const DemoUsageFilter &f, qint64 nowSecs,
                                                   const DemoPageTweaks &tweaks, QByteArray *body)
{
    const qint64 signSecs = m_signer.bucketStart(nowSecs);
    // Everything that changes the bytes is in the key, including the signing bucket.
    const QByteArray key = selectionKey(caller, f) + '|' + QByteArray::number(f.page) + '|' +
                           QByteArray::number(f.pageSize) + '|' + (f.pageSizeGiven ? "g" : "d") +
                           '|' + QByteArray::number(signSecs);
    if (tweaks.isNone()) {
        if (const QByteArray *hit = m_cache.object(key)) {
            *body = *hit;
            return Outcome::Ok;
        }
    }

    const Selection &selection = select(caller, f);
    const QList<int> &rows = selection.rows;
    const qint64 count = rows.size();
    const qint64 pages = std::max<qint64>(1, (count + f.pageSize - 1) / f.pageSize);
    if (f.page > pages)
        return Outcome::PageNotFound;

    qint64 first = qint64(f.page - 1) * f.pageSize;
    if (tweaks.repeatRows)
        first = f.page > 1 ? first - f.pageSize : 0;
    const qint64 last = std::min(count, first + f.pageSize);
    QList<int> pageRows = rows.mid(first, last - first);
    if (tweaks.repeatRows && f.page == 1 && !pageRows.isEmpty())
        pageRows.insert(1, pageRows.first());

    QByteArray out;
    out.reserve(64 * 1024);
    DemoJsonWriter w(out);
    w.beginObject();
    w.key("success");
    w.boolean(true);
    w.key("message");
    w.string("Usage retrieved successfully.");
    w.key("data");
    w.beginObject();
    w.key("total_sessions");
    tweaks.wrongTypes ? w.string(QByteArray::number(count)) : w.number(count);
    w.key("total_llm_input_tokens");
    w.number(selection.inTokens);
    w.key("total_llm_output_tokens");
    w.number(selection.outTokens);
    w.key("total_stt_audio_seconds");
    w.fixed(selection.sttDs, 1);
    w.key("total_tts_characters");
    w.number(selection.ttsChars);
    w.key("total_estimated_cost_usd");
    w.string(DemoJsonWriter::fixedText(selection.costMicros, 6));
    w.key("sessions");
    w.beginObject();
    w.key("data");
    w.beginArray();
    DemoSessionRenderOptions options;
    options.signer = &m_signer;
    options.signSecs = signSecs;
    options.wrongTypes = tweaks.wrongTypes;
    options.paddingBytes = pageRows.isEmpty() ? 0 : tweaks.paddingBytes / pageRows.size();
    for (qsizetype i = 0; i < pageRows.size(); ++i) {
        options.hugeTurnBytes = i == 0 ? tweaks.hugeTurnBytes : 0;
        DemoSessionJson::append(w, m_dataset, m_dataset.sessions().at(pageRows.at(i)), options);
    }
    w.endArray();
    w.key("pagination");
    w.beginObject();
    w.key("count");
    w.number(tweaks.countOverride.value_or(count));
    w.key("next");
    if (!tweaks.nextOverride.isEmpty())
        w.string(tweaks.nextOverride);
    else if (f.page < pages)
        w.string(pageUrl(f, f.page + 1));
    else
        w.null();
    w.key("previous");
    if (f.page > 1)
        w.string(pageUrl(f, f.page - 1));
    else
        w.null();
    w.endObject();
    w.endObject();
    w.endObject();
    w.key("errors");
    w.null();
    w.endObject();

    if (tweaks.isNone())
        m_cache.insert(key, new QByteArray(out), std::max<qsizetype>(1, out.size() / 1024));
    *body = std::move(out);
    return Outcome::Ok;
}
