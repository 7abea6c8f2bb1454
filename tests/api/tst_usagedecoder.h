#pragma once

#include <QByteArray>
#include <QObject>

/// Declared apart from its definitions: the test data are raw JSON strings, which the meta-object
/// compiler does not read reliably.
class TestUsageDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesAValidPage();
    void optionalFieldsMayBeMissingOrNull();
    void unknownFieldsAreKeptAsSent();
    void keyOrderDoesNotMatter();
    void unknownRecordingStatusIsKept();
    void wrongTypesNameTheirPath_data();
    void wrongTypesNameTheirPath();
    void malformedJsonIsAnErrorNotACrash_data();
    void malformedJsonIsAnErrorNotACrash();
    void hugeTranscriptTurnDecodes();
    void escapedKeysAndStrings();
    void transcriptTextHeldOnlyWhenItDiffers_data();
    void transcriptTextHeldOnlyWhenItDiffers();
    void transcriptTextFollowsARepeatedTranscript();
    void invalidEscapeInTranscriptTextIsAnError();
    void sessionDetail();
    void tokens();
    void characters();
    void errorBodies();

    // tst_usagedecoder_kept.cpp
    void sessionJsonIsKeptOnlyWhenAsked();
    void sessionJsonOnOneLineIsByteForByte();
    void presignedQueryIsCutFromTheTopLevelValueOnly_data();
    void presignedQueryIsCutFromTheTopLevelValueOnly();
    void keptJsonIsValidatedWhole_data();
    void keptJsonIsValidatedWhole();
    void aLineBreakInsideAStringIsRefused();
    void scanVariantsAgree();
    void csvCellsAreQuotedOnlyWhenNeeded_data();
    void csvCellsAreQuotedOnlyWhenNeeded();
    void aCarriageReturnBetweenTokensIsRemoved();
    void expectedKeyVariantsAgree();
    void transcriptAsLinesVariantsAgree();

    // tst_usagedecoder_checked.cpp
    void keptJsonIsJudgedAsAWholeParseJudgesIt_data();
    void keptJsonIsJudgedAsAWholeParseJudgesIt();
    void malformedValuesTheDecoderSkipsFailThePage_data();
    void malformedValuesTheDecoderSkipsFailThePage();
    void skippedValuesAreNotCheckedWhenNothingIsKept();
    void numbersTheDecoderReadsAreJudgedAsAWholeParseJudgesThem_data();
    void numbersTheDecoderReadsAreJudgedAsAWholeParseJudgesThem();

    // tst_usagedecoder_export.cpp
    void exportDecodeJudgesTurnsAsReadingThemDoes_data();
    void exportDecodeJudgesTurnsAsReadingThemDoes();
    void exportDecodeKeepsNoTurnsAndTheWindowsDecodeDoes();
};

namespace UsageDecoderTests {
/// A page of `sessions` (session objects already joined with commas) in the API's envelope.
inline QByteArray pageOf(const QByteArray &sessions)
{
    return R"({"success":true,"message":"ok","data":{"total_sessions":1,"total_llm_input_tokens":0,)"
           R"("total_llm_output_tokens":0,"total_stt_audio_seconds":0,"total_tts_characters":0,)"
           R"("total_estimated_cost_usd":"0.000000","sessions":{"data":[)" +
           sessions + R"(],"pagination":{"count":1,"next":null,"previous":null}}},"errors":null})";
}
} // namespace UsageDecoderTests
