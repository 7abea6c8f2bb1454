#include "ui/comparison/comparisonview.h"
#include "models/characterpalette.h"
#include "models/comparisonmodel.h"
#include "reports/outputfile.h"
#include "ui/charts/chartexport.h"
#include "ui/charts/comparisoncharts.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPixmap>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

ComparisonView::ComparisonView(ComparisonModel *model, CharacterPalette *palette, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_palette(palette)
    , m_picker(new QListWidget(this))
    , m_hint(new QLabel(this))
    , m_table(new QTableView(this))
    , m_charts(new ComparisonCharts(model, palette, this))
    , m_pages(new QStackedWidget(this))
{
    auto *left = new QVBoxLayout;
    auto *pickerLabel = new QLabel(tr("Characters (2–6):"), this);
    pickerLabel->setBuddy(m_picker);
    left->addWidget(pickerLabel);
    left->addWidget(m_picker, 1);
    m_hint->setWordWrap(true);
    left->addWidget(m_hint);

    m_table->setModel(m_model);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setAccessibleName(tr("Comparison"));
    m_table->setAccessibleDescription(
        tr("The chosen characters side by side, one figure per row, the best one marked"));
    m_picker->setAccessibleName(tr("Characters to compare"));
    m_picker->setAccessibleDescription(tr("Check two to six characters to compare them"));
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_charts);
    auto *exportButton = new QToolButton(this);
    exportButton->setObjectName(QStringLiteral("comparisonExport"));
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    exportButton->setAccessibleName(tr("Export"));
    exportButton->setAccessibleDescription(tr("Saves the charts as PNG or the figures as CSV"));
    auto *menu = new QMenu(exportButton);
    menu->addAction(tr("Charts as PNG…"), this, [this] { exportAs(QStringLiteral("png")); });
    menu->addAction(tr("Data as CSV…"), this, [this] { exportAs(QStringLiteral("csv")); });
    exportButton->setMenu(menu);
    auto *results = new QWidget(this);
    auto *resultsLayout = new QVBoxLayout(results);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
    auto *exportRow = new QHBoxLayout;
    exportRow->addStretch(1);
    exportRow->addWidget(exportButton);
    resultsLayout->addLayout(exportRow);
    resultsLayout->addWidget(m_table, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(results);
    split->addWidget(scroll);

    auto *empty = new QLabel(tr("Choose two to six characters on the left to compare them side "
                                "by side: sessions, costs, durations and more, with a chart "
                                "for each."),
                             this);
    empty->setObjectName(QStringLiteral("comparisonEmptyState"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    m_pages->addWidget(empty);
    m_pages->addWidget(split);

    auto *layout = new QHBoxLayout(this);
    layout->addLayout(left);
    layout->addWidget(m_pages, 1);
    connect(m_picker, &QListWidget::itemChanged, this, &ComparisonView::onPickerChanged);
    onPickerChanged();
}

ComparisonView::~ComparisonView() = default;

void ComparisonView::setAvailableCharacters(const QStringList &slugs)
{
    const QStringList wasChosen = chosen();
    m_updating = true;
    m_picker->clear();
    for (const QString &slug : slugs) {
        auto *item = new QListWidgetItem(slug, m_picker);
        QPixmap swatch(12, 12);
        swatch.fill(m_palette->color(slug, palette()));
        item->setIcon(swatch);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(wasChosen.contains(slug) ? Qt::Checked : Qt::Unchecked);
    }
    m_updating = false;
    onPickerChanged();
}

void ComparisonView::choose(const QStringList &slugs)
{
    m_updating = true;
    for (int i = 0; i < m_picker->count(); ++i) {
        QListWidgetItem *item = m_picker->item(i);
        const int at = int(slugs.indexOf(item->text()));
        item->setCheckState(at >= 0 && at < ComparisonModel::MaxCharacters ? Qt::Checked
                                                                           : Qt::Unchecked);
    }
    m_updating = false;
    onPickerChanged();
}

bool ComparisonView::exportTo(const QString &fileName, QString *error)
{
    if (const QString refused = ChartExport::refusal(m_missing); !refused.isEmpty()) {
        if (error)
            *error = refused;
        return false;
    }
    if (fileName.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive)) {
        // One row a metric, named by its machine name, one column a character, exact values.
        const auto field = [](const QString &text) {
            QString quoted = text;
            quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
            return QLatin1Char('"') + quoted + QLatin1Char('"');
        };
        QString csv = field(QStringLiteral("metric"));
        for (int column = 0; column < m_model->columnCount(); ++column)
            csv += QLatin1Char(',') +
                   field(m_model->index(0, column).data(ComparisonModel::SlugRole).toString());
        csv += QStringLiteral("\r\n");
        for (int row = 0; row < m_model->rowCount(); ++row) {
            csv += field(ComparisonMetrics::key(ComparisonMetrics::Metric(row)));
            for (int column = 0; column < m_model->columnCount(); ++column)
                csv +=
                    QLatin1Char(',') +
                    field(m_model->index(row, column).data(ComparisonModel::ExactRole).toString());
            csv += QStringLiteral("\r\n");
        }
        OutputFile file(fileName);
        if (file.open() && file.device().write(csv.toUtf8()) >= 0 && file.commit())
            return true;
        if (error)
            *error = tr("Cannot write %1: %2").arg(fileName, file.errorString());
        return false;
    }
    // The twelve charts as one picture, as they are laid out.
    const QImage image = m_charts->grab().toImage();
    if (image.save(fileName, "PNG"))
        return true;
    if (error)
        *error = tr("Cannot write %1").arg(fileName);
    return false;
}

void ComparisonView::exportAs(const QString &suffix)
{
    const QString fileName = QFileDialog::getSaveFileName(
        this, tr("Export the comparison"), QStringLiteral("sessionscope-comparison.%1").arg(suffix),
        tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix));
    if (fileName.isEmpty())
        return;
    QString error;
    if (!exportTo(fileName, &error))
        m_hint->setText(error);
}

bool ComparisonView::isShowingEmptyState() const
{
    return m_pages->currentIndex() == 0;
}

QStringList ComparisonView::chosen() const
{
    QStringList out;
    for (int i = 0; i < m_picker->count(); ++i) {
        if (m_picker->item(i)->checkState() == Qt::Checked)
            out.append(m_picker->item(i)->text());
    }
    return out;
}

void ComparisonView::onPickerChanged()
{
    if (m_updating)
        return;
    const QStringList slugs = chosen();
    const bool full = slugs.size() >= ComparisonModel::MaxCharacters;
    // At six, the unchecked ones are disabled rather than silently refused.
    m_updating = true;
    for (int i = 0; i < m_picker->count(); ++i) {
        QListWidgetItem *item = m_picker->item(i);
        const bool enabled = !full || item->checkState() == Qt::Checked;
        item->setFlags(enabled ? item->flags() | Qt::ItemIsEnabled
                               : item->flags() & ~Qt::ItemIsEnabled);
    }
    m_updating = false;
    if (slugs.size() < ComparisonModel::MinCharacters) {
        m_hint->setText(tr("Pick at least two characters to compare."));
        m_model->setCharacters({});
        m_pages->setCurrentIndex(0);
    } else {
        m_hint->setText(tr("Bold: the best value of each row."));
        m_model->setCharacters(slugs);
        m_pages->setCurrentIndex(1);
    }
    Q_EMIT chosenChanged(slugs);
}
