#pragma once

#include "models/storebrowser.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

/// The local review of the stored session on screen: its tags (comma separated) and its note,
/// saved to the store (shared with the team on PostgreSQL, never sent to the API). Save writes
/// what changed: tags added and removed, the note replaced (or removed when emptied).
class ReviewPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewPanel)

public:
    explicit ReviewPanel(StoreBrowser *browser, QWidget *parent = nullptr);

    void showSession(const StoreSessionDetail &session);
    [[nodiscard]] QString sessionId() const { return m_sessionId; }
    [[nodiscard]] QStringList tags() const { return m_tags; }
    [[nodiscard]] QLineEdit *tagsField() const { return m_tagsField; }
    [[nodiscard]] QPlainTextEdit *noteField() const { return m_note; }
    [[nodiscard]] QPushButton *saveButton() const { return m_save; }
    [[nodiscard]] QString statusText() const;
    /// The tags as typed: trimmed, without empties or repeats.
    [[nodiscard]] static QStringList parseTags(const QString &text);

public Q_SLOTS:
    void save();
    /// Sets the tags of the session on screen to these now (the review queue's R).
    void replaceTags(const QStringList &remove, const QStringList &add);

Q_SIGNALS:
    /// Every change of one Save is in the store.
    void saved(const QString &sessionId);

private:
    StoreBrowser *m_browser;
    QString m_sessionId;
    QStringList m_tags; ///< as stored
    QString m_savedNote;
    int m_pending = 0;
    QLineEdit *m_tagsField;
    QPlainTextEdit *m_note;
    QPushButton *m_save;
    QLabel *m_status;
};
