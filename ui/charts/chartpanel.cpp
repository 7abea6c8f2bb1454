#include "ui/charts/chartpanel.h"
#include "ui/charts/chartexport.h"

#include <QChartView>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QMenu>
#include <QToolButton>
#include <QVBoxLayout>

ChartPanel::ChartPanel(QChartView *chart, const QAbstractItemModel *data, int csvRole,
                       QWidget *parent)
    : QWidget(parent)
    , m_chart(chart)
    , m_data(data)
    , m_csvRole(csvRole)
    , m_controls(new QHBoxLayout)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *exportButton = new QToolButton(this);
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    exportButton->setAccessibleName(tr("Export"));
    exportButton->setAccessibleDescription(
        tr("Saves the chart as PNG or SVG, or its figures as CSV"));
    auto *menu = new QMenu(exportButton);
    for (const QString &kind :
         {QStringLiteral("PNG"), QStringLiteral("SVG"), QStringLiteral("CSV")}) {
        const QString label = kind == u"CSV" ? tr("Data as CSV…") : tr("Chart as %1…").arg(kind);
        menu->addAction(label, this, [this, kind] { exportAs(kind); });
    }
    exportButton->setMenu(menu);
    m_controls->addStretch(1);
    m_controls->addWidget(exportButton);
    layout->addLayout(m_controls);
    m_chart->setParent(this);
    layout->addWidget(m_chart, 1);
}

ChartPanel::~ChartPanel() = default;

void ChartPanel::addControl(QWidget *control)
{
    m_controls->insertWidget(m_controls->count() - 2, control);
}

void ChartPanel::exportAs(const QString &kind)
{
    // Said before the file is asked for, and again when it is written: the figures may change
    // while the dialog is open.
    if (const QString refused = ChartExport::refusal(m_missing); !refused.isEmpty()) {
        Q_EMIT exportFailed(refused);
        return;
    }
    const QString suffix = kind.toLower();
    const QString fileName = QFileDialog::getSaveFileName(
        this, tr("Export %1").arg(kind), QStringLiteral("sessionscope-chart.%1").arg(suffix),
        tr("%1 files (*.%2)").arg(kind, suffix));
    if (!fileName.isEmpty())
        exportTo(kind, fileName);
}

bool ChartPanel::exportTo(const QString &kind, const QString &fileName)
{
    if (const QString refused = ChartExport::refusal(m_missing); !refused.isEmpty()) {
        Q_EMIT exportFailed(refused);
        return false;
    }
    QString error;
    bool ok = false;
    if (kind == u"PNG")
        ok = ChartExport::savePng(m_chart, fileName, &error);
    else if (kind == u"SVG")
        ok = ChartExport::saveSvg(m_chart, fileName, &error);
    else
        ok = ChartExport::saveCsv(m_data, fileName, m_csvRole, &error);
    if (!ok)
        Q_EMIT exportFailed(error);
    return ok;
}
