#pragma once

#include <functional>

#include <QImage>
#include <QString>

class QAbstractItemModel;
class QChartView;
class QIODevice;

/// Writing a chart as an image (PNG, SVG) and its data as CSV. Rendering goes through the
/// chart's own scene, so it works offscreen and for charts never shown.
namespace ChartExport {

/// The chart drawn at `size` (the view's size when empty), on the view's background.
[[nodiscard]] QImage renderImage(QChartView *view, QSize size = {});
bool savePng(QChartView *view, const QString &fileName, QString *error = nullptr);
bool saveSvg(QChartView *view, const QString &fileName, QString *error = nullptr);
/// The sentence an export refused for `missing` (what keeps the figures from being whole, as
/// the page says it) shows; empty when `missing` is empty or unset, and the export may go on.
[[nodiscard]] QString refusal(const std::function<QString()> &missing);
/// The model as CSV (RFC 4180, CRLF): the horizontal header, then every row, each cell from
/// `role` when it holds a value (an exact-value role, say), else from Qt::DisplayRole. The
/// header too is asked for under `role` first: a model names its columns there for scripts, the
/// same in every language, and under Qt::DisplayRole for people.
void writeCsv(const QAbstractItemModel *model, QIODevice *device, int role = Qt::DisplayRole);
bool saveCsv(const QAbstractItemModel *model, const QString &fileName, int role = Qt::DisplayRole,
             QString *error = nullptr);

} // namespace ChartExport
