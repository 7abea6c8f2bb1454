#pragma once

#include "api/sessionsummary.h"

#include <QList>
#include <QString>
#include <QTimeZone>
#include <QUrl>

#include <QWidget>
#include <optional>
#include <utility>

class QFormLayout;
class QLabel;
class QToolButton;
class QTreeWidget;

/// The facts of one session above its transcript: who, when, how long, what it cost and on
/// which models, where it came from, and the caller's metadata as a collapsible tree. Every
/// value is plain text; the origin URL opens in the browser only when clicked.
class SessionHeader final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionHeader)

public:
    explicit SessionHeader(QWidget *parent = nullptr);

    void showSession(const SessionSummary &session);
    /// Times follow the zone the user chose (invalid: this machine's); the session shown is
    /// written again in the new zone.
    void setTimeZone(const QTimeZone &zone);
    [[nodiscard]] QTimeZone timeZone() const { return m_zone; }
    /// "2026-05-28 23:23:48 (Asia/Tokyo)".
    [[nodiscard]] static QString formatTime(const QDateTime &instant, const QTimeZone &zone);
    /// The text of a field by its label (for tests and accessibility checks).
    [[nodiscard]] QString fieldText(const QString &label) const;
    [[nodiscard]] QTreeWidget *metadataTree() const { return m_metadata; }
    [[nodiscard]] QToolButton *originButton() const { return m_origin; }
    /// The line on top: character, time, duration, cost and status.
    [[nodiscard]] QString summaryText() const;
    [[nodiscard]] QToolButton *detailsToggle() const { return m_detailsToggle; }
    /// The server that "Copy link" names (`?server=`); none for the demo.
    void setLinkServer(const QUrl &server) { m_linkServer = server; }
    /// The fields the API contract does not name, as shown: name and text of each.
    [[nodiscard]] QList<std::pair<QString, QString>> otherFieldTexts() const;

    /// "1 h 02 min 05 s", "3 min 20 s", "12.5 s".
    [[nodiscard]] static QString formatDuration(double seconds);

Q_SIGNALS:
    /// Emitted on a click on the origin link, before it is opened.
    void originLinkActivated(const QUrl &url);

private:
    QLabel *addField(const QString &label);
    void fillMetadata(const QByteArray &json);
    void fillOtherFields(const QList<OtherField> &fields);

    QFormLayout *m_form;
    QFormLayout *m_otherForm; ///< fields of a newer API than this version knows
    QHash<QString, QLabel *> m_fields;
    QToolButton *m_origin;
    QToolButton *m_copyId;
    QLabel *m_summary; ///< character, time, duration, cost, status
    QToolButton *m_detailsToggle;
    QWidget *m_details; ///< every other field and the metadata, closed by default
    QToolButton *m_metadataToggle;
    QTreeWidget *m_metadata;
    QUrl m_originUrl;
    QUrl m_linkServer;
    QString m_sessionId;
    QTimeZone m_zone;
    std::optional<SessionSummary> m_session;
};
