#include "ui/charts/characterbarchart.h"
#include "models/characterpalette.h"
#include "models/charactertotalsmodel.h"
#include "ui/charts/nicescale.h"
#include "ui/palettecolours.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QKeyEvent>
#include <QStackedBarSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>

CharacterBarChart::CharacterBarChart(CharacterTotalsModel *model, CharacterPalette *palette,
                                     QWidget *parent)
    : QChartView(new QChart, parent)
    , m_model(model)
    , m_palette(palette)
{
    setRenderHint(QPainter::Antialiasing);
    setFocusPolicy(Qt::StrongFocus);
    chart()->legend()->hide();
    chart()->setAnimationOptions(QChart::NoAnimation);
    setAccessibleName(tr("Totals per character"));
    m_focus.followLayout([this] { markCurrent(true); });
    m_rebuild.setSingleShot(true);
    m_rebuild.setInterval(0);
    connect(&m_rebuild, &QTimer::timeout, this, &CharacterBarChart::rebuild);
    // Answers arrive one character at a time: the chart redraws once per event-loop turn.
    connect(m_model, &QAbstractItemModel::dataChanged, this, &CharacterBarChart::scheduleRebuild);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &CharacterBarChart::scheduleRebuild);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &CharacterBarChart::scheduleRebuild);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CharacterBarChart::scheduleRebuild);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &CharacterBarChart::scheduleRebuild);
    rebuild();
}

CharacterBarChart::~CharacterBarChart() = default;

QString CharacterBarChart::metricName(Metric metric)
{
    switch (metric) {
    case Metric::Sessions:
        return tr("Sessions");
    case Metric::Cost:
        return tr("Cost");
    case Metric::LlmTokens:
        return tr("LLM tokens");
    case Metric::SttMinutes:
        return tr("STT minutes");
    case Metric::TtsCharacters:
        return tr("TTS characters");
    }
    return {};
}

QString CharacterBarChart::metricUnit(Metric metric)
{
    switch (metric) {
    case Metric::Sessions:
        return tr("sessions");
    case Metric::Cost:
        return tr("USD");
    case Metric::LlmTokens:
        return tr("tokens (input solid, output pale)");
    case Metric::SttMinutes:
        return tr("minutes of audio");
    case Metric::TtsCharacters:
        return tr("characters");
    }
    return {};
}

void CharacterBarChart::setMetric(Metric metric)
{
    if (m_metric == metric)
        return;
    m_metric = metric;
    rebuild();
}

void CharacterBarChart::scheduleRebuild()
{
    m_rebuild.start();
}

void CharacterBarChart::rebuildNow()
{
    rebuild();
}

QList<double> CharacterBarChart::values(int row) const
{
    using C = CharacterTotalsModel;
    const auto raw = [&](int column) {
        return m_model->index(row, column).data(C::SortRole).toDouble();
    };
    switch (m_metric) {
    case Metric::Sessions:
        return {raw(C::SessionsColumn)};
    case Metric::Cost:
        return {raw(C::CostColumn) / 1e6};
    case Metric::LlmTokens:
        return {raw(C::LlmInputTokensColumn), raw(C::LlmOutputTokensColumn)};
    case Metric::SttMinutes:
        return {raw(C::SttMinutesColumn)};
    case Metric::TtsCharacters:
        return {raw(C::TtsCharactersColumn)};
    }
    return {0};
}

int CharacterBarChart::rowOf(const QString &slug) const
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->index(row, 0).data(CharacterTotalsModel::SlugRole).toString() == slug)
            return row;
    }
    return -1;
}

QString CharacterBarChart::tooltip(int row) const
{
    using C = CharacterTotalsModel;
    const auto exact = [&](int column) {
        return m_model->index(row, column).data(C::ExactRole).toString();
    };
    // Counts as the table shows them, grouped the locale's way.
    const auto shown = [&](int column) {
        return m_model->index(row, column).data().toString();
    };
    const QString name = m_model->index(row, C::CharacterColumn).data().toString();
    switch (m_metric) {
    case Metric::Sessions:
        return tr("%1: %Ln session(s)", nullptr, int(values(row).value(0))).arg(name);
    case Metric::Cost:
        return tr("%1: %2 (exactly %3)")
            .arg(name, m_model->index(row, C::CostColumn).data().toString(),
                 m_model->index(row, C::CostColumn).data(Qt::ToolTipRole).toString());
    case Metric::LlmTokens: {
        const QList<double> v = values(row);
        return tr("%1\ninput: %2 tokens\noutput: %3 tokens\ntotal: %4 tokens")
            .arg(name, shown(C::LlmInputTokensColumn), shown(C::LlmOutputTokensColumn),
                 QLocale().toString(qint64(v.value(0) + v.value(1))));
    }
    case Metric::SttMinutes:
        return tr("%1: %2 min (%3)")
            .arg(name, QLocale().toString(values(row).value(0), 'f', 2),
                 exact(C::SttMinutesColumn));
    case Metric::TtsCharacters:
        // No plural form: a character's total may pass what an int (%n) holds.
        return tr("%1: %2 characters").arg(name, shown(C::TtsCharactersColumn));
    }
    return name;
}

double CharacterBarChart::valueAt(int category) const
{
    double sum = 0;
    if (!m_series)
        return sum;
    const auto sets = m_series->barSets();
    for (const QBarSet *set : sets)
        sum += set->at(category);
    return sum;
}

void CharacterBarChart::rebuild()
{
    m_rebuild.stop();
    QChart *c = chart();
    c->removeAllSeries();
    const auto axes = c->axes();
    for (QAbstractAxis *axis : axes) {
        c->removeAxis(axis);
        delete axis;
    }
    m_series = nullptr;

    struct Bar
    {
        int row;
        QString slug;
        QList<double> parts;
        double total;
    };
    QList<Bar> bars;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QList<double> parts = values(row);
        double total = 0;
        for (const double p : parts)
            total += p;
        bars.append({row, m_model->index(row, 0).data(CharacterTotalsModel::SlugRole).toString(),
                     parts, total});
    }
    std::stable_sort(bars.begin(), bars.end(), [](const Bar &a, const Bar &b) {
        return a.total != b.total ? a.total > b.total : a.slug < b.slug;
    });

    auto *series = new QStackedBarSeries;
    m_order.clear();
    double top = 0;
    const qsizetype count = bars.size();
    for (qsizetype i = 0; i < count; ++i) {
        const Bar &bar = bars.at(i);
        m_order.append(bar.slug);
        top = qMax(top, bar.total);
        for (int part = 0; part < bar.parts.size(); ++part) {
            auto *set = new QBarSet(m_model->displayName(bar.slug));
            QList<qreal> column(count, 0.0);
            column[i] = bar.parts.at(part);
            set->append(column);
            const QColor color = part == 0 ? m_palette->color(bar.slug, palette())
                                           : m_palette->secondaryColor(bar.slug);
            set->setColor(color);
            set->setBorderColor(color.darker(130));
            const QString slug = bar.slug;
            set->setProperty("slug", slug);
            set->setProperty("restingPen", QVariant::fromValue(set->pen()));
            connect(set, &QBarSet::clicked, this, [this, slug](int) {
                // The click leads to another page: no hover-out will come to take it down.
                QToolTip::hideText();
                Q_EMIT characterActivated(slug);
            });
            // The row is looked up when hovered: rows move as totals arrive.
            connect(set, &QBarSet::hovered, this, [this, slug](bool on, int) {
                const int row = rowOf(slug);
                if (on && row >= 0)
                    QToolTip::showText(QCursor::pos(), tooltip(row), this);
                else
                    QToolTip::hideText();
            });
            series->append(set);
        }
    }
    m_series = series;
    c->addSeries(series);
    auto *x = new QBarCategoryAxis;
    QStringList labels;
    for (const QString &slug : std::as_const(m_order))
        labels.append(m_model->displayName(slug));
    x->append(labels);
    c->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    const NiceScale scale =
        NiceScale::forMaximum(top, m_metric == Metric::Cost         ? NiceScale::Kind::Money
                                   : m_metric == Metric::SttMinutes ? NiceScale::Kind::Number
                                                                    : NiceScale::Kind::Count);
    QAbstractAxis *y = scale.makeAxis(metricUnit(m_metric));
    c->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    c->setTitle(metricName(m_metric));
    PaletteColours::styleChart(c, palette());
    m_focus.setSummary(count == 1
                           ? tr("%1 per character, 1 bar").arg(metricName(m_metric))
                           : tr("%1 per character, %2 bars").arg(metricName(m_metric)).arg(count));
    markCurrent(hasFocus());
}

void CharacterBarChart::markCurrent(bool shown)
{
    const qsizetype category = m_order.indexOf(m_current);
    if (!m_series)
        return;
    const auto sets = m_series->barSets();
    for (QBarSet *set : sets) {
        if (shown && category >= 0 && set->property("slug").toString() == m_current) {
            QPen outline(palette().color(QPalette::Highlight));
            outline.setWidth(3);
            set->setPen(outline);
        } else {
            set->setPen(set->property("restingPen").value<QPen>());
        }
    }
    const int row = rowOf(m_current);
    if (shown && category >= 0 && row >= 0)
        m_focus.show(QPointF(qreal(category), valueAt(int(category))), m_series, tooltip(row));
    else
        m_focus.hide();
}

void CharacterBarChart::keyPressEvent(QKeyEvent *event)
{
    const ChartFocusPoint::Key key = m_focus.key(event);
    const qsizetype count = m_order.size();
    if (key == ChartFocusPoint::Key::None || count == 0) {
        QChartView::keyPressEvent(event);
        return;
    }
    if (key == ChartFocusPoint::Key::Open) {
        if (!m_current.isEmpty()) {
            QToolTip::hideText();
            Q_EMIT characterActivated(m_current);
        }
        return;
    }
    if (key == ChartFocusPoint::Key::Up || key == ChartFocusPoint::Key::Down) {
        QChartView::keyPressEvent(event);
        return;
    }
    const qsizetype at = ChartFocusPoint::moved(key, m_order.indexOf(m_current), count);
    m_current = m_order.at(at);
    markCurrent(true);
}

void CharacterBarChart::focusInEvent(QFocusEvent *event)
{
    QChartView::focusInEvent(event);
    // The keyboard starts on the tallest bar, or where it was.
    if (!m_order.contains(m_current) && !m_order.isEmpty())
        m_current = m_order.first();
    markCurrent(true);
}

void CharacterBarChart::focusOutEvent(QFocusEvent *event)
{
    QChartView::focusOutEvent(event);
    markCurrent(false);
}

void CharacterBarChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        scheduleRebuild();
}
