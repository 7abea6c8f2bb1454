#include "app/gui/storeoption.h"

namespace StoreOption {

bool take(QStringList &arguments, QString *database, QString *error)
{
    const QString name = QStringLiteral("--database");
    bool found = false;
    for (qsizetype i = 1; i < arguments.size();) {
        const QString &argument = arguments.at(i);
        QString value;
        if (argument == name) {
            if (i + 1 >= arguments.size() || arguments.at(i + 1).startsWith(QLatin1Char('-'))) {
                *error = QStringLiteral("--database needs a SQLite file or a postgresql:// URL.");
                return false;
            }
            value = arguments.at(i + 1);
            arguments.remove(i, 2);
        } else if (argument.startsWith(name + QLatin1Char('='))) {
            value = argument.mid(name.size() + 1);
            arguments.remove(i);
        } else {
            ++i;
            continue;
        }
        if (found) {
            *error = QStringLiteral("--database is given twice.");
            return false;
        }
        if (value.isEmpty()) {
            *error = QStringLiteral("--database needs a SQLite file or a postgresql:// URL.");
            return false;
        }
        found = true;
        *database = value;
    }
    return true;
}

} // namespace StoreOption
