#include "ui/sessions/exportflow.h"
#include "models/sessionexporter.h"
#include "models/sessiontablemodel.h"

#include <QFileDialog>
#include <QLocale>
#include <QProgressDialog>
#include <QPushButton>
#include <QWidget>

ExportFlow::ExportFlow(SessionExporter *exporter, SessionTableModel *model, QWidget *window)
    : QObject(window)
    , m_exporter(exporter)
    , m_model(model)
    , m_window(window)
{
    connect(m_exporter, &SessionExporter::progress, this, [this](int done, int count) {
        if (!m_progress)
            return;
        m_progress->setMaximum(qMax(1, count));
        m_progress->setValue(done);
    });
    connect(
        m_exporter, &SessionExporter::finished, this, [this](const QString &path, qint64 sessions) {
            closeProgress();
            Q_EMIT message(tr("Exported %Ln session(s) to %1", nullptr, int(sessions)).arg(path));
        });
    connect(m_exporter, &SessionExporter::failed, this, [this](const QString &why) {
        closeProgress();
        Q_EMIT message(tr("Export failed, no file written: %1").arg(why));
    });
    connect(m_exporter, &SessionExporter::cancelled, this, [this] {
        closeProgress();
        Q_EMIT message(tr("Export cancelled, no file written"));
    });
}

ExportFlow::~ExportFlow() = default;

void ExportFlow::ask()
{
    // Not modal on a nested loop: the dialog answers through its signal.
    auto *dialog = new QFileDialog(m_window, tr("Export the list"));
    dialog->setObjectName(QStringLiteral("exportDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilters({tr("JSON Lines (*.jsonl)"), tr("CSV (*.csv)")});
    dialog->setDefaultSuffix(QStringLiteral("jsonl"));
    connect(dialog, &QFileDialog::filterSelected, dialog, [dialog](const QString &filter) {
        dialog->setDefaultSuffix(filter.contains(QStringLiteral("*.csv"))
                                     ? QStringLiteral("csv")
                                     : QStringLiteral("jsonl"));
    });
    connect(dialog, &QFileDialog::fileSelected, this, &ExportFlow::start);
    dialog->open();
}

void ExportFlow::start(const QString &path)
{
    const auto format = path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive)
                            ? SessionExportWriter::Format::Csv
                            : SessionExportWriter::Format::JsonLines;
    // The list's own query: its filter with the end it pinned, so the file holds the sessions
    // the list counts, not those that arrived since.
    if (!m_exporter->start(m_model->query(), path, format))
        return;
    m_progress = new QProgressDialog(tr("Exporting the list to %1…").arg(path), tr("Cancel"), 0, 1,
                                     m_window);
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    m_progress->setAccessibleName(tr("Export progress"));
    m_progress->setAccessibleDescription(tr("Sessions written to %1").arg(path));
    if (auto *cancel = m_progress->findChild<QPushButton *>()) {
        cancel->setAccessibleName(tr("Cancel export"));
        cancel->setAccessibleDescription(tr("Stops the export; the file is not written"));
    }
    m_progress->setAttribute(Qt::WA_DeleteOnClose);
    m_progress->setMinimumDuration(300);
    m_progress->setValue(0);
    connect(m_progress, &QProgressDialog::canceled, m_exporter, &SessionExporter::cancel);
}

void ExportFlow::closeProgress()
{
    if (!m_progress)
        return;
    // Disconnected first: closing emits canceled(), which must not cancel what has ended.
    m_progress->disconnect(m_exporter);
    m_progress->close();
    m_progress = nullptr;
}
