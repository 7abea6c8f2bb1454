#pragma once

#include "api/usagepage.h"

/// What the baseline produces: the same value types, with the transcripts as plain lists of
/// QString turns (what QJsonDocument hands out), kept beside the sessions.
struct BaselinePage
{
    UsagePage page;
    QList<QList<TranscriptTurn>> transcripts;
};

/// The decoder a client built on QJsonDocument would have: parse the whole reply into a DOM,
/// then walk it into the same value types. The baseline Sessionscope's decoder is measured
/// against; it checks nothing beyond what QJsonValue's conversions do.
BaselinePage decodeWithQJsonDocument(const QByteArray &body);
