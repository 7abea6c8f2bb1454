#pragma once

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
