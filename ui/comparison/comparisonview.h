#pragma once

#include <functional>

#include <QWidget>

class CharacterPalette;
class ComparisonCharts;
class ComparisonModel;
class QLabel;
class QStackedWidget;
class QListWidget;
class QTableView;

/// The comparison page: pick two to six characters on the left; the table (best value of each
/// row in bold) and the small multiples under it show them side by side.
class ComparisonView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComparisonView)

public:
    ComparisonView(ComparisonModel *model, CharacterPalette *palette, QWidget *parent = nullptr);
    ~ComparisonView() override;

    /// The characters offered in the picker (checked ones stay checked).
    void setAvailableCharacters(const QStringList &slugs);
    /// Checks these (at most six) and shows them.
    void choose(const QStringList &slugs);
    [[nodiscard]] QStringList chosen() const;
    [[nodiscard]] ComparisonCharts *charts() const { return m_charts; }
    /// Fewer than two characters are chosen: a sentence says what to do instead of empty
    /// charts.
    [[nodiscard]] bool isShowingEmptyState() const;
    /// The comparison's figures as CSV (a .csv name, exact values) or its charts as a PNG
    /// picture (any other name). Refused, with the reason in `error`, while the figures are not
    /// whole (see setMissing).
    bool exportTo(const QString &fileName, QString *error = nullptr);
    /// Asked before each export: empty when the figures are whole, else what is missing.
    void setMissing(std::function<QString()> missing) { m_missing = std::move(missing); }

Q_SIGNALS:
    void chosenChanged(const QStringList &slugs);

private:
    void exportAs(const QString &suffix);
    void onPickerChanged();

    ComparisonModel *m_model;
    CharacterPalette *m_palette;
    QListWidget *m_picker;
    QLabel *m_hint;
    QTableView *m_table;
    ComparisonCharts *m_charts;
    QStackedWidget *m_pages; ///< the empty state, or the table and the charts
    bool m_updating = false;
    std::function<QString()> m_missing;
};
