#pragma once

#include "api/sessionsummary.h"
#include "ui/transcript/transcriptexport.h"

#include <QWidget>

class PlaybackController;
class PlayerWidget;
class QLabel;
class QScrollArea;
class QTimeZone;
class QToolButton;
class SessionHeader;
class TranscriptFindBar;
class TranscriptModel;
class TranscriptView;

/// Everything about one session in one pane: its header, the transcript as bubbles with find,
/// copy and export, and the recording's player, kept in step both ways (a click on a turn
/// seeks there; the spoken turn is highlighted and followed).
///
/// It owns its model and player, and the PlaybackController it is given; the controller, built
/// where the client lives, is what fetches recordings and fresh URLs, so the pane never holds
/// the network client.
class SessionPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionPane)

public:
    /// Takes ownership of `controller`, and of its backend when nothing else owns it.
    explicit SessionPane(PlaybackController *controller, QWidget *parent = nullptr);
    ~SessionPane() override;

    /// Shows a session. The same session again (a refreshed list) updates the header and
    /// transcript but keeps the player where it is.
    void showSession(const SessionSummary &session);
    void clear();
    /// Says why a session could not be opened, in place of a session.
    void showError(const QString &message);
    /// Times in the header follow this zone (invalid: this machine's).
    void setTimeZone(const QTimeZone &zone);
    /// Plays or pauses the recording (Space, in the pane or in the list beside it).
    void togglePlayPause();
    /// The message line under the toolbar (an error, an export's result); empty when hidden.
    [[nodiscard]] QString messageText() const;
    [[nodiscard]] const SessionSummary &session() const { return m_session; }

    void copyTranscript() const;
    bool exportTranscript(const QString &path, TranscriptExport::Format format,
                          QString *error = nullptr) const;
    /// Writes the bundle folder below `parentDir`; returns its path, empty on failure.
    QString exportBundle(const QString &parentDir, QString *error = nullptr) const;

    [[nodiscard]] TranscriptModel *model() const { return m_model; }
    [[nodiscard]] TranscriptView *view() const { return m_view; }
    [[nodiscard]] SessionHeader *header() const { return m_header; }
    [[nodiscard]] TranscriptFindBar *findBar() const { return m_findBar; }
    [[nodiscard]] PlayerWidget *player() const { return m_player; }
    [[nodiscard]] PlaybackController *controller() const { return m_controller; }

private:
    void buildActions();
    void exportWithDialog(TranscriptExport::Format format);
    void exportBundleWithDialog();
    void showMessage(const QString &text);

    SessionSummary m_session;
    TranscriptModel *m_model;
    PlaybackController *m_controller;
    SessionHeader *m_header;
    TranscriptView *m_view;
    TranscriptFindBar *m_findBar;
    PlayerWidget *m_player;
    QToolButton *m_follow;
    QLabel *m_message;
    QScrollArea *m_headerScroll = nullptr;
};
