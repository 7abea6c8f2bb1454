#pragma once

#include "reports/dailyreport.h"

#include <QHash>
#include <QWidget>

class CharacterPalette;
class DailyReportBuilder;
class HourlyChart;
class QComboBox;
class QDateEdit;
class QLabel;
class QTableWidget;
struct ApiError;

/// One character over one day (or any range of days): the totals beside the previous period of
/// equal length, the costliest and the longest sessions (double-click opens one), and the
/// sessions per hour.
class DailyReportView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DailyReportView)

public:
    DailyReportView(DailyReportBuilder *builder, CharacterPalette *palette,
                    QWidget *parent = nullptr);
    ~DailyReportView() override;

    /// The characters to pick from, by name where the server gives one (`names`: slug -> name).
    void setCharacters(const QStringList &slugs, const QHash<QString, QString> &names = {});
    void setTenant(const QString &tenantId) { m_tenant = tenantId; }
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }
    /// Shows the report of `slug` for the days `first`..`last`.
    void showReport(const QString &slug, QDate first, QDate last);
    [[nodiscard]] const DailyReport &report() const { return m_report; }
    /// The line above the report: its summary, "Loading…" or the error.
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] HourlyChart *hourlyChart() const { return m_hours; }

Q_SIGNALS:
    void openSession(const QString &sessionId);

private:
    void request();
    [[nodiscard]] QString currentSlug() const;
    void onReady(const DailyReport &report);
    void onFailed(const ApiError &error);
    void fillSessions(QTableWidget *table, const QList<SessionBrief> &sessions);

    DailyReportBuilder *m_builder;
    CharacterPalette *m_palette;
    QString m_tenant;
    QHash<QString, QString> m_names; ///< slug -> display name, where the server gives one
    QTimeZone m_zone;
    DailyReport m_report;
    QString m_missing = tr("no report was asked for yet"); ///< why the hours are not whole
    QComboBox *m_character;
    QDateEdit *m_first;
    QDateEdit *m_last;
    QLabel *m_status;
    QTableWidget *m_totals;
    QTableWidget *m_costliest;
    QTableWidget *m_longest;
    HourlyChart *m_hours;
};
