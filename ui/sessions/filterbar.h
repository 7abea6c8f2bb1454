#pragma once

#include "api/usagequery.h"

#include <QDate>
#include <QTimeZone>
#include <QVariantMap>
#include <QWidget>

#include <functional>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;

/// The filters of the session list: character, tenant and a range of whole days in the chosen
/// zone, turned into the API's inclusive UTC bounds. Day presets follow the zone, so "today" in
/// Europe/Berlin is Berlin's day, 23 or 25 hours long on a daylight-saving change.
class FilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterBar)

public:
    enum class Preset { AllTime, Today, Yesterday, Last7Days, Last30Days, ThisMonth, Custom };
    Q_ENUM(Preset)

    explicit FilterBar(QWidget *parent = nullptr);

    /// An invalid zone means the system's local time.
    void setTimeZone(const QTimeZone &zone);
    [[nodiscard]] QTimeZone timeZone() const { return m_zone; }
    /// For tests: the clock that decides what "today" is.
    void setClock(std::function<QDateTime()> clock);

    void setPreset(Preset preset);
    [[nodiscard]] Preset preset() const;
    void setCustomDays(QDate first, QDate last);
    void setCharacter(const QString &slug);
    void setTenant(const QString &tenant);
    [[nodiscard]] QString character() const;
    [[nodiscard]] QString tenant() const;
    /// The first and last day chosen (in the zone); both invalid for "all time".
    [[nodiscard]] std::pair<QDate, QDate> days() const;
    /// Slugs offered in the character box: remembered ones plus those seen in results.
    void addKnownCharacters(const QStringList &slugs);
    [[nodiscard]] QStringList knownCharacters() const;

    /// The filters as a query (page 1), with the days converted to UTC bounds.
    [[nodiscard]] UsageQuery query() const;
    /// The first and last day a preset covers, given today's date in the zone.
    [[nodiscard]] static std::pair<QDate, QDate> presetDays(Preset preset, QDate today);

    /// The server's message about the dates, shown beside them; empty hides it.
    void setDateError(const QString &message);
    [[nodiscard]] QString dateError() const;

    [[nodiscard]] QVariantMap saveState() const;
    void restoreState(const QVariantMap &state);

public Q_SLOTS:
    void apply();
    void clear();
    void focusFilters();

Q_SIGNALS:
    void applied(const UsageQuery &query);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void onPresetChosen();
    [[nodiscard]] QDate today() const;

    QComboBox *m_character;
    QLineEdit *m_tenant;
    QComboBox *m_preset;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLabel *m_dateError;
    QTimeZone m_zone;
    std::function<QDateTime()> m_clock;
};
