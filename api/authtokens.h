#pragma once

#include <QList>
#include <QString>

/// Tokens answered by POST /api/auth/login/ (both) and /api/auth/refresh/ (access only).
struct AuthTokens
{
    QString access;
    QString refresh;
};

/// A character as listed by GET /api/ai-characters/.
struct CharacterInfo
{
    QString slug;
    QString name;
    QString tenantId;
};
