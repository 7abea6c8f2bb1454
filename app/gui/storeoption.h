#pragma once

#include <QString>
#include <QStringList>

/// The window's `--database PATH|URL` (open the window on a local store, with no server),
/// taken out of the arguments before the connection options are read.
namespace StoreOption {
/// Removes `--database VALUE` or `--database=VALUE` from `arguments` into `database`. False
/// with a message when it has no value or is given twice.
bool take(QStringList &arguments, QString *database, QString *error);
} // namespace StoreOption
