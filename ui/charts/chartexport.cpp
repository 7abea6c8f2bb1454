#include "ui/charts/chartexport.h"
#include "reports/outputfile.h"

#include <QAbstractItemModel>
#include <QChartView>
#include <QCoreApplication>
#include <QPainter>
#include <QSvgGenerator>

namespace ChartExport {
namespace {
QString csvField(QString text)
{
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) ||
        text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'))) {
        text.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        return QLatin1Char('"') + text + QLatin1Char('"');
    }
    return text;
}

QSize sizeFor(QChartView *view, QSize size)
{
    if (size.isEmpty())
        size = view->size();
    return size.isEmpty() ? QSize(960, 540) : size;
}

void paint(QChartView *view, QPainter &painter, QSize size)
{
    // The keyboard's marks (an outlined bar, a ringed point) are for the screen, not the file:
    // the chart takes them down when it loses the focus, and puts them back when it has it again.
    const bool focused = view->hasFocus();
    if (focused)
        view->clearFocus();
    // Resizing the scene, not the widget, so that exporting never disturbs the window.
    QChart *chart = view->chart();
    const QRectF before = chart->geometry();
    chart->resize(size);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(QRect(QPoint(), size), chart->backgroundBrush());
    view->scene()->render(&painter, QRectF(QPointF(), size), QRectF(QPointF(), size));
    chart->setGeometry(before);
    if (focused)
        view->setFocus(Qt::OtherFocusReason);
}
} // namespace

QImage renderImage(QChartView *view, QSize size)
{
    size = sizeFor(view, size);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    paint(view, painter, size);
    painter.end();
    return image;
}

bool savePng(QChartView *view, const QString &fileName, QString *error)
{
    const QImage image = renderImage(view);
    OutputFile file(fileName);
    if (!file.open() || !image.save(&file.device(), "PNG") || !file.commit()) {
        if (error)
            *error = QCoreApplication::translate("ChartExport", "Cannot write %1: %2")
                         .arg(fileName, file.errorString());
        return false;
    }
    return true;
}

bool saveSvg(QChartView *view, const QString &fileName, QString *error)
{
    const QSize size = sizeFor(view, {});
    QSvgGenerator generator;
    generator.setFileName(fileName);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(), size));
    generator.setTitle(view->chart()->title());
    generator.setDescription(
        QCoreApplication::translate("ChartExport", "Exported from Sessionscope"));
    QPainter painter;
    if (!painter.begin(&generator)) {
        if (error)
            *error = QCoreApplication::translate("ChartExport", "Cannot write %1.").arg(fileName);
        return false;
    }
    paint(view, painter, size);
    return painter.end();
}

QString refusal(const std::function<QString()> &missing)
{
    const QString what = missing ? missing() : QString();
    return what.isEmpty()
               ? QString()
               : QCoreApplication::translate("ChartExport", "Nothing was exported: %1.").arg(what);
}

void writeCsv(const QAbstractItemModel *model, QIODevice *device, int role)
{
    QStringList header;
    for (int column = 0; column < model->columnCount(); ++column) {
        QVariant name = model->headerData(column, Qt::Horizontal, role);
        if (!name.isValid())
            name = model->headerData(column, Qt::Horizontal, Qt::DisplayRole);
        header.append(csvField(name.toString()));
    }
    device->write(header.join(QLatin1Char(',')).toUtf8() + "\r\n");
    for (int row = 0; row < model->rowCount(); ++row) {
        QStringList fields;
        for (int column = 0; column < model->columnCount(); ++column) {
            const QModelIndex index = model->index(row, column);
            QVariant value = index.data(role);
            if (!value.isValid())
                value = index.data(Qt::DisplayRole);
            fields.append(csvField(value.toString()));
        }
        device->write(fields.join(QLatin1Char(',')).toUtf8() + "\r\n");
    }
}

bool saveCsv(const QAbstractItemModel *model, const QString &fileName, int role, QString *error)
{
    OutputFile file(fileName);
    if (file.open()) {
        writeCsv(model, &file.device(), role);
        if (file.commit())
            return true;
    }
    if (error)
        *error = QCoreApplication::translate("ChartExport", "Cannot write %1: %2")
                     .arg(fileName, file.errorString());
    return false;
}

} // namespace ChartExport
