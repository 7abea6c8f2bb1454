#pragma once

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QCalendarWidget>
#include <QChartView>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSet>
#include <QStringList>
#include <QTabBar>
#include <QTextEdit>
#include <QWidget>

#include <cmath>

/// What the accessibility tests check on any widget tree: every control a user can reach has a
/// name and a description for a screen reader, and text reads on its background.
namespace AccessibilityCheck {

/// Parts of Qt's compound widgets (a combo box's line edit, a spin box's, a table's corner
/// button, a tab bar's scroll arrows, a line edit's clear button, the menu bar's overflow) are
/// named through the widget that owns them.
inline bool isPartOfCompound(const QWidget *w)
{
    for (const QWidget *p = w->parentWidget(); p; p = p->parentWidget()) {
        if (qobject_cast<const QComboBox *>(p) || qobject_cast<const QAbstractSpinBox *>(p) ||
            qobject_cast<const QTabBar *>(p) || qobject_cast<const QAbstractItemView *>(p) ||
            qobject_cast<const QCalendarWidget *>(p) || qobject_cast<const QLineEdit *>(p) ||
            qobject_cast<const QMenuBar *>(p))
            return true;
    }
    return false;
}

inline bool isInteractive(const QWidget *w)
{
    if (qobject_cast<const QScrollBar *>(w) || qobject_cast<const QHeaderView *>(w))
        return false;
    if (isPartOfCompound(w))
        return false;
    return qobject_cast<const QAbstractButton *>(w) || qobject_cast<const QLineEdit *>(w) ||
           qobject_cast<const QComboBox *>(w) || qobject_cast<const QAbstractSpinBox *>(w) ||
           qobject_cast<const QAbstractSlider *>(w) || qobject_cast<const QAbstractItemView *>(w) ||
           qobject_cast<const QTabBar *>(w) || qobject_cast<const QPlainTextEdit *>(w) ||
           qobject_cast<const QTextEdit *>(w) || qobject_cast<const QChartView *>(w);
}

inline QString describe(const QWidget *w)
{
    QStringList path;
    for (const QWidget *p = w; p; p = p->parentWidget()) {
        const QString name = p->objectName();
        path.prepend(QString::fromLatin1(p->metaObject()->className()) +
                     (name.isEmpty() ? QString() : QLatin1Char('#') + name));
    }
    return path.join(QStringLiteral(" > "));
}

/// The interactive widgets under `root` (itself included) that a screen reader would find
/// without a name or a description; `checked` counts the ones looked at.
inline QStringList unnamed(QWidget *root, QSet<const QWidget *> *checked)
{
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    QStringList out;
    for (QWidget *w : std::as_const(widgets)) {
        if (!isInteractive(w))
            continue;
        checked->insert(w);
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
        // A tab bar has no description of its own: each tab carries its name and description.
        if (auto *tabs = qobject_cast<QTabBar *>(w); tabs && iface) {
            for (int i = 0; i < iface->childCount(); ++i) {
                QAccessibleInterface *tab = iface->child(i);
                if (tab->role() != QAccessible::PageTab)
                    continue;
                if (tab->text(QAccessible::Name).isEmpty() ||
                    tab->text(QAccessible::Description).isEmpty())
                    out.append(
                        describe(w) +
                        QStringLiteral(" tab %1 [%2]").arg(i).arg(tab->text(QAccessible::Name)));
            }
            if (iface->text(QAccessible::Name).isEmpty())
                out.append(describe(w) + QStringLiteral(" [no name]"));
            continue;
        }
        const QString name = iface ? iface->text(QAccessible::Name).trimmed() : QString();
        const QString description =
            iface ? iface->text(QAccessible::Description).trimmed() : QString();
        if (name.isEmpty() || description.isEmpty())
            out.append(describe(w) + (name.isEmpty() ? QStringLiteral(" [no name]") : QString()) +
                       (description.isEmpty() ? QStringLiteral(" [no description]") : QString()));
    }
    return out;
}

/// WCAG 2 relative luminance and contrast ratio, written out here rather than taken from the
/// code under test.
inline double luminance(const QColor &c)
{
    const auto lin = [](double v) {
        return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    const QColor rgb = c.toRgb();
    return 0.2126 * lin(rgb.redF()) + 0.7152 * lin(rgb.greenF()) + 0.0722 * lin(rgb.blueF());
}

inline double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

inline QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::PlaceholderText, QColor(0xee, 0xee, 0xee, 0x80));
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::Mid, QColor(0x50, 0x50, 0x50));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    return p;
}

} // namespace AccessibilityCheck
