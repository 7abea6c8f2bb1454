#pragma once

#include "api/usagepage.h"

#include <QList>
#include <QMetaType>
#include <QString>

/// What a finished collection delivered. A collection finishes only when its sessions are the
/// whole set the server describes: as many distinct sessions as its total, costing its total.
struct CollectionSummary
{
    UsageTotals serverTotals; ///< as page 1 reported them, the last time it was asked
    qint64 serverCount = 0;   ///< pagination.count of that page 1
    qint64 delivered = 0;     ///< distinct sessions handed out (equal to serverTotals.sessions)
    Money deliveredCost;      ///< what they cost together (the server's total, see note)
    qint64 inProgress = 0;    ///< of them, sessions still in progress when read
    qint64 duplicatesDropped = 0;
    int pages = 0;          ///< page answers used, those of recovery passes included
    int recoveryPasses = 0; ///< 0 when the first walk was whole
    QList<int> pagesAskedAgain;
    /// Empty, or sentences for the user: the server's page count disagreed with its totals while
    /// its rows matched them exactly, or sessions in progress changed cost during the walk.
    QString note;
};
Q_DECLARE_METATYPE(CollectionSummary)
