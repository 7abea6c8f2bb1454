#include "ui/sessions/rowscopy.h"
#include "models/sessioncolumns.h"
#include "models/sessiontablemodel.h"

#include <QAbstractItemModel>

#include <algorithm>

namespace RowsCopy {

QString quoteCsv(const QString &field)
{
    if (!field.contains(QLatin1Char(',')) && !field.contains(QLatin1Char('"')) &&
        !field.contains(QLatin1Char('\n')) && !field.contains(QLatin1Char('\r')))
        return field;
    QString quoted = field;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

namespace {
QString cell(const SessionSummary &s, int column, const QString &displayed)
{
    if (column == SessionColumns::Cost)
        return s.estimatedCost.toDecimalString();
    if (SessionColumns::isNumeric(column))
        return SessionColumns::sortValue(s, column).toString();
    if (column == SessionColumns::InProgress)
        return s.inProgress() ? QStringLiteral("true") : QStringLiteral("false");
    return displayed;
}

QString field(const QString &text, Format format)
{
    if (format == Format::Csv)
        return quoteCsv(text);
    QString flat = text;
    flat.replace(QLatin1Char('\t'), QLatin1Char(' '));
    flat.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return flat;
}
} // namespace

Result copyRows(const QAbstractItemModel &model, QList<int> rows, const QList<int> &columns,
                Format format)
{
    const QChar separator = format == Format::Csv ? QLatin1Char(',') : QLatin1Char('\t');
    const QString newline = format == Format::Csv ? QStringLiteral("\r\n") : QStringLiteral("\n");
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    Result result;
    QStringList header;
    for (const int column : columns)
        header.append(field(model.headerData(column, Qt::Horizontal).toString(), format));
    result.text = header.join(separator) + newline;
    for (const int row : std::as_const(rows)) {
        const QVariant value = model.index(row, 0).data(SessionTableModel::SessionRole);
        if (!value.isValid()) {
            ++result.skipped;
            continue;
        }
        const auto session = value.value<SessionSummary>();
        QStringList line;
        for (const int column : columns)
            line.append(
                field(cell(session, column, model.index(row, column).data().toString()), format));
        result.text += line.join(separator) + newline;
        ++result.copied;
    }
    return result;
}

} // namespace RowsCopy
