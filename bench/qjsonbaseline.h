#pragma once

#include "usagepage.h"

/// The decoder a client built on QJsonDocument would have: parse the whole reply into a DOM,
/// then walk it into the same value types. The baseline Sessionscope's decoder is measured
/// against; it checks nothing beyond what QJsonValue's conversions do.
UsagePage decodeWithQJsonDocument(const QByteArray &body);
