#pragma once

#include <QString>
#include <QStringList>

class SessionStore;

/// Local review data on sessions: tags and one note each. Kept in their own tables, keyed by
/// session_id, never sent to the API and never written by a sync, so every later sync keeps
/// them; on PostgreSQL the team shares them.
namespace ReviewStore {
bool addTags(SessionStore &store, const QString &sessionId, const QStringList &tags,
             QString *error);
bool removeTags(SessionStore &store, const QString &sessionId, const QStringList &tags,
                QString *error);
/// An empty text removes the note.
bool setNote(SessionStore &store, const QString &sessionId, const QString &text, QString *error);
[[nodiscard]] QStringList tags(const SessionStore &store, const QString &sessionId);
[[nodiscard]] QString note(const SessionStore &store, const QString &sessionId);
/// Whether the store holds this session (review data on an unknown id is a typo).
[[nodiscard]] bool hasSession(const SessionStore &store, const QString &sessionId);
} // namespace ReviewStore
