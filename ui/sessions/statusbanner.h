#pragma once

#include <QFrame>

class QLabel;
class QProgressBar;
class QPushButton;

/// An inline banner above the table for the states a user can act on (loading with cancel,
/// nothing found, sign in again, retry), in place of message boxes: it never blocks the window
/// and leaves what is loaded visible.
class StatusBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusBanner)

public:
    enum class Kind { Info, Progress, Warning, Error };
    Q_ENUM(Kind)

    explicit StatusBanner(QWidget *parent = nullptr);

    /// `actionText` labels the one button (Retry, Connect…); empty hides it.
    void showMessage(Kind kind, const QString &text, const QString &actionText = {});
    /// Progress with Cancel; total 0 shows a busy indicator.
    void showProgress(const QString &text, int done = 0, int total = 0);
    void hideBanner();

    [[nodiscard]] Kind kind() const { return m_kind; }
    [[nodiscard]] QString text() const;
    [[nodiscard]] QString actionText() const;

Q_SIGNALS:
    void actionTriggered();
    void cancelRequested();

private:
    QLabel *m_text;
    QProgressBar *m_progress;
    QPushButton *m_action;
    QPushButton *m_cancel;
    Kind m_kind = Kind::Info;
};
