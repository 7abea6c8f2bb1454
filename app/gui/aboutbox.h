#pragma once

#include <QIcon>

class QMainWindow;
class QMessageBox;

/// The product's name, version and icon, where a user looks for them: the Help menu's About box,
/// the title bar and the task switcher.
namespace AboutBox {
/// The icon as installed in the desktop's icon theme, else the one compiled into the program,
/// so that a build run from its build folder shows it too.
[[nodiscard]] QIcon applicationIcon();
/// Adds Help ▸ About Sessionscope and Help ▸ About Qt to the window's menu bar.
void addHelpMenu(QMainWindow &window);
/// Opens the About box over `window` without waiting for it to close; it deletes itself on close.
QMessageBox *show(QMainWindow &window);
} // namespace AboutBox
