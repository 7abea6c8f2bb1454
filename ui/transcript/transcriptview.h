#pragma once

#include <QListView>

class TranscriptDelegate;
class TranscriptModel;

/// The transcript as a list of bubbles. It follows playback (keeps the spoken turn in view)
/// until the user scrolls away, which turns following off; a click on a turn asks to play
/// from there.
class TranscriptView final : public QListView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TranscriptView)

public:
    explicit TranscriptView(QWidget *parent = nullptr);
    ~TranscriptView() override;

    void setTranscriptModel(TranscriptModel *model);
    [[nodiscard]] TranscriptDelegate *bubbleDelegate() const { return m_delegate; }

    void setFollowPlayback(bool follow);
    [[nodiscard]] bool followsPlayback() const { return m_follow; }
    /// Scrolls a row into view without turning following off.
    void showRow(int row);

Q_SIGNALS:
    void turnActivated(int row);
    void followPlaybackChanged(bool follow);

protected:
    void resizeEvent(QResizeEvent *event) override;
    /// A new font lays the bubbles out again (their heights are cached per font and width); a
    /// new palette repaints them in its colours.
    void changeEvent(QEvent *event) override;
    /// Enter plays from the current turn, as a click on it does.
    void keyPressEvent(QKeyEvent *event) override;

private:
    void onPlayingRowChanged(int row);
    void onUserScroll();

    TranscriptModel *m_model = nullptr;
    TranscriptDelegate *m_delegate;
    bool m_follow = true;
};
