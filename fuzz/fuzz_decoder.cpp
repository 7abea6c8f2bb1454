// libFuzzer target: whatever bytes a server sends, the decoders either produce values or an
// error naming the problem; they never crash, read out of bounds or hang.

#include "api/sessionjson.h"
#include "api/usagedecoder.h"

#include <cstddef>
#include <cstdint>

namespace {
/// ApiClient reserves this much spare capacity so that the decoder can skip its padded copy;
/// both paths must be safe.
constexpr qsizetype ReservedPadding = 64;

[[noreturn]] void violated(const char *what)
{
    qFatal("invariant violated: %s", what);
}

void checkError(const ApiError &error)
{
    if (error.message.isEmpty())
        violated("a decode error without a message");
}
/// The page decoder builds a kept session from its own walk of the page; the session's bytes
/// read on their own must give the same fields, the same line and no error.
void checkSameAsAlone(const SessionJson &kept)
{
    const QByteArray &bytes = kept.bytes();
    const auto alone = SessionJson::read(std::string_view(bytes.constData(), bytes.size()));
    const auto *json = std::get_if<SessionJsonPointer>(&alone);
    if (!json)
        violated("a kept session that does not read on its own");
    if ((*json)->bytes() != bytes || (*json)->line(false) != kept.line(false) ||
        (*json)->fields().size() != kept.fields().size())
        violated("a kept session that reads otherwise on its own");
    for (qsizetype i = 0; i < kept.fields().size(); ++i) {
        const SessionJson::Field &a = kept.fields().at(i);
        const SessionJson::Field &b = (*json)->fields().at(i);
        if (a.key != b.key || a.kind != b.kind || a.value != b.value)
            violated("a kept session's field that reads otherwise on its own");
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    if (size % 2 == 1) {
        QByteArray padded;
        padded.reserve(qsizetype(size) + ReservedPadding);
        padded.append(body);
        body = padded;
    }

    const Result<UsagePage> page = UsageDecoder::decodeUsagePage(body);
    if (page) {
        (void)page.value().totals.averageCostPerSession();
        // Money that decoded prints as a string that decodes to the same amount.
        const Money total = page.value().totals.estimatedCost;
        if (Money::parse(total.toDecimalString()) != total)
            violated("total cost does not round-trip");
        for (const SessionSummary &s : page.value().sessions) {
            if (Money::parse(s.estimatedCost.toDecimalString()) != s.estimatedCost)
                violated("session cost does not round-trip");
        }
    } else {
        checkError(page.error());
    }

    // Keeping each session's JSON (exports) is stricter, never laxer: whatever it accepts, the
    // plain decode accepts too, and every kept session fits on one JSON Lines record.
    UsageDecoder::Options keep;
    keep.keepSessionJson = true;
    const Result<UsagePage> kept = UsageDecoder::decodeUsagePage(body, keep);
    if (kept) {
        if (!page || page.value().sessions.size() != kept.value().sessions.size())
            violated("a page accepted only when its sessions' JSON is kept");
        for (const SessionSummary &s : kept.value().sessions) {
            if (!s.sourceJson)
                violated("a kept page without a session's JSON");
            const QByteArray line = s.sourceJson->line(false);
            if (line.contains('\n') || line.contains('\r') || !line.startsWith('{') ||
                !line.endsWith('}') || s.sourceJson->line(true) != s.sourceJson->bytes())
                violated("a kept session that is not one JSON Lines record");
            checkSameAsAlone(*s.sourceJson);
        }
    } else {
        checkError(kept.error());
    }

    // The export's decode checks the turns without keeping them (most by a scan of their bytes):
    // the same verdict, the same error and the same kept bytes as the decode that reads them.
    keep.readTurns = false;
    const Result<UsagePage> exported = UsageDecoder::decodeUsagePage(body, keep);
    if (bool(exported) != bool(kept))
        violated("the export's decode judges a page otherwise than the decode that reads turns");
    if (!exported && !kept && exported.error().message != kept.error().message)
        violated("the export's decode names another error than the decode that reads turns");
    if (exported && kept) {
        const auto &ours = exported.value().sessions;
        const auto &theirs = kept.value().sessions;
        if (ours.size() != theirs.size())
            violated("the export's decode keeps another number of sessions");
        for (qsizetype i = 0; i < ours.size() && i < theirs.size(); ++i) {
            if (!ours[i].sourceJson || !theirs[i].sourceJson ||
                ours[i].sourceJson->bytes() != theirs[i].sourceJson->bytes())
                violated("the export's decode keeps other bytes of a session");
        }
    }

    const Result<SessionSummary> detail = UsageDecoder::decodeSessionDetail(body);
    if (!detail)
        checkError(detail.error());

    const Result<AuthTokens> tokens = UsageDecoder::decodeTokens(body);
    if (!tokens)
        checkError(tokens.error());
    const Result<QList<CharacterInfo>> characters = UsageDecoder::decodeCharacters(body);
    if (!characters)
        checkError(characters.error());

    ApiError error = ApiError::make(ApiError::Kind::ServerError, {}, 500);
    UsageDecoder::readErrorBody(body, error);
    (void)error.toDisplayString();
    return 0;
}
