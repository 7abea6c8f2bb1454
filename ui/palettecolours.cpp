#include "ui/palettecolours.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QChart>
#include <QEvent>
#include <QLabel>
#include <QLegend>

#include <cmath>

namespace {
/// Calls its function on every palette change of the widget it filters.
class PaletteFollower final : public QObject
{
public:
    PaletteFollower(QWidget *widget, std::function<void()> apply)
        : QObject(widget)
        , m_apply(std::move(apply))
    {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::PaletteChange && !m_applying) {
            m_applying = true;
            m_apply();
            m_applying = false;
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_apply;
    bool m_applying = false;
};

/// The palette around `widget`: its own may carry colours set here.
QPalette surrounding(const QWidget *widget)
{
    return widget->parentWidget() ? widget->parentWidget()->palette() : QApplication::palette();
}
} // namespace

namespace PaletteColours {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

double relativeLuminance(const QColor &colour)
{
    const auto channel = [](double c) {
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    const QColor rgb = colour.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) +
           0.0722 * channel(rgb.blueF());
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor legibleOn(const QColor &background, const QColor &preferred)
{
    QColor opaque = preferred;
    opaque.setAlpha(255);
    if (contrastRatio(background, opaque) >= MinimumContrast)
        return opaque;
    const QColor black(Qt::black);
    const QColor white(Qt::white);
    return contrastRatio(background, black) >= contrastRatio(background, white) ? black : white;
}

QColor secondaryText(const QPalette &palette, const QColor &background)
{
    const QColor text = legibleOn(background, palette.color(QPalette::Text));
    // Fade in steps and keep the last step that still reads: the caption stays quieter than
    // the text on every palette without dropping below the contrast the text needs.
    QColor chosen = text;
    for (int step = 1; step <= 6; ++step) {
        const double t = step * 0.08;
        const QColor mixed =
            QColor::fromRgbF(float(text.redF() * (1 - t) + background.redF() * t),
                             float(text.greenF() * (1 - t) + background.greenF() * t),
                             float(text.blueF() * (1 - t) + background.blueF() * t));
        if (contrastRatio(mixed, background) < MinimumContrast)
            break;
        chosen = mixed;
    }
    return chosen;
}

QColor errorText(const QPalette &palette)
{
    const QColor background = palette.color(QPalette::Window);
    return legibleOn(background,
                     isDark(palette) ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20));
}

QColor tint(const QPalette &palette, int hue)
{
    return isDark(palette) ? QColor::fromHsl(hue, 90, 50) : QColor::fromHsl(hue, 200, 238);
}

void styleChart(QChart *chart, const QPalette &palette)
{
    const QColor background = palette.color(QPalette::Base);
    const QColor text = legibleOn(background, palette.color(QPalette::Text));
    QColor grid = palette.color(QPalette::Mid);
    chart->setBackgroundBrush(background);
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    const auto axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setLinePenColor(grid);
        axis->setGridLineColor(grid);
    }
}

void follow(QWidget *widget, std::function<void()> apply)
{
    apply();
    widget->installEventFilter(new PaletteFollower(widget, std::move(apply)));
}

void showAsError(QLabel *label)
{
    follow(label, [label] {
        QPalette p = label->palette();
        p.setColor(QPalette::WindowText, errorText(surrounding(label)));
        label->setPalette(p);
    });
}

void showTinted(QWidget *widget, int hue)
{
    widget->setAutoFillBackground(true);
    const auto apply = [widget, hue] {
        const QPalette around = surrounding(widget);
        const QColor background = tint(around, hue);
        QPalette p = widget->palette();
        p.setColor(QPalette::Window, background);
        p.setColor(QPalette::WindowText, legibleOn(background, around.color(QPalette::WindowText)));
        widget->setPalette(p);
    };
    // Set once per kind of message: a second call replaces the hue, not adds a follower.
    for (QObject *child : widget->children()) {
        if (auto *old = dynamic_cast<PaletteFollower *>(child))
            delete old;
    }
    follow(widget, apply);
}

} // namespace PaletteColours
