#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class StoreSyncController;

/// A sync of the store in progress: pages done out of the whole, sessions written and their
/// rate, and Cancel. Hidden when no sync runs.
class StoreSyncBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreSyncBar)

public:
    explicit StoreSyncBar(StoreSyncController *sync, QWidget *parent = nullptr);

    [[nodiscard]] QString text() const;
    [[nodiscard]] QProgressBar *progressBar() const { return m_bar; }
    [[nodiscard]] QPushButton *cancelButton() const { return m_cancel; }

private:
    QLabel *m_label;
    QProgressBar *m_bar;
    QPushButton *m_cancel;
};
