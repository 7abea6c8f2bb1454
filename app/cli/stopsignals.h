#pragma once

#include <QObject>

class QSocketNotifier;

/// SIGINT and SIGTERM as a Qt signal, for commands that must stop cleanly (a sync commits
/// page by page and keeps what it committed). The handler only writes the signal's number to
/// a pipe; the event loop reads it. While an object of this class lives, the default action
/// (ending the process at once) is replaced; the destructor puts it back.
class StopSignals final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StopSignals)

public:
    explicit StopSignals(QObject *parent = nullptr);
    ~StopSignals() override;

    /// The signal that arrived first, 0 while none has.
    [[nodiscard]] int received() const { return m_received; }

Q_SIGNALS:
    void stopRequested(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
    int m_received = 0;
};
