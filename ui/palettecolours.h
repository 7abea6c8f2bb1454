#pragma once

#include <QColor>
#include <QPalette>

#include <functional>

class QChart;
class QLabel;
class QWidget;

/// Colours the widgets draw themselves, taken from the palette in use so that a dark system
/// palette gives readable text. Legibility is measured as WCAG 2 defines it: a contrast ratio
/// of 4.5:1 between text and its background.
namespace PaletteColours {

inline constexpr double MinimumContrast = 4.5;

[[nodiscard]] bool isDark(const QPalette &palette);
[[nodiscard]] double relativeLuminance(const QColor &colour);
[[nodiscard]] double contrastRatio(const QColor &a, const QColor &b);
/// `preferred` when it reads on `background`; otherwise black or white, whichever reads better.
[[nodiscard]] QColor legibleOn(const QColor &background, const QColor &preferred);
/// Secondary text (captions): the text colour faded toward `background` only as far as it
/// still reads on it.
[[nodiscard]] QColor secondaryText(const QPalette &palette, const QColor &background);
/// Red for error messages, lighter on a dark palette.
[[nodiscard]] QColor errorText(const QPalette &palette);
/// A tinted background for a message band: `hue` in degrees, faint on light palettes and
/// deep on dark ones.
[[nodiscard]] QColor tint(const QPalette &palette, int hue);
/// Background, title, legend, axis labels and grid of `chart` from `palette`. Axes are
/// recreated on every rebuild, so the charts call this after each one.
void styleChart(QChart *chart, const QPalette &palette);

/// Runs `apply` now and whenever `widget`'s palette changes (a switch between light and dark).
/// `apply` may set the widget's palette: a palette equal to the one it has sends no event.
void follow(QWidget *widget, std::function<void()> apply);
/// `label`'s text in the error colour of the palette in use, light or dark.
void showAsError(QLabel *label);
/// `widget` filled with the tint of `hue` and its text legible on it, on any palette.
void showTinted(QWidget *widget, int hue);

} // namespace PaletteColours
