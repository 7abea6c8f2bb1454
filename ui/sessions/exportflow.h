#pragma once

#include <QObject>
#include <QPointer>

class QProgressDialog;
class QWidget;
class SessionExporter;
class SessionTableModel;

/// File > Export in the window: asks where to write, exports exactly the sessions the list
/// shows (its filter, with the end the list pinned) through the same writer as
/// `sessionscope export`, shows the progress with Cancel, and says how it ended.
class ExportFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportFlow)

public:
    ExportFlow(SessionExporter *exporter, SessionTableModel *model, QWidget *window);
    ~ExportFlow() override;

    /// Opens the file chooser; the export starts once a file is chosen.
    void ask();
    /// Exports to `path`: CSV when it ends in .csv, JSON Lines otherwise.
    void start(const QString &path);

Q_SIGNALS:
    /// A sentence for the status bar: where the export went, or why it did not.
    void message(const QString &text);

private:
    void closeProgress();

    SessionExporter *m_exporter;
    SessionTableModel *m_model;
    QWidget *m_window;
    QPointer<QProgressDialog> m_progress;
};
